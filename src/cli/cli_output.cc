#include "cli/cli_output.h"

#include <fmt/core.h>

#include <cstdio>

namespace motcua::cli {

int ExitCodeFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return 2;
    case ErrorCode::kNotFound:
      return 3;
    default:
      return 1;
  }
}

std::string CliOutput::Describe(const Error& error) const {
  const std::string& message = language_ == Language::kVietnamese ? error.message_vi : error.message_en;
  return error.field.empty() ? message : fmt::format("{}: {}", error.field, message);
}

int CliOutput::ReportError(const Error& error) const {
  fmt::print(stderr, "{} {}\n", Say("lỗi", "error"), Describe(error));
  return ExitCodeFor(error.code);
}

int CliOutput::ReportErrors(const std::vector<Error>& errors) const {
  for (const Error& error : errors) fmt::print(stderr, "{} {}\n", Say("lỗi", "error"), Describe(error));
  return errors.empty() ? 1 : ExitCodeFor(errors.front().code);
}

}  // namespace motcua::cli
