#include "domain/citizen_id.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

namespace motcua {
namespace {

constexpr int kThisYear = 2026;

struct ValidCase {
  const char* number;
  const char* province_code;
  const char* province_name;
  Sex sex;
  int birth_year;
};

// Expected values decoded by hand from the structure of Circular 59/2021/TT-BCA art. 7.
constexpr ValidCase kValid[] = {
    {"001099012345", "001", "Hà Nội", Sex::kMale, 1999},         // 0 = 20th century, male
    {"079185000001", "079", "Hồ Chí Minh", Sex::kFemale, 1985},  // 1 = 20th century, female
    {"004203123456", "004", "Cao Bằng", Sex::kMale, 2003},       // 2 = 21st century, male
    {"096325999999", "096", "Cà Mau", Sex::kFemale, 2025},       // 3 = 21st century, female
    {"025300000000", "025", "Phú Thọ", Sex::kFemale, 2000},      // born in 2000: century digit 3
    {"048026000000", "048", "Đà Nẵng", Sex::kMale, 1926},
    {" 001099012345 ", "001", "Hà Nội", Sex::kMale, 1999},  // spaces around are trimmed
};

TEST(CitizenIdTest, DecodesValidNumbers) {
  for (const auto& c : kValid) {
    SCOPED_TRACE(c.number);
    auto id = ParseCitizenId(c.number, kThisYear);
    ASSERT_TRUE(id.has_value()) << id.error().message_en;
    EXPECT_EQ(id->number.size(), 12u);
    EXPECT_EQ(id->province_code, c.province_code);
    EXPECT_EQ(id->province_name, c.province_name);
    EXPECT_EQ(id->sex, c.sex);
    EXPECT_EQ(id->birth_year, c.birth_year);
  }
}

struct InvalidCase {
  const char* number;
  const char* reason;  // a word the English message must contain
};

constexpr InvalidCase kInvalid[] = {
    {"", "12 digits"},
    {"00109901234", "12 digits"},    // 11 digits
    {"0010990123456", "12 digits"},  // 13 digits
    {"00109901234a", "12 digits"},
    {"001 099012345", "12 digits"},             // a space inside
    {"００１０９９０１２３４５", "12 digits"},  // full-width digits
    {"003099012345", "province"},               // 003 is no province code
    {"097099012345", "province"},               // past the last code 096
    {"000099012345", "province"},
    {"001427012345", "future"},  // 4 = 22nd century: born 2127
    {"001227012345", "future"},  // born 2027, after this year
};

TEST(CitizenIdTest, RejectsMalformedNumbersNamingTheField) {
  for (const auto& c : kInvalid) {
    SCOPED_TRACE(c.number);
    auto id = ParseCitizenId(c.number, kThisYear, "applicant.citizen_id");
    ASSERT_FALSE(id.has_value());
    EXPECT_EQ(id.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(id.error().field, "applicant.citizen_id");
    EXPECT_NE(id.error().message_en.find(c.reason), std::string::npos) << id.error().message_en;
    EXPECT_FALSE(id.error().message_vi.empty());
  }
}

TEST(CitizenIdTest, BirthThisYearIsAccepted) { EXPECT_TRUE(ParseCitizenId("001226000001", kThisYear).has_value()); }

// The ID's province codes are the 63 pre-2025 province codes with a leading zero: check the table against
// the pre-2025 unit list shipped in data/reference.
TEST(CitizenIdTest, ProvinceCodesAreThe63Pre2025Provinces) {
  std::ifstream in(std::string(MOTCUA_REFERENCE_DIR) + "/units/communes_pre2025.csv");
  ASSERT_TRUE(in);
  std::set<std::string> codes;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) codes.insert("0" + line.substr(0, 2));
  ASSERT_EQ(codes.size(), 63u);
  for (const auto& code : codes) EXPECT_FALSE(CitizenIdProvinceName(code).empty()) << code;
  EXPECT_TRUE(CitizenIdProvinceName("003").empty());
}

}  // namespace
}  // namespace motcua
