#include "http/log_line.h"

#include <array>
#include <cctype>
#include <cstdio>

namespace motcua::http {
namespace {

// Query parameters whose values are personal data (README, "Who sees and does what").
constexpr std::array<std::string_view, 5> kPersonalParameters = {"applicant_id", "citizen_id", "phone", "email",
                                                                 "name"};
constexpr std::string_view kRedacted = "***";

void AppendQuoted(std::string& out, std::string_view value) {
  out += '"';
  for (const char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (byte < 0x20 || byte == 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
      out += escaped;
    } else {
      out += c;  // UTF-8 passes as is: Vietnamese reasons stay readable
    }
  }
  out += '"';
}

bool IsPersonal(std::string_view parameter) {
  for (std::string_view name : kPersonalParameters) {
    if (parameter == name) return true;
  }
  return false;
}

// Replaces every maximal run of exactly 12 ASCII digits by kRedacted.
std::string WithoutCitizenIds(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = i;
    while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
    if (end == i) {
      out += text[i++];
      continue;
    }
    out += end - i == 12 ? kRedacted : text.substr(i, end - i);
    i = end;
  }
  return out;
}

// "a=1&applicant_id=0250...&b" with the personal values replaced.
std::string RedactedQuery(std::string_view query) {
  std::string out;
  while (true) {
    const std::size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    const std::size_t equals = pair.find('=');
    const bool personal = equals != std::string_view::npos && IsPersonal(pair.substr(0, equals));
    out += personal ? std::string(pair.substr(0, equals + 1)) + std::string(kRedacted) : std::string(pair);
    if (amp == std::string_view::npos) return out;
    out += '&';
    query.remove_prefix(amp + 1);
  }
}

}  // namespace

LogLine& LogLine::Text(std::string_view key, std::string_view value) {
  text_ += ' ';
  text_ += key;
  text_ += '=';
  AppendQuoted(text_, value);
  return *this;
}

LogLine& LogLine::Number(std::string_view key, std::int64_t value) {
  text_ += ' ';
  text_ += key;
  text_ += '=';
  text_ += std::to_string(value);
  return *this;
}

std::string RedactedTarget(std::string_view target) {
  const std::size_t question = target.find('?');
  if (question == std::string_view::npos) return WithoutCitizenIds(target);
  return WithoutCitizenIds(std::string(target.substr(0, question + 1)) + RedactedQuery(target.substr(question + 1)));
}

}  // namespace motcua::http
