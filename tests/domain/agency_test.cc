// The shapes of agencies and receiving points (domain/agency.h), as tables of inputs and the field each rejects.
#include "domain/agency.h"

#include <gtest/gtest.h>

#include <string>

namespace motcua {
namespace {

Agency GoodAgency() { return {"000.00.25.H52", "Ủy ban nhân dân xã Hòa Bình", "05152"}; }

ReceivingPoint GoodPoint() {
  return {"05152-ttpvhcc", "Trung tâm phục vụ hành chính công xã Hòa Bình", "05152", "000.00.25.H52",
          "Thôn Nà Mạ, xã Hòa Bình, tỉnh Cao Bằng"};
}

void ExpectInvalid(const Result<void>& result, const std::string& field, const std::string& label) {
  ASSERT_FALSE(result.has_value()) << label;
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument) << label;
  EXPECT_EQ(result.error().field, field) << label;
  EXPECT_FALSE(result.error().message_vi.empty()) << label;
  EXPECT_FALSE(result.error().message_en.empty()) << label;
}

TEST(AgencyTest, AcceptsWellFormedAgenciesOfACommuneOrAProvince) {
  EXPECT_TRUE(ValidateAgency(GoodAgency()).has_value());
  EXPECT_TRUE(ValidateAgency({"H04", "Sở Tư pháp tỉnh Cao Bằng", "04"}).has_value());
  EXPECT_TRUE(ValidateAgency({std::string(40, 'A'), std::string(300, 'x'), "01"}).has_value());
  EXPECT_TRUE(ValidateAgency({"a", "b", "96000"}).has_value());
}

TEST(AgencyTest, RejectsEachMalformedFieldByName) {
  struct Case {
    std::string label;
    Agency agency;
    std::string field;
  } cases[] = {
      {"empty id", {"", "Sở Tư pháp", "04"}, "id"},
      {"id of 41 characters", {std::string(41, 'A'), "Sở Tư pháp", "04"}, "id"},
      {"id with a dash", {"000-00-25-H52", "Sở Tư pháp", "04"}, "id"},
      {"id with a space", {"000.00 25.H52", "Sở Tư pháp", "04"}, "id"},
      {"id with an underscore", {"000_H52", "Sở Tư pháp", "04"}, "id"},
      {"id with a letter with a diacritic", {"H52.Đ", "Sở Tư pháp", "04"}, "id"},
      {"empty name", {"H04", "", "04"}, "name"},
      {"name of 301 bytes", {"H04", std::string(301, 'x'), "04"}, "name"},
      {"name of 300 bytes cut in a character", {"H04", std::string(299, 'x') + "\xC3", "04"}, "name"},
      {"name with a stray continuation byte", {"H04", "S\x80 Tư pháp", "04"}, "name"},
      {"name with an overlong encoding", {"H04", "S\xC0\xAF", "04"}, "name"},
      {"name with a surrogate", {"H04", "S\xED\xA0\x80", "04"}, "name"},
      {"name in Latin-1", {"H04", "S\xF4 T\xFA", "04"}, "name"},
      {"name with a line break", {"H04", "Sở Tư pháp\ntỉnh Cao Bằng", "04"}, "name"},
      {"name with a tab", {"H04", "Sở\tTư pháp", "04"}, "name"},
      {"name with a NUL", {"H04", std::string("S\0T", 3), "04"}, "name"},
      {"name of spaces only", {"H04", "   ", "04"}, "name"},
      {"empty unit", {"H04", "Sở Tư pháp", ""}, "unit"},
      {"unit of 1 digit", {"H04", "Sở Tư pháp", "4"}, "unit"},
      {"unit of 3 digits", {"H04", "Sở Tư pháp", "004"}, "unit"},
      {"unit of 4 digits", {"H04", "Sở Tư pháp", "0515"}, "unit"},
      {"unit of 6 digits", {"H04", "Sở Tư pháp", "051520"}, "unit"},
      {"unit with a letter", {"H04", "Sở Tư pháp", "0515a"}, "unit"},
      {"unit with a space", {"H04", "Sở Tư pháp", " 04"}, "unit"},
      {"unit in full-width digits", {"H04", "Sở Tư pháp", "\xEF\xBC\x90\xEF\xBC\x94"}, "unit"},
  };
  for (const Case& c : cases) ExpectInvalid(ValidateAgency(c.agency), c.field, c.label);
}

TEST(AgencyTest, ReportsTheFirstFieldInDeclarationOrder) {
  ExpectInvalid(ValidateAgency({"", "", ""}), "id", "all empty");
  ExpectInvalid(ValidateAgency({"H04", "", ""}), "name", "name and unit empty");
}

TEST(AgencyTest, MessagesSayWhyInBothLanguages) {
  auto unit = ValidateAgency({"H04", "Sở Tư pháp", "0515"});
  ASSERT_FALSE(unit.has_value());
  EXPECT_NE(unit.error().message_vi.find("0515"), std::string::npos);
  EXPECT_NE(unit.error().message_vi.find("5 chữ số"), std::string::npos);
  EXPECT_NE(unit.error().message_en.find("5 digits"), std::string::npos);
  auto utf8 = ValidateAgency({"H04", "S\x80", "04"});
  ASSERT_FALSE(utf8.has_value());
  EXPECT_NE(utf8.error().message_vi.find("UTF-8"), std::string::npos);
  EXPECT_NE(utf8.error().message_en.find("UTF-8"), std::string::npos);
}

TEST(ReceivingPointTest, AcceptsWellFormedPoints) {
  EXPECT_TRUE(ValidateReceivingPoint(GoodPoint()).has_value());
  ReceivingPoint no_address = GoodPoint();
  no_address.address.clear();
  EXPECT_TRUE(ValidateReceivingPoint(no_address).has_value());
  ReceivingPoint longest = GoodPoint();
  longest.id = std::string(64, 'z');
  longest.name = std::string(300, 'n');
  longest.address = std::string(300, 'a');
  EXPECT_TRUE(ValidateReceivingPoint(longest).has_value());
  ReceivingPoint province = GoodPoint();
  province.id = "04.TTPVHCC_tinh-1";
  province.unit = "04";
  EXPECT_TRUE(ValidateReceivingPoint(province).has_value());
}

TEST(ReceivingPointTest, RejectsEachMalformedFieldByName) {
  struct Case {
    std::string label;
    void (*change)(ReceivingPoint&);
    std::string field;
  } cases[] = {
      {"empty id", [](ReceivingPoint& p) { p.id = ""; }, "id"},
      {"id of 65 characters", [](ReceivingPoint& p) { p.id = std::string(65, 'a'); }, "id"},
      {"id with a space", [](ReceivingPoint& p) { p.id = "05152 ttpvhcc"; }, "id"},
      {"id with a slash", [](ReceivingPoint& p) { p.id = "05152/ttpvhcc"; }, "id"},
      {"id with a diacritic", [](ReceivingPoint& p) { p.id = "05152-trung-tâm"; }, "id"},
      {"empty name", [](ReceivingPoint& p) { p.name = ""; }, "name"},
      {"name of 301 bytes", [](ReceivingPoint& p) { p.name = std::string(301, 'n'); }, "name"},
      {"name not UTF-8", [](ReceivingPoint& p) { p.name = "Trung t\xE2m"; }, "name"},
      {"name with a line break", [](ReceivingPoint& p) { p.name = "Trung tâm\r\n"; }, "name"},
      {"empty unit", [](ReceivingPoint& p) { p.unit = ""; }, "unit"},
      {"unit of 3 digits", [](ReceivingPoint& p) { p.unit = "051"; }, "unit"},
      {"unit with a letter", [](ReceivingPoint& p) { p.unit = "H5152"; }, "unit"},
      {"empty agency id", [](ReceivingPoint& p) { p.agency_id = ""; }, "agency_id"},
      {"agency id of 41 characters", [](ReceivingPoint& p) { p.agency_id = std::string(41, '0'); }, "agency_id"},
      {"agency id with a dash", [](ReceivingPoint& p) { p.agency_id = "000-00-25-H52"; }, "agency_id"},
      {"address of 301 bytes", [](ReceivingPoint& p) { p.address = std::string(301, 'a'); }, "address"},
      {"address not UTF-8", [](ReceivingPoint& p) { p.address = "x\xFF"; }, "address"},
      {"address truncated in a character", [](ReceivingPoint& p) { p.address = "Cao B\xE1\xBA"; }, "address"},
      {"address with a line break", [](ReceivingPoint& p) { p.address = "Thôn Nà Mạ\nxã Hòa Bình"; }, "address"},
      {"address of spaces only", [](ReceivingPoint& p) { p.address = "  "; }, "address"},
  };
  for (const Case& c : cases) {
    ReceivingPoint point = GoodPoint();
    c.change(point);
    ExpectInvalid(ValidateReceivingPoint(point), c.field, c.label);
  }
}

}  // namespace
}  // namespace motcua
