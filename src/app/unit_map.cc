#include "app/unit_map.h"

#include <algorithm>

#include "app/csv_table.h"

namespace motcua::app {
namespace {

bool IsCommuneCode(std::string_view code) {
  return code.size() == 5 && std::ranges::all_of(code, [](char c) { return c >= '0' && c <= '9'; });
}

Error BadRow(std::string_view file_name, int line, const std::string& vi, const std::string& en) {
  return Error::InvalidArgument(std::string(file_name) + ":" + std::to_string(line), vi, en);
}

}  // namespace

Result<UnitMap> UnitMap::Parse(std::string_view content, std::string_view file_name) {
  auto table = CsvTable::Parse(content, file_name);
  if (!table) return Fail(table.error());
  const auto old_column = table->ColumnIndex("old_code");
  const auto new_column = table->ColumnIndex("new_code");
  const auto dossier_column = table->ColumnIndex("dossier_code");
  if (!old_column || !new_column) {
    return Fail(BadRow(file_name, 1, "thiếu cột old_code hoặc new_code", "the old_code or new_code column is missing"));
  }
  UnitMap map;
  for (const CsvRow& row : table->rows()) {
    const auto field = [&](std::optional<std::size_t> column) {
      return column && *column < row.fields.size() ? row.fields[*column] : std::string();
    };
    const std::string old_code = field(old_column);
    const std::string new_code = field(new_column);
    if (new_code.empty()) continue;  // not chosen yet
    if (!IsCommuneCode(old_code) || !IsCommuneCode(new_code)) {
      return Fail(BadRow(file_name, row.line, "mã xã phải gồm 5 chữ số", "a commune code has five digits"));
    }
    const auto [at, inserted] = map.choices_.emplace(std::pair{old_code, field(dossier_column)}, new_code);
    if (!inserted && at->second != new_code) {
      return Fail(BadRow(file_name, row.line, "mã xã cũ " + old_code + " được chọn hai lần khác nhau",
                         "old commune " + old_code + " is given two different choices"));
    }
  }
  return map;
}

std::optional<std::string> UnitMap::Resolve(const std::string& dossier_code, const std::string& old_code) const {
  if (auto own = choices_.find({old_code, dossier_code}); own != choices_.end()) return own->second;
  if (auto every = choices_.find({old_code, ""}); every != choices_.end()) return every->second;
  return std::nullopt;
}

}  // namespace motcua::app
