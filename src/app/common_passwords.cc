#include "app/common_passwords.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_set>

#include "app/csv_table.h"
#include "app/reference_files.h"

namespace motcua::app {
namespace {

std::string Lowercase(std::string_view text) {
  std::string lower(text);
  std::ranges::transform(lower, lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

// The list is part of the binary: a failure to read it is a broken build, which the tests catch; the check then
// lets the other password rules stand alone rather than refuse every password.
std::unordered_set<std::string> LoadList() {
  std::unordered_set<std::string> list;
  auto content = BuiltInReferenceFiles().Read("security/common_passwords.csv");
  if (!content) return list;
  auto table = CsvTable::Parse(*content, "security/common_passwords.csv");
  if (!table) return list;
  const auto column = table->ColumnIndex("password");
  if (!column) return list;
  for (const CsvRow& row : table->rows()) {
    if (*column < row.fields.size()) list.insert(Lowercase(row.fields[*column]));
  }
  return list;
}

}  // namespace

bool IsCommonPassword(std::string_view password) {
  static const std::unordered_set<std::string> list = LoadList();
  return list.contains(Lowercase(password));
}

}  // namespace motcua::app
