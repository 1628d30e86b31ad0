// Fuzzes the reading of the reference catalogue's CSV files (src/app/csv_table.h, src/app/reference_loader.h):
// the first byte of an input picks one of the eight files the loader reads (byte % 8, in the order of
// kFiles below) and the rest is that file's text. The loader then reads the whole catalogue through its
// real code, the other seven files being the header and first rows of the built-in ones, so that the rows of
// the fuzzed file meet every check, cross-file references included.
//
// A failure: a crash, a sanitizer report, an exception escaping, a problem reported otherwise than as an
// InvalidArgument naming "file:line:column", or a CsvTable whose rows do not start on increasing lines within
// the text (the line numbers of the loader's errors).
//
// The trimmed built-in files are made once, on the first input, and only read afterwards.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "app/csv_table.h"
#include "app/reference_files.h"
#include "app/reference_loader.h"
#include "fuzz_check.h"

namespace {

namespace app = motcua::app;
using motcua::fuzz::Check;

constexpr const char* kFiles[] = {app::kProvincesFile,          app::kCommunesFile,   app::kLegacyCommunesFile,
                                  app::kLegacyMappingFile,      app::kProceduresFile, app::kProcedureChannelsFile,
                                  app::kProcedureDocumentsFile, app::kCalendarFile};
constexpr std::size_t kRowsKept = 3;  // the first rows of each file refer to one another (province 01, 1.000178)

// `fields` as one CSV record, every field quoted.
std::string CsvRecord(const std::vector<std::string>& fields) {
  std::string record;
  for (const std::string& field : fields) {
    if (!record.empty()) record += ',';
    record += '"';
    for (char c : field) record += c == '"' ? std::string("\"\"") : std::string(1, c);
    record += '"';
  }
  return record + "\n";
}

// The header and first rows of the built-in `path`.
std::string Trimmed(std::string_view path) {
  const std::string content = app::BuiltInReferenceFiles().Read(path).value();
  const app::CsvTable table = app::CsvTable::Parse(content, path).value();
  std::string trimmed = CsvRecord(table.header());
  const std::size_t kept = std::min(kRowsKept, table.rows().size());
  for (std::size_t i = 0; i < kept; ++i) trimmed += CsvRecord(table.rows()[i].fields);
  return trimmed;
}

// The catalogue of trimmed built-in files with one file's text replaced by the input.
class FuzzedFiles final : public app::ReferenceFiles {
 public:
  FuzzedFiles(std::string_view fuzzed_path, std::string_view fuzzed_text)
      : fuzzed_path_(fuzzed_path), fuzzed_text_(fuzzed_text) {}

  std::string Describe() const override { return "fuzzed catalogue"; }

  static const std::map<std::string, std::string>& TrimmedFiles() {
    static const std::map<std::string, std::string> files = [] {
      std::map<std::string, std::string> trimmed;
      for (const char* path : kFiles) trimmed[path] = Trimmed(path);
      return trimmed;
    }();
    return files;
  }

 protected:
  motcua::Result<std::string> ReadStored(std::string_view path) const override {
    if (path == fuzzed_path_) return std::string(fuzzed_text_);
    const auto found = TrimmedFiles().find(std::string(path));
    if (found == TrimmedFiles().end()) {
      return motcua::Fail(motcua::Error::NotFound(std::string(path), "không có tệp", "no such file"));
    }
    return found->second;
  }

 private:
  std::string_view fuzzed_path_;
  std::string_view fuzzed_text_;
};

// The rows of a parsed table start on increasing physical lines, none past the last line of `text`.
void CheckLines(std::string_view text, std::string_view path) {
  const auto table = app::CsvTable::Parse(text, path);
  if (!table) return motcua::fuzz::CheckRefusal(table.error());
  // Lines end at "\n", "\r\n" or a lone "\r" (csv_table.h): count the "\n" and the "\r" not before one.
  int last_line = 1 + static_cast<int>(std::ranges::count(text, '\n'));
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) ++last_line;
  }
  int previous = 0;
  for (const app::CsvRow& row : table->rows()) {
    Check(row.line > previous && row.line <= last_line, "rows start on increasing lines within the text");
    previous = row.line;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const char* path = kFiles[data[0] % std::size(kFiles)];
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  CheckLines(text, path);
  const app::ReferenceLoad load = app::LoadReferenceCatalogue(FuzzedFiles(path, text));
  for (const motcua::Error& error : load.errors) motcua::fuzz::CheckRefusal(error);
  for (const motcua::Error& warning : load.warnings) motcua::fuzz::CheckRefusal(warning);
  return 0;
}

// The trimmed files must load without an error, or the fuzzed rows would be judged against a broken catalogue.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const app::ReferenceLoad load = app::LoadReferenceCatalogue(FuzzedFiles("", ""));
  for (const motcua::Error& error : load.errors)
    std::fprintf(stderr, "%s: %s\n", error.field.c_str(), error.message_en.c_str());
  Check(load.ok(), "the trimmed built-in catalogue loads");
  return 0;
}
