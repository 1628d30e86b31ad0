#include "app/reference_loader.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "support/in_memory_reference_files.h"

namespace motcua::app {
namespace {

using motcua::testing::InMemoryReferenceFiles;

bool HasErrorAt(const std::vector<Error>& errors, const std::string& where) {
  return std::ranges::any_of(errors, [&](const Error& e) { return e.field == where; });
}

std::string Fields(const std::vector<Error>& errors) {
  std::string all;
  for (const auto& e : errors) all += e.field + " (" + e.message_en + ")\n";
  return all;
}

TEST(ReferenceLoaderTest, TheShippedCatalogueLoadsWhole) {
  const BuiltInReferenceFiles files;
  const ReferenceLoad load = LoadReferenceCatalogue(files);
  ASSERT_TRUE(load.ok()) << Fields(load.errors);
  const auto& c = load.catalogue;
  EXPECT_EQ(c.provinces.size(), 34u);
  EXPECT_EQ(c.communes.size(), 3321u);
  EXPECT_EQ(c.legacy_communes.size(), 10051u);
  EXPECT_EQ(c.legacy_links.size(), 10571u);
  EXPECT_EQ(c.procedures.size(), 2642u);
  EXPECT_EQ(c.calendar.size(), 63u);  // data/reference/README.md: 2024–2026, one row a day
  std::size_t channels = 0, components = 0;
  for (const auto& p : c.procedures) {
    channels += p.channel_details.size();
    components += p.components.size();
  }
  EXPECT_EQ(channels, 7077u);
  EXPECT_EQ(components, 15136u);
}

TEST(ReferenceLoaderTest, BirthRegistrationIsReadWithItsChannelsAndComponents) {
  const ReferenceLoad load = LoadReferenceCatalogue(BuiltInReferenceFiles());
  auto birth = std::ranges::find(load.catalogue.procedures, std::string("1.001193"), &Procedure::code);
  ASSERT_NE(birth, load.catalogue.procedures.end());
  EXPECT_EQ(birth->name, "Thủ tục đăng ký khai sinh");
  EXPECT_TRUE(birth->HasLevel("commune"));
  EXPECT_FALSE(birth->channel_details.empty());
  EXPECT_FALSE(birth->components.empty());
}

// A processing time with no unit is kept (its raw text too) and reported as a warning, never dropped.
TEST(ReferenceLoaderTest, TimeWithoutUnitIsAWarningAndTheRowIsKept) {
  const ReferenceLoad load = LoadReferenceCatalogue(BuiltInReferenceFiles());
  EXPECT_TRUE(HasErrorAt(load.warnings, "procedures/procedure_channels.csv:6981:time_unit")) << "140,000 for 1.005103";
  auto p = std::ranges::find(load.catalogue.procedures, std::string("1.005103"), &Procedure::code);
  ASSERT_NE(p, load.catalogue.procedures.end());
  ASSERT_FALSE(p->channel_details.empty());
  EXPECT_FALSE(p->channel_details[0].time_unit.has_value());
  EXPECT_EQ(p->channel_details[0].time_text, "140,000");
}

struct BadRowCase {
  const char* name;
  const char* file;
  const char* appended_row;  // appended after the last row, so it sits on a known line
  const char* column;
};

const BadRowCase kBadRows[] = {
    {"province code not 2 digits", kProvincesFile, "4,Tỉnh Lạ,tỉnh,la,999\n", "code"},
    {"duplicate province", kProvincesFile, "04,Tỉnh Cao Bằng,tỉnh,cao_bang,206\n", "code"},
    {"unknown division type", kCommunesFile, "99999,Xã Lạ,làng,xa_la,04\n", "division_type"},
    {"commune of no province", kCommunesFile, "99999,Xã Lạ,xã,xa_la,77\n", "province_code"},
    {"empty commune name", kCommunesFile, "99999,,xã,xa_la,04\n", "name"},
    {"mapping to a commune of another province", kLegacyMappingFile,
     "01,05152,Xã Vân Sơn,99999,Xã Cũ,whole,Nhập toàn bộ,155,Huyện Tân Lạc,17,Tỉnh Hoà Bình\n", "commune_code"},
    {"unknown merge kind", kLegacyMappingFile,
     "25,05152,Xã Vân Sơn,99999,Xã Cũ,half,Nhập,155,Huyện Tân Lạc,17,Tỉnh Hoà Bình\n", "merge"},
    {"procedure code malformed", kProceduresFile, "1.00119,Tên,Bộ,Lĩnh vực,commune,,,,,direct,,\n", "code"},
    {"unknown level", kProceduresFile, "9.999999,Tên,Bộ,Lĩnh vực,village,,,,,direct,,\n", "levels"},
    {"unknown channel", kProceduresFile, "9.999999,Tên,Bộ,Lĩnh vực,commune,,,,,fax,,\n", "channels"},
    {"channel of no procedure", kProcedureChannelsFile, "9.999999,direct,5,working_day,0,,\n", "code"},
    {"time not a number", kProcedureChannelsFile, "1.001193,direct,năm,working_day,0,,\n", "time_value"},
    {"unknown time unit", kProcedureChannelsFile, "1.001193,direct,5,week,0,,\n", "time_unit"},
    {"fee flag not 0/1", kProcedureChannelsFile, "1.001193,direct,5,working_day,yes,,\n", "fee_free"},
    {"negative fee", kProcedureChannelsFile, "1.001193,direct,5,working_day,0,-8000,\n", "fee_first_amount_vnd"},
    {"component count not a number", kProcedureDocumentsFile, "1.001193,99,,Tờ khai,một,0\n", "originals"},
    {"duplicate component", kProcedureDocumentsFile, "1.001193,1,,Tờ khai,1,0\n", "seq"},
    {"impossible date", kCalendarFile, "2026-02-30,Mon,2026,public_holiday,Lạ,1,official,,\n", "date"},
    {"weekday contradicts date", kCalendarFile, "2026-12-31,Mon,2026,public_holiday,Lạ,1,official,,\n", "weekday"},
    {"unknown day kind", kCalendarFile, "2026-12-31,Thu,2026,festival,Lạ,1,official,,\n", "kind"},
    {"make-up day marked off", kCalendarFile, "2026-12-26,Sat,2026,makeup_working_day,Làm bù,1,official,,\n",
     "is_day_off"},
    {"holiday with no is_day_off", kCalendarFile, "2026-12-31,Thu,2026,public_holiday,Lạ,,official,,\n", "is_day_off"},
    {"too few columns", kProvincesFile, "05,Tỉnh Lạ\n", "*"},
};

int LineOfAppendedRow(const InMemoryReferenceFiles& files, const char* file) {
  const std::string content = files.Read(file).value();
  // The appended row starts on the line after the last newline of the original content.
  return static_cast<int>(std::ranges::count(content.substr(0, content.size() - 1), '\n')) + 1;
}

TEST(ReferenceLoaderTest, EveryBadRowIsReportedByFileLineAndColumn) {
  for (const auto& c : kBadRows) {
    SCOPED_TRACE(c.name);
    InMemoryReferenceFiles files;
    files.Append(c.file, c.appended_row);
    const ReferenceLoad load = LoadReferenceCatalogue(files);
    const std::string where =
        std::string(c.file) + ":" + std::to_string(LineOfAppendedRow(files, c.file)) + ":" + c.column;
    EXPECT_FALSE(load.ok());
    EXPECT_TRUE(HasErrorAt(load.errors, where)) << "expected " << where << "\ngot:\n" << Fields(load.errors);
  }
}

TEST(ReferenceLoaderTest, AllBadRowsAreReportedNotOnlyTheFirst) {
  InMemoryReferenceFiles files;
  files.Append(kProvincesFile, "4,Tỉnh Lạ,tỉnh,la,999\n");
  files.Append(kCalendarFile, "2026-02-30,Mon,2026,public_holiday,Lạ,1,official,,\n");
  const ReferenceLoad load = LoadReferenceCatalogue(files);
  EXPECT_EQ(load.errors.size(), 2u) << Fields(load.errors);
}

TEST(ReferenceLoaderTest, AMissingColumnIsReportedOnTheHeaderLine) {
  InMemoryReferenceFiles files;
  files.Replace(kCommunesFile, "code,name,division_type,codename,province_code",
                "code,name,division_type,codename,province");
  const ReferenceLoad load = LoadReferenceCatalogue(files);
  EXPECT_TRUE(HasErrorAt(load.errors, std::string(kCommunesFile) + ":1:province_code")) << Fields(load.errors);
}

TEST(ReferenceLoaderTest, AMissingFileIsReported) {
  InMemoryReferenceFiles files;
  files.Remove(kCalendarFile);
  const ReferenceLoad load = LoadReferenceCatalogue(files);
  EXPECT_TRUE(HasErrorAt(load.errors, kCalendarFile)) << Fields(load.errors);
}

TEST(ReferenceLoaderTest, BrokenQuotingIsReportedWithItsLine) {
  InMemoryReferenceFiles files;
  files.Append(kProvincesFile, "05,\"Tỉnh Lạ,tỉnh,la,999\n");
  const ReferenceLoad load = LoadReferenceCatalogue(files);
  EXPECT_TRUE(HasErrorAt(load.errors, std::string(kProvincesFile) + ":36")) << Fields(load.errors);
}

}  // namespace
}  // namespace motcua::app
