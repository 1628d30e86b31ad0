#include "domain/dossier_code.h"

#include <gtest/gtest.h>

namespace motcua {
namespace {

LocalDate Day(int y, unsigned m, unsigned d) { return LocalDate{std::chrono::year{y} / m / d}; }

TEST(DossierCodeTest, NationalFormatMatchesThePublishedExample) {
  auto format = DossierCodeFormat::Parse(DossierCodeFormat::kNational).value();
  EXPECT_EQ(format.Format("H15.50.05.13", Day(2026, 10, 8), 975).value(), "H15.50.05.13-261008-0975");
  EXPECT_EQ(format.Format("H15.50.05.13", Day(2026, 1, 2), 1).value(), "H15.50.05.13-260102-0001");
}

TEST(DossierCodeTest, ASequenceWiderThanThePaddingKeepsAllDigits) {
  auto format = DossierCodeFormat::Parse(DossierCodeFormat::kNational).value();
  EXPECT_EQ(format.Format("G01", Day(2025, 12, 31), 12345).value(), "G01-251231-12345");
}

TEST(DossierCodeTest, CustomPatterns) {
  auto full_year = DossierCodeFormat::Parse("{agency}.{yyyymmdd}.{seq:6}").value();
  EXPECT_EQ(full_year.Format("000.00.04.H12", Day(2025, 7, 1), 42).value(), "000.00.04.H12.20250701.000042");
  auto prefixed = DossierCodeFormat::Parse("HS-{seq:3}-{agency}").value();
  EXPECT_EQ(prefixed.Format("X1", Day(2025, 7, 1), 7).value(), "HS-007-X1");
}

TEST(DossierCodeTest, BadPatternsAreRejectedNamingTheSetting) {
  for (const char* pattern : {"{agency}-{yymmdd}", "{yymmdd}-{seq:4}", "{agency}-{seq:0}", "{agency}-{seq:4}-{seq:4}",
                              "{agency}-{date}-{seq:4}", "{agency}-{yymmdd-{seq:4}", "{agency}-{seq:10}"}) {
    SCOPED_TRACE(pattern);
    auto format = DossierCodeFormat::Parse(pattern);
    ASSERT_FALSE(format.has_value());
    EXPECT_EQ(format.error().field, "dossier_code_pattern");
  }
}

TEST(DossierCodeTest, BadAgencyOrSequenceIsRejected) {
  auto format = DossierCodeFormat::Parse(DossierCodeFormat::kNational).value();
  EXPECT_EQ(format.Format("", Day(2026, 1, 1), 1).error().field, "agency_id");
  EXPECT_EQ(format.Format("H15 50", Day(2026, 1, 1), 1).error().field, "agency_id");
  EXPECT_EQ(format.Format("H15-50", Day(2026, 1, 1), 1).error().field, "agency_id");
  EXPECT_EQ(format.Format("H15", Day(2026, 1, 1), 0).error().field, "sequence");
}

TEST(DossierCodeTest, SequenceKeyIsPerAgencyAndDay) {
  auto format = DossierCodeFormat::Parse(DossierCodeFormat::kNational).value();
  EXPECT_EQ(format.SequenceKey("H15", Day(2026, 10, 8)), "H15|20261008");
  EXPECT_NE(format.SequenceKey("H15", Day(2026, 10, 8)), format.SequenceKey("H15", Day(2026, 10, 9)));
  EXPECT_NE(format.SequenceKey("H15", Day(2026, 10, 8)), format.SequenceKey("H16", Day(2026, 10, 8)));
}

}  // namespace
}  // namespace motcua
