#pragma once
// One machine-readable log line in logfmt: an event name, then key="value" pairs, every text value quoted and
// escaped (backslash, double quote, control characters as \n, \t or \u00XX), numbers bare:
//
//   http request_id="5f3a9c-000012" client="127.0.0.1:50412" method="GET" route="/api/v1/dossiers"
//        target="/api/v1/dossiers?applicant_id=***" status=200 bytes=512 duration_us=834 login="tn.vanson"
//
// Quoting every text value means a value with a space or an "=" (a reason, a made-up target) cannot be read
// as another key. Targets go through RedactedTarget() first, so that no personal data reaches the log.
// Plain values and free functions: thread-safe.
#include <cstdint>
#include <string>
#include <string_view>

namespace motcua::http {

class LogLine {
 public:
  explicit LogLine(std::string_view event) : text_(event) {}

  LogLine& Text(std::string_view key, std::string_view value);
  LogLine& Number(std::string_view key, std::int64_t value);

  const std::string& str() const { return text_; }

 private:
  std::string text_;
};

// `target` fit for a log: the values of query parameters that name a person (applicant_id, citizen_id, phone,
// email, name) and any run of exactly 12 digits anywhere in the path or query (a citizen ID, basic personal
// data under Decree 13/2023/ND-CP art. 2) are replaced by "***". The parameter names, and so what was asked,
// stay readable.
std::string RedactedTarget(std::string_view target);

}  // namespace motcua::http
