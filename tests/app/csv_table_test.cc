#include "app/csv_table.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace motcua::app {
namespace {

TEST(CsvTableTest, ReadsHeaderAndRowsWithTheirLines) {
  auto table = CsvTable::Parse("code,name\n01,Hà Nội\n04,Cao Bằng\n", "p.csv");
  ASSERT_TRUE(table.has_value());
  EXPECT_EQ(table->header(), (std::vector<std::string>{"code", "name"}));
  ASSERT_EQ(table->rows().size(), 2u);
  EXPECT_EQ(table->rows()[0].line, 2);
  EXPECT_EQ(table->rows()[1].line, 3);
  EXPECT_EQ(table->rows()[1].fields[1], "Cao Bằng");
  EXPECT_EQ(table->ColumnIndex("name"), 1u);
  EXPECT_FALSE(table->ColumnIndex("nope").has_value());
}

TEST(CsvTableTest, QuotedFieldsKeepCommasQuotesAndNewlinesAndLinesStayTrue) {
  auto table = CsvTable::Parse("a,b\n\"x, y\",\"he said \"\"hi\"\"\"\n\"two\nlines\",z\nlast,row\n", "q.csv");
  ASSERT_TRUE(table.has_value());
  ASSERT_EQ(table->rows().size(), 3u);
  EXPECT_EQ(table->rows()[0].fields[0], "x, y");
  EXPECT_EQ(table->rows()[0].fields[1], "he said \"hi\"");
  EXPECT_EQ(table->rows()[1].fields[0], "two\nlines");
  EXPECT_EQ(table->rows()[1].line, 3);
  EXPECT_EQ(table->rows()[2].line, 5);  // the record after the two-line one starts on line 5
}

// Regression (found by fuzz/reference_csv_fuzzer.cc): libcsv ends a record at a lone carriage return, but lines
// were counted at "\n" only, so every record after one was numbered a line too far and two rows could claim the
// same line (a file with old Mac line endings numbered all its rows 2).
TEST(CsvTableTest, ALoneCarriageReturnEndsALineAsItEndsARecord) {
  const struct {
    std::string_view content;
    std::vector<int> lines;
    std::string_view why;
  } cases[] = {
      {"a,b\r1,2\r3,4\r", {2, 3}, "old Mac line endings"},
      {"a,b\r\n1,2\r\n3,4\r\n", {2, 3}, "Windows line endings: \r\n is one end"},
      {"a,b\n1,2\r3,4\n5,6\n", {2, 3, 4}, "a stray \r in the middle of a line"},
      {"a,b\n\"x\ry\",2\n5,6\n", {2, 4}, "a \r inside quotes is a line of the field"},
  };
  for (const auto& c : cases) {
    auto table = CsvTable::Parse(c.content, "cr.csv");
    ASSERT_TRUE(table.has_value()) << c.why;
    std::vector<int> lines;
    for (const CsvRow& row : table->rows()) lines.push_back(row.line);
    EXPECT_EQ(lines, c.lines) << c.why;
  }
}

TEST(CsvTableTest, EmptyFieldsAndMissingFinalNewline) {
  auto table = CsvTable::Parse("a,b,c\n,,\nx,,z", "e.csv");
  ASSERT_TRUE(table.has_value());
  ASSERT_EQ(table->rows().size(), 2u);
  EXPECT_EQ(table->rows()[0].fields, (std::vector<std::string>{"", "", ""}));
  EXPECT_EQ(table->rows()[1].fields, (std::vector<std::string>{"x", "", "z"}));
}

TEST(CsvTableTest, SkipsAByteOrderMark) {
  auto table = CsvTable::Parse(
      "\xEF\xBB\xBF"
      "code\n01\n",
      "bom.csv");
  ASSERT_TRUE(table.has_value());
  EXPECT_EQ(table->header()[0], "code");
}

TEST(CsvTableTest, UnterminatedQuoteIsAnErrorNamingFileAndLine) {
  auto table = CsvTable::Parse("a,b\n1,2\n\"open,3\n", "bad.csv");
  ASSERT_FALSE(table.has_value());
  EXPECT_EQ(table.error().field, "bad.csv:3");
}

TEST(CsvTableTest, StrayQuoteInsideAnUnquotedFieldIsAnError) {
  auto table = CsvTable::Parse("a,b\n1,2\n3,x\"y\n", "stray.csv");
  ASSERT_FALSE(table.has_value());
  EXPECT_EQ(table.error().field, "stray.csv:3");
}

TEST(CsvTableTest, EmptyFileHasNoHeader) { EXPECT_FALSE(CsvTable::Parse("", "empty.csv").has_value()); }

}  // namespace
}  // namespace motcua::app
