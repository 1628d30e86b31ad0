#pragma once
// Test and benchmark support: loads the real national procedure catalogue
// (data/reference/procedures/procedures.csv) into Procedure values, filling the columns a search needs
// (code, name, ministry, field, levels). Header-only so tests and benchmarks share it without a library of
// their own; both binaries link libcsv through motcua_app. Needs the MOTCUA_REFERENCE_DIR definition.
#include <csv.h>

#include <cstddef>
#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/procedure.h"

namespace motcua::test_support {

using CsvRow = std::vector<std::string>;

namespace detail {

struct CsvReader {
  std::vector<CsvRow> rows;
  CsvRow current;
};

inline void OnCsvField(void* field, std::size_t length, void* data) {
  static_cast<CsvReader*>(data)->current.emplace_back(static_cast<const char*>(field), length);
}

inline void OnCsvRowEnd(int /*terminator*/, void* data) {
  auto* reader = static_cast<CsvReader*>(data);
  reader->rows.push_back(std::move(reader->current));
  reader->current.clear();
}

inline std::vector<std::string> SplitOnBar(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t bar = text.find('|'); bar != std::string::npos; bar = text.find('|', start)) {
    parts.push_back(text.substr(start, bar - start));
    start = bar + 1;
  }
  if (!text.empty()) parts.push_back(text.substr(start));
  return parts;
}

}  // namespace detail

// Reads a whole RFC 4180 file (quoted fields may hold commas, quotes and newlines), header row included.
// Throws std::runtime_error when the file cannot be read or is malformed: a broken fixture is a setup bug.
inline std::vector<CsvRow> ReadCsvFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("cannot open " + path);
  const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  csv_parser parser{};
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::runtime_error("csv_init failed");
  detail::CsvReader reader;
  const bool parsed = csv_parse(&parser, bytes.data(), bytes.size(), detail::OnCsvField, detail::OnCsvRowEnd,
                                &reader) == bytes.size() &&
                      csv_fini(&parser, detail::OnCsvField, detail::OnCsvRowEnd, &reader) == 0;
  const std::string error = csv_strerror(csv_error(&parser));
  csv_free(&parser);
  if (!parsed) throw std::runtime_error(path + ": " + error);
  return reader.rows;
}

inline std::string ProcedureCataloguePath() {
  return std::string(MOTCUA_REFERENCE_DIR) + "/procedures/procedures.csv";
}

// The catalogue in file order. Throws (std::runtime_error, std::out_of_range) if the file is unreadable or
// a row lacks one of the columns read.
inline std::vector<Procedure> LoadProcedureCatalogue(const std::string& path = ProcedureCataloguePath()) {
  const std::vector<CsvRow> rows = ReadCsvFile(path);
  if (rows.empty()) throw std::runtime_error(path + ": no header row");
  std::map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < rows[0].size(); ++i) column[rows[0][i]] = i;
  std::vector<Procedure> procedures;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto cell = [&](const char* name) { return rows[r].at(column.at(name)); };
    Procedure& procedure = procedures.emplace_back();
    procedure.code = cell("code");
    procedure.name = cell("name");
    procedure.ministry = cell("ministry");
    procedure.field = cell("field");
    procedure.levels = detail::SplitOnBar(cell("levels"));
  }
  return procedures;
}

}  // namespace motcua::test_support
