#include "domain/citizen_id.h"

#include <algorithm>
#include <array>
#include <utility>

namespace motcua {
namespace {

// Circular 59/2021/TT-BCA, annex: codes of the provinces where births are registered (pre-2025 units).
constexpr std::array<std::pair<std::string_view, std::string_view>, 63> kProvinceCodes{{
    {"001", "Hà Nội"},
    {"002", "Hà Giang"},
    {"004", "Cao Bằng"},
    {"006", "Bắc Kạn"},
    {"008", "Tuyên Quang"},
    {"010", "Lào Cai"},
    {"011", "Điện Biên"},
    {"012", "Lai Châu"},
    {"014", "Sơn La"},
    {"015", "Yên Bái"},
    {"017", "Hòa Bình"},
    {"019", "Thái Nguyên"},
    {"020", "Lạng Sơn"},
    {"022", "Quảng Ninh"},
    {"024", "Bắc Giang"},
    {"025", "Phú Thọ"},
    {"026", "Vĩnh Phúc"},
    {"027", "Bắc Ninh"},
    {"030", "Hải Dương"},
    {"031", "Hải Phòng"},
    {"033", "Hưng Yên"},
    {"034", "Thái Bình"},
    {"035", "Hà Nam"},
    {"036", "Nam Định"},
    {"037", "Ninh Bình"},
    {"038", "Thanh Hóa"},
    {"040", "Nghệ An"},
    {"042", "Hà Tĩnh"},
    {"044", "Quảng Bình"},
    {"045", "Quảng Trị"},
    {"046", "Thừa Thiên Huế"},
    {"048", "Đà Nẵng"},
    {"049", "Quảng Nam"},
    {"051", "Quảng Ngãi"},
    {"052", "Bình Định"},
    {"054", "Phú Yên"},
    {"056", "Khánh Hòa"},
    {"058", "Ninh Thuận"},
    {"060", "Bình Thuận"},
    {"062", "Kon Tum"},
    {"064", "Gia Lai"},
    {"066", "Đắk Lắk"},
    {"067", "Đắk Nông"},
    {"068", "Lâm Đồng"},
    {"070", "Bình Phước"},
    {"072", "Tây Ninh"},
    {"074", "Bình Dương"},
    {"075", "Đồng Nai"},
    {"077", "Bà Rịa - Vũng Tàu"},
    {"079", "Hồ Chí Minh"},
    {"080", "Long An"},
    {"082", "Tiền Giang"},
    {"083", "Bến Tre"},
    {"084", "Trà Vinh"},
    {"086", "Vĩnh Long"},
    {"087", "Đồng Tháp"},
    {"089", "An Giang"},
    {"091", "Kiên Giang"},
    {"092", "Cần Thơ"},
    {"093", "Hậu Giang"},
    {"094", "Sóc Trăng"},
    {"095", "Bạc Liêu"},
    {"096", "Cà Mau"},
}};

Error Invalid(std::string_view field, std::string vi, std::string en) {
  return Error::InvalidArgument(std::string(field), std::move(vi), std::move(en));
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

int DigitAt(std::string_view digits, std::size_t index) { return digits[index] - '0'; }

}  // namespace

std::string_view CitizenIdProvinceName(std::string_view code) {
  const auto* found = std::ranges::find(kProvinceCodes, code, &std::pair<std::string_view, std::string_view>::first);
  return found == kProvinceCodes.end() ? std::string_view() : found->second;
}

Result<CitizenId> ParseCitizenId(std::string_view text, int current_year, std::string_view field) {
  const std::string_view digits = Trim(text);
  if (digits.size() != 12 || !std::ranges::all_of(digits, [](char c) { return c >= '0' && c <= '9'; })) {
    return Fail(Invalid(field, "số định danh cá nhân phải gồm đúng 12 chữ số",
                        "a citizen ID number must be exactly 12 digits"));
  }
  CitizenId id;
  id.number = std::string(digits);
  id.province_code = id.number.substr(0, 3);
  id.province_name = std::string(CitizenIdProvinceName(id.province_code));
  if (id.province_name.empty()) {
    return Fail(Invalid(field, "3 chữ số đầu '" + id.province_code + "' không phải mã tỉnh nơi đăng ký khai sinh",
                        "the first 3 digits '" + id.province_code + "' are not a province-of-birth code"));
  }
  const int century_sex = DigitAt(digits, 3);
  id.sex = century_sex % 2 == 0 ? Sex::kMale : Sex::kFemale;
  id.birth_year = 1900 + (century_sex / 2) * 100 + DigitAt(digits, 4) * 10 + DigitAt(digits, 5);
  if (id.birth_year > current_year) {
    return Fail(Invalid(field, "năm sinh " + std::to_string(id.birth_year) + " (chữ số 4–6) ở tương lai",
                        "birth year " + std::to_string(id.birth_year) + " (digits 4–6) is in the future"));
  }
  return id;
}

}  // namespace motcua
