#pragma once
// Dossier codes (mã hồ sơ). The national practice (DESIGN.md §5, docs/law/deadlines.md) is
// "{agency ID}-{yymmdd}-{daily sequence}", e.g. "H15.50.05.13-261008-0975": the receiving agency's
// electronic ID (Decision 20/2020/QĐ-TTg), the date of receipt, and a sequence number that restarts every
// day for that agency. Provinces differ in details (sequence width, full year), so the pattern is a
// setting with placeholders:
//   {agency}     the agency ID (letters, digits, '.')
//   {yymmdd}     the local date of receipt, two-digit year; {yyyymmdd} with the full year
//   {seq:N}      the daily sequence, zero-padded to N digits (1..9); a larger number keeps all its digits
// Anything else is copied literally. Pure; the sequence itself is allocated by the store.
#include <string>
#include <string_view>

#include "domain/civil_time.h"
#include "domain/error.h"

namespace motcua {

class DossierCodeFormat {
 public:
  static constexpr std::string_view kNational = "{agency}-{yymmdd}-{seq:4}";

  // Checks the pattern: known placeholders only, exactly one {seq:N}, exactly one {agency}.
  static Result<DossierCodeFormat> Parse(std::string_view pattern);

  // The code for the `sequence`-th dossier (1-based) received by `agency_id` on `date`.
  // InvalidArgument if agency_id is empty or has characters other than letters, digits, '.', '_'.
  Result<std::string> Format(std::string_view agency_id, LocalDate date, long long sequence) const;

  // The prefix shared by all codes of one agency and day: the key the daily sequence is counted under.
  std::string SequenceKey(std::string_view agency_id, LocalDate date) const;

  const std::string& pattern() const { return pattern_; }

 private:
  explicit DossierCodeFormat(std::string pattern) : pattern_(std::move(pattern)) {}
  std::string pattern_;
};

}  // namespace motcua
