#pragma once
// The 12-digit citizen identity number (số định danh cá nhân, printed on the CCCD card).
//
// Structure (Decree 137/2015/ND-CP art. 7 as amended; Circular 59/2021/TT-BCA art. 7 and its annex):
//   digits 1–3  code of the province where the birth was registered (the 63 pre-2025 province codes,
//               001 Hà Nội … 096 Cà Mau; the 2025 province merger did not renumber issued IDs);
//   digit 4     century and sex: 0/1 = 20th century male/female, 2/3 = 21st, 4/5 = 22nd, 6/7 = 23rd,
//               8/9 = 24th;
//   digits 5–6  the last two digits of the year of birth;
//   digits 7–12 a random number. There is no check digit.
// Pure functions; the current year is a parameter because the domain has no clock.
#include <string>
#include <string_view>

#include "domain/error.h"

namespace motcua {

enum class Sex { kMale, kFemale };

struct CitizenId {
  std::string number;         // the 12 digits
  std::string province_code;  // "001"
  std::string province_name;  // "Hà Nội" (pre-2025 name, as on the card)
  Sex sex = Sex::kMale;
  int birth_year = 0;
};

// Validates `text` (surrounding spaces allowed, nothing else) and decodes it. A birth year after
// `current_year` is rejected. Errors name `field` and say which part is wrong.
Result<CitizenId> ParseCitizenId(std::string_view text, int current_year, std::string_view field = "citizen_id");

// The pre-2025 province name for a 3-digit birth-registration code, or "" if the code is not one.
std::string_view CitizenIdProvinceName(std::string_view code);

}  // namespace motcua
