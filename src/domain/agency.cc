#include "domain/agency.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace motcua {
namespace {

constexpr std::size_t kMaxAgencyId = 40;
constexpr std::size_t kMaxPointId = 64;
constexpr std::size_t kMaxText = 300;  // bytes, for names and addresses

bool IsAsciiAlnum(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool IsAgencyIdChar(char c) { return IsAsciiAlnum(c) || c == '.'; }
bool IsPointIdChar(char c) { return IsAsciiAlnum(c) || c == '.' || c == '_' || c == '-'; }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

enum class TextFault { kNone, kInvalidUtf8, kControl, kBlank };

// What is wrong with a piece of display text, if anything. utf8proc_iterate rejects overlong forms and
// surrogates as well as truncated sequences; control characters (tabs, line breaks, NUL, C1) have no place in a
// name or an address printed on a receipt.
TextFault FaultOf(std::string_view text) {
  bool blank = true;
  for (std::size_t i = 0; i < text.size();) {
    utf8proc_int32_t codepoint = 0;
    const auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                         static_cast<utf8proc_ssize_t>(text.size() - i), &codepoint);
    if (length <= 0) return TextFault::kInvalidUtf8;
    const utf8proc_category_t category = utf8proc_category(codepoint);
    if (category == UTF8PROC_CATEGORY_CC) return TextFault::kControl;
    if (category != UTF8PROC_CATEGORY_ZS) blank = false;
    i += static_cast<std::size_t>(length);
  }
  return blank && !text.empty() ? TextFault::kBlank : TextFault::kNone;
}

// `what_vi` / `what_en` name the thing in the messages ("tên cơ quan" / "the agency name").
Result<void> CheckText(std::string_view text, bool required, const char* field, const std::string& what_vi,
                       const std::string& what_en) {
  if (required && text.empty()) {
    return Fail(Error::InvalidArgument(field, what_vi + " không được để trống", what_en + " must not be empty"));
  }
  if (text.size() > kMaxText) {
    return Fail(Error::InvalidArgument(field, what_vi + " dài quá 300 byte", what_en + " is longer than 300 bytes"));
  }
  switch (FaultOf(text)) {
    case TextFault::kInvalidUtf8:
      return Fail(Error::InvalidArgument(field, what_vi + " không phải UTF-8 hợp lệ", what_en + " is not valid UTF-8"));
    case TextFault::kControl:
      return Fail(Error::InvalidArgument(field, what_vi + " chứa ký tự điều khiển (xuống dòng, tab...)",
                                         what_en + " contains a control character (line break, tab...)"));
    case TextFault::kBlank:
      return Fail(Error::InvalidArgument(field, what_vi + " chỉ gồm khoảng trắng", what_en + " is only spaces"));
    case TextFault::kNone:
      break;
  }
  return {};
}

Result<void> CheckAgencyId(std::string_view id, const char* field, const std::string& what_vi,
                           const std::string& what_en) {
  if (id.empty() || id.size() > kMaxAgencyId) {
    return Fail(Error::InvalidArgument(field, what_vi + " phải dài từ 1 đến 40 ký tự",
                                       what_en + " must be 1 to 40 characters long"));
  }
  if (!std::ranges::all_of(id, IsAgencyIdChar)) {
    return Fail(Error::InvalidArgument(field, what_vi + " chỉ gồm chữ cái A-Z, a-z, chữ số và dấu chấm",
                                       what_en + " may only hold letters A-Z, a-z, digits and dots"));
  }
  return {};
}

Result<void> CheckPointId(std::string_view id) {
  if (id.empty() || id.size() > kMaxPointId) {
    return Fail(Error::InvalidArgument("id", "mã nơi tiếp nhận phải dài từ 1 đến 64 ký tự",
                                       "the receiving point ID must be 1 to 64 characters long"));
  }
  if (!std::ranges::all_of(id, IsPointIdChar)) {
    return Fail(Error::InvalidArgument("id", "mã nơi tiếp nhận chỉ gồm chữ cái A-Z, a-z, chữ số và . _ -",
                                       "the receiving point ID may only hold letters A-Z, a-z, digits and . _ -"));
  }
  return {};
}

// A province has a 2-digit code, a commune a 5-digit one (the General Statistics Office's codes, kept with their
// leading zeros).
Result<void> CheckUnit(std::string_view unit) {
  if ((unit.size() != 2 && unit.size() != 5) || !std::ranges::all_of(unit, IsAsciiDigit)) {
    return Fail(Error::InvalidArgument(
        "unit", "mã đơn vị '" + std::string(unit) + "' phải gồm 2 chữ số (tỉnh) hoặc 5 chữ số (xã)",
        "the unit code '" + std::string(unit) + "' must be 2 digits (province) or 5 digits (commune)"));
  }
  return {};
}

}  // namespace

Result<void> ValidateAgency(const Agency& agency) {
  if (auto id = CheckAgencyId(agency.id, "id", "mã định danh cơ quan", "the agency ID"); !id) return id;
  if (auto name = CheckText(agency.name, true, "name", "tên cơ quan", "the agency name"); !name) return name;
  return CheckUnit(agency.unit);
}

Result<void> ValidateReceivingPoint(const ReceivingPoint& point) {
  if (auto id = CheckPointId(point.id); !id) return id;
  if (auto name = CheckText(point.name, true, "name", "tên nơi tiếp nhận", "the receiving point name"); !name) {
    return name;
  }
  if (auto unit = CheckUnit(point.unit); !unit) return unit;
  if (auto agency = CheckAgencyId(point.agency_id, "agency_id", "mã định danh cơ quan", "the agency ID"); !agency) {
    return agency;
  }
  return CheckText(point.address, false, "address", "địa chỉ", "the address");
}

}  // namespace motcua
