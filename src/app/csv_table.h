#pragma once
// An RFC 4180 CSV file parsed into rows (libcsv does the parsing), each row remembering the physical
// line it starts on so that a bad row can be reported as "file:line". Quoted fields may span lines. Lines end
// with "\n", "\r\n" or a lone "\r", as records do for libcsv.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/error.h"

namespace motcua::app {

struct CsvRow {
  int line = 0;  // 1-based physical line where the record starts
  std::vector<std::string> fields;
};

class CsvTable {
 public:
  // Parses `content` (UTF-8, optional BOM) whose first record is the header. `file_name` is only used
  // in error messages. Fails on malformed quoting and on an empty file.
  static Result<CsvTable> Parse(std::string_view content, std::string_view file_name);

  const std::vector<std::string>& header() const { return header_; }
  const std::vector<CsvRow>& rows() const { return rows_; }
  // The index of `column` in the header, or nullopt.
  std::optional<std::size_t> ColumnIndex(std::string_view column) const;

 private:
  std::vector<std::string> header_;
  std::unordered_map<std::string, std::size_t> column_index_;
  std::vector<CsvRow> rows_;
};

}  // namespace motcua::app
