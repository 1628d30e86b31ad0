#pragma once
// How the command line speaks: Vietnamese by default, English with --lang en (or MOTCUA_LANG=en);
// errors go to stderr with the field at fault, and map to exit codes:
//   0 success, 1 the operation failed (store, catalogue), 2 bad usage or invalid input, 3 not found,
//   4 verify found a broken hash chain.
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.h"

namespace motcua::cli {

enum class Language { kVietnamese, kEnglish };

class CliOutput {
 public:
  void set_language(Language language) { language_ = language; }
  Language language() const { return language_; }

  // The text for the current language.
  std::string_view Say(std::string_view vi, std::string_view en) const {
    return language_ == Language::kVietnamese ? vi : en;
  }
  // Prints "lỗi [field]: message" (or "error [field]: message") to stderr; returns the exit code.
  int ReportError(const Error& error) const;
  // Prints every error, one a line; returns the exit code of the first.
  int ReportErrors(const std::vector<Error>& errors) const;
  // One error or warning as a single line, without the "lỗi" prefix.
  std::string Describe(const Error& error) const;

 private:
  Language language_ = Language::kVietnamese;
};

int ExitCodeFor(ErrorCode code);

}  // namespace motcua::cli
