#include "domain/contact.h"

#include <algorithm>
#include <string>

namespace motcua {
namespace {

constexpr std::size_t kMinPhoneDigits = 8;   // a landline without its area code has 7–8
constexpr std::size_t kMaxPhoneDigits = 15;  // ITU-T E.164
constexpr std::size_t kMaxEmailBytes = 254;  // RFC 5321's path limit, less the brackets

Error Invalid(std::string_view field, std::string vi, std::string en) {
  return Error::InvalidArgument(std::string(field), std::move(vi), std::move(en));
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

Result<void> CheckPhone(std::string_view text, std::string_view field) {
  std::size_t digits = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (IsDigit(c)) {
      ++digits;
    } else if (c == '+' && digits == 0 && text.find_first_not_of(' ') == i) {
      continue;  // an international number's leading plus
    } else if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')') {
      return Fail(Invalid(field, "số điện thoại chỉ gồm chữ số (có thể có dấu + ở đầu, dấu cách, chấm, gạch ngang)",
                          "a phone number is digits (a leading +, spaces, dots, hyphens and brackets allowed)"));
    }
  }
  if (digits == 0 && text.find_first_not_of(' ') == std::string_view::npos) return {};
  if (digits < kMinPhoneDigits || digits > kMaxPhoneDigits) {
    return Fail(Invalid(field, "số điện thoại phải có từ 8 đến 15 chữ số, có " + std::to_string(digits),
                        "a phone number has 8 to 15 digits, this one " + std::to_string(digits)));
  }
  return {};
}

Result<void> CheckEmail(std::string_view text, std::string_view field) {
  if (text.empty()) return {};
  const auto bad = [&](std::string vi, std::string en) {
    return Fail(Invalid(field, "địa chỉ thư điện tử không hợp lệ: " + std::move(vi),
                        "not a valid e-mail address: " + std::move(en)));
  };
  if (text.size() > kMaxEmailBytes) return bad("dài quá 254 byte", "longer than 254 bytes");
  if (std::ranges::any_of(text, [](char c) { return static_cast<unsigned char>(c) <= ' '; })) {
    return bad("có dấu cách", "it holds a space");
  }
  const std::size_t at = text.find('@');
  if (at == std::string_view::npos || text.find('@', at + 1) != std::string_view::npos) {
    return bad("phải có đúng một dấu @", "it needs exactly one @");
  }
  const std::string_view local = text.substr(0, at);
  const std::string_view domain = text.substr(at + 1);
  if (local.empty()) return bad("thiếu phần trước @", "nothing before the @");
  const bool labels_ok = domain.find('.') != std::string_view::npos && !domain.starts_with('.') &&
                         !domain.ends_with('.') && domain.find("..") == std::string_view::npos;
  if (!labels_ok) return bad("tên miền sau @ phải như ten-mien.vn", "the domain after the @ must be like example.vn");
  return {};
}

}  // namespace motcua
