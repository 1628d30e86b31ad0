#include "http/query_params.h"

#include <algorithm>
#include <charconv>
#include <cstdint>

namespace motcua::http {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Error BadParameter(std::string_view field, const std::string& vi, const std::string& en) {
  const std::string name(field);
  return Error::InvalidArgument(name, "tham số '" + name + "': " + vi, "parameter '" + name + "': " + en);
}

// The length of the UTF-8 sequence starting at `text[i]`, or 0 when it is malformed there.
std::size_t Utf8SequenceLength(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(text[k]); };
  const std::uint8_t lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  std::uint8_t low = 0x80, high = 0xBF;  // the allowed range of the second byte (RFC 3629 §4)
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // past U+10FFFF
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return length;
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = Utf8SequenceLength(text, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

Result<std::string> PercentDecode(std::string_view text, std::string_view field, bool plus_is_space) {
  std::string decoded;
  decoded.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+' && plus_is_space) {
      decoded += ' ';
    } else if (text[i] != '%') {
      decoded += text[i];
    } else {
      const int high = i + 2 < text.size() ? HexValue(text[i + 1]) : -1;
      const int low = i + 2 < text.size() ? HexValue(text[i + 2]) : -1;
      if (high < 0 || low < 0) {
        return Fail(BadParameter(field, "mã hoá phần trăm không hợp lệ", "malformed percent-encoding"));
      }
      decoded += static_cast<char>(high * 16 + low);
      i += 2;
    }
  }
  if (!IsValidUtf8(decoded)) return Fail(BadParameter(field, "không phải UTF-8 hợp lệ", "not valid UTF-8"));
  return decoded;
}

Result<QueryParams> QueryParams::Parse(std::string_view target) {
  QueryParams params;
  const auto question = target.find('?');
  if (question == std::string_view::npos) return params;
  std::string_view rest = target.substr(question + 1);
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    if (pair.empty()) continue;
    const auto equals = pair.find('=');
    auto key = PercentDecode(pair.substr(0, equals), "query", true);
    if (!key) return Fail(key.error());
    // "?=x": a refusal naming the parameter would name nothing (found by fuzz/query_params_fuzzer.cc).
    if (key->empty()) {
      return Fail(Error::InvalidArgument("query", "một tham số không có tên", "a parameter has no name"));
    }
    const std::string_view raw_value = equals == std::string_view::npos ? "" : pair.substr(equals + 1);
    auto value = PercentDecode(raw_value, *key, true);
    if (!value) return Fail(value.error());
    if (!params.values_.emplace(*key, std::move(*value)).second) {
      return Fail(BadParameter(*key, "được cho hai lần", "given more than once"));
    }
  }
  return params;
}

std::optional<std::string_view> QueryParams::Get(std::string_view name) const {
  const auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

Result<QueryParams> QueryParams::ParseKnown(std::string_view target, std::initializer_list<std::string_view> known) {
  auto query = Parse(target);
  if (!query) return Fail(query.error());
  if (auto ok = query->OnlyThese(known); !ok) return Fail(ok.error());
  return query;
}

Result<std::string> QueryParams::Require(std::string_view name) const {
  if (const auto value = Get(name)) return std::string(*value);
  const std::string text(name);
  return Fail(BadParameter(text, "thiếu tham số '" + text + "'", "missing parameter '" + text + "'"));
}

Result<void> QueryParams::OnlyThese(std::initializer_list<std::string_view> known) const {
  for (const auto& [key, value] : values_) {
    if (std::ranges::find(known, std::string_view(key)) != known.end()) continue;
    std::string list;
    for (std::string_view name : known) list += (list.empty() ? "" : ", ") + std::string(name);
    if (list.empty()) list = "-";
    return Fail(BadParameter(key, "không được hỗ trợ (dùng: " + list + ")", "unknown parameter (known: " + list + ")"));
  }
  return {};
}

Result<int> QueryParams::GetInt(std::string_view name, int fallback, int min, int max) const {
  const auto text = Get(name);
  if (!text) return fallback;
  int value = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (text->empty() || error != std::errc() || end != text->data() + text->size() || value < min || value > max) {
    const std::string range = std::to_string(min) + ".." + std::to_string(max);
    return Fail(BadParameter(name, "phải là số nguyên trong " + range, "must be an integer in " + range));
  }
  return value;
}

}  // namespace motcua::http
