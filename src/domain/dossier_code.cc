#include "domain/dossier_code.h"

#include <algorithm>
#include <cstdio>

namespace motcua {
namespace {

bool IsAgencyChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_';
}

std::string DateDigits(LocalDate date, bool full_year) {
  const std::string iso = FormatIsoDate(date);  // YYYY-MM-DD
  return (full_year ? iso.substr(0, 4) : iso.substr(2, 2)) + iso.substr(5, 2) + iso.substr(8, 2);
}

Error BadPattern(std::string vi, std::string en) {
  return Error::InvalidArgument("dossier_code_pattern", "mẫu mã hồ sơ " + vi, "dossier code pattern " + en);
}

// Calls `on_placeholder(name)` for each {…} and `on_literal(text)` between them; false on an unclosed brace.
template <typename P, typename L>
bool Walk(std::string_view pattern, P on_placeholder, L on_literal) {
  std::size_t pos = 0;
  while (pos < pattern.size()) {
    const std::size_t open = pattern.find('{', pos);
    on_literal(pattern.substr(pos, open == std::string_view::npos ? std::string_view::npos : open - pos));
    if (open == std::string_view::npos) return true;
    const std::size_t close = pattern.find('}', open);
    if (close == std::string_view::npos) return false;
    on_placeholder(pattern.substr(open + 1, close - open - 1));
    pos = close + 1;
  }
  return true;
}

int SequenceWidth(std::string_view placeholder) {
  if (placeholder.size() != 5 || !placeholder.starts_with("seq:")) return 0;
  const char digit = placeholder[4];
  return digit >= '1' && digit <= '9' ? digit - '0' : 0;
}

}  // namespace

Result<DossierCodeFormat> DossierCodeFormat::Parse(std::string_view pattern) {
  int agencies = 0, sequences = 0;
  std::string unknown;
  const bool closed = Walk(
      pattern,
      [&](std::string_view name) {
        if (name == "agency")
          ++agencies;
        else if (SequenceWidth(name) > 0)
          ++sequences;
        else if (name != "yymmdd" && name != "yyyymmdd")
          unknown = std::string(name);
      },
      [](std::string_view) {});
  if (!closed) return Fail(BadPattern("có dấu { chưa đóng", "has an unclosed {"));
  if (!unknown.empty()) {
    return Fail(BadPattern("có chỗ trống lạ {" + unknown + "}", "has an unknown placeholder {" + unknown + "}"));
  }
  if (agencies != 1 || sequences != 1) {
    return Fail(BadPattern("phải có đúng một {agency} và một {seq:N}", "needs exactly one {agency} and one {seq:N}"));
  }
  return DossierCodeFormat(std::string(pattern));
}

Result<std::string> DossierCodeFormat::Format(std::string_view agency_id, LocalDate date, long long sequence) const {
  if (agency_id.empty() || !std::ranges::all_of(agency_id, IsAgencyChar)) {
    return Fail(Error::InvalidArgument("agency_id",
                                       "mã định danh cơ quan '" + std::string(agency_id) + "' không hợp lệ",
                                       "agency ID '" + std::string(agency_id) + "' is not valid"));
  }
  if (sequence < 1) {
    return Fail(Error::InvalidArgument("sequence", "số thứ tự phải từ 1", "the sequence starts at 1"));
  }
  std::string code;
  Walk(
      pattern_,
      [&](std::string_view name) {
        if (name == "agency")
          code += agency_id;
        else if (name == "yymmdd")
          code += DateDigits(date, false);
        else if (name == "yyyymmdd")
          code += DateDigits(date, true);
        else {
          char digits[32];
          std::snprintf(digits, sizeof digits, "%0*lld", SequenceWidth(name), sequence);
          code += digits;
        }
      },
      [&](std::string_view literal) { code += literal; });
  return code;
}

std::string DossierCodeFormat::SequenceKey(std::string_view agency_id, LocalDate date) const {
  return std::string(agency_id) + "|" + DateDigits(date, true);
}

}  // namespace motcua
