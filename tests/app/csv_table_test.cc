#include "app/csv_table.h"

#include <gtest/gtest.h>

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
