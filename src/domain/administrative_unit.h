#pragma once
// Administrative units of the two-tier model in force since 1 July 2025 (Resolution 202/2025/QH15 and
// the Standing Committee's resolutions on commune arrangement): 34 provinces (2-digit codes) and their
// communes, wards and special zones (5-digit codes), plus the pre-2025 three-tier units that old records
// still name. Plain values; codes keep their leading zeros.
#include <string>

namespace motcua {

struct Province {
  std::string code;           // "04"
  std::string name;           // "Tỉnh Cao Bằng"
  std::string division_type;  // "tỉnh" | "thành phố trung ương"
  std::string codename;       // "cao_bang"
  std::string phone_code;     // "206"
};

struct Commune {
  std::string code;           // "05152"
  std::string name;           // "Xã Vân Sơn"
  std::string division_type;  // "xã" | "phường" | "đặc khu"
  std::string codename;
  std::string province_code;
};

// A commune, ward or township of the three-tier model before 1 July 2025.
struct LegacyCommune {
  std::string province_code;
  std::string province_name;
  std::string district_code;
  std::string district_name;
  std::string commune_code;
  std::string commune_name;
  std::string division_type;  // "Xã" | "Phường" | "Thị trấn"
};

// Whether an old unit went whole into the new one, or was split between several new units.
enum class MergeKind { kWhole, kPartial };

// One row of the 2025 arrangement: (part of) an old commune went into a new commune.
struct LegacyLink {
  std::string old_commune_code;
  std::string old_commune_name;
  std::string old_district_code;
  std::string old_district_name;
  std::string old_province_code;
  std::string old_province_name;
  MergeKind merge = MergeKind::kWhole;
  std::string note;  // the official wording, e.g. "Nhập toàn bộ", "Nhập một phần diện tích"
  std::string commune_code;
  std::string commune_name;
  std::string province_code;
};

}  // namespace motcua
