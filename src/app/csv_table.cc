#include "app/csv_table.h"

#include <csv.h>

#include <memory>

namespace motcua::app {
namespace {

// Collects libcsv's callbacks into rows, stamping each with the line it started on.
struct RowCollector {
  std::vector<CsvRow> rows;
  CsvRow current;
  int line_being_fed = 1;
  int next_record_line = 1;

  static void OnField(void* data, std::size_t size, void* self) {
    auto* collector = static_cast<RowCollector*>(self);
    if (collector->current.fields.empty()) collector->current.line = collector->next_record_line;
    const char* text = data == nullptr ? "" : static_cast<const char*>(data);
    collector->current.fields.emplace_back(text, size);
  }
  static void OnRowEnd(int, void* self) {
    auto* collector = static_cast<RowCollector*>(self);
    collector->rows.push_back(std::move(collector->current));
    collector->current = {};
    collector->next_record_line = collector->line_being_fed + 1;
  }
};

struct CsvParserDeleter {
  void operator()(csv_parser* parser) const {
    csv_free(parser);
    delete parser;
  }
};

// Where the physical line starting at `pos` ends: past its "\n", "\r\n" or lone "\r" (which libcsv too takes for
// the end of a record, so that a line counted only at "\n" would hold several records and number the next ones
// wrongly), or at the end of `content`.
std::size_t LineEnd(std::string_view content, std::size_t pos) {
  const std::size_t end = content.find_first_of("\r\n", pos);
  if (end == std::string_view::npos) return content.size();
  if (content[end] == '\r' && end + 1 < content.size() && content[end + 1] == '\n') return end + 2;
  return end + 1;
}

Error ParseError(std::string_view file_name, int line, const char* why) {
  const std::string where = std::string(file_name) + ":" + std::to_string(line);
  return Error::InvalidArgument(where, std::string("tệp CSV hỏng: ") + why, std::string("malformed CSV: ") + why);
}

}  // namespace

Result<CsvTable> CsvTable::Parse(std::string_view content, std::string_view file_name) {
  if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);
  std::unique_ptr<csv_parser, CsvParserDeleter> parser(new csv_parser);
  if (csv_init(parser.get(), CSV_STRICT | CSV_STRICT_FINI) != 0) {
    return Fail(Error::Internal("không khởi tạo được bộ đọc CSV", "cannot initialise the CSV parser"));
  }

  // Feed one physical line at a time so that every finished record knows where it started.
  RowCollector collector;
  std::size_t pos = 0;
  while (pos < content.size()) {
    const std::size_t end = LineEnd(content, pos);
    if (csv_parse(parser.get(), content.data() + pos, end - pos, RowCollector::OnField, RowCollector::OnRowEnd,
                  &collector) != end - pos) {
      return Fail(ParseError(file_name, collector.line_being_fed, csv_strerror(csv_error(parser.get()))));
    }
    pos = end;
    ++collector.line_being_fed;
  }
  --collector.line_being_fed;
  if (csv_fini(parser.get(), RowCollector::OnField, RowCollector::OnRowEnd, &collector) != 0) {
    return Fail(ParseError(file_name, collector.next_record_line, "unterminated quoted field"));
  }
  if (collector.rows.empty()) return Fail(ParseError(file_name, 1, "the file has no header row"));

  CsvTable table;
  table.header_ = std::move(collector.rows.front().fields);
  for (std::size_t i = 0; i < table.header_.size(); ++i) table.column_index_[table.header_[i]] = i;
  table.rows_.assign(std::make_move_iterator(collector.rows.begin() + 1),
                     std::make_move_iterator(collector.rows.end()));
  return table;
}

std::optional<std::size_t> CsvTable::ColumnIndex(std::string_view column) const {
  auto found = column_index_.find(std::string(column));
  if (found == column_index_.end()) return std::nullopt;
  return found->second;
}

}  // namespace motcua::app
