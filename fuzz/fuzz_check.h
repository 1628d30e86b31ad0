#pragma once
// What the harnesses check beyond "no crash": a promise that the code under test makes in its header and breaks
// on some input is reported like a crash (abort), so that libFuzzer stops and saves the input.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "domain/error.h"

namespace motcua::fuzz {

// Aborts, naming `what`, unless `holds`.
inline void Check(bool holds, std::string_view what) {
  if (holds) return;
  std::fprintf(stderr, "fuzz check failed: %.*s\n", static_cast<int>(what.size()), what.data());
  std::abort();
}

// The promise of every reader of requests and files: a refusal is an InvalidArgument naming where the culprit
// is, with a reason in both languages.
inline void CheckRefusal(const Error& error) {
  Check(error.code == ErrorCode::kInvalidArgument, "a refusal is an InvalidArgument");
  Check(!error.field.empty(), "a refusal names its field");
  Check(!error.message_vi.empty() && !error.message_en.empty(), "a refusal says why, in Vietnamese and English");
}

// Whether nlohmann-json, whose UTF-8 decoder is not ours (Hoehrmann's DFA, RFC 3629), takes `text` as UTF-8:
// an independent oracle for the readers that promise UTF-8.
inline bool IsUtf8ForNlohmann(std::string_view text) {
  try {
    (void)nlohmann::json(std::string(text)).dump();
    return true;
  } catch (const nlohmann::json::type_error&) {
    return false;
  }
}

}  // namespace motcua::fuzz
