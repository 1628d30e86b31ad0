#include "app/search_lexicon_loader.h"

#include <charconv>
#include <functional>
#include <string>

#include "app/csv_table.h"

namespace motcua::app {
namespace {

// One row's fields by column name; an error from the lexicon names the file, line and column.
class LexiconRow {
 public:
  LexiconRow(const CsvTable& table, const CsvRow& row, std::string_view file) : table_(table), row_(row), file_(file) {}

  std::string Text(std::string_view column) const {
    const auto index = table_.ColumnIndex(column);
    return index && *index < row_.fields.size() ? row_.fields[*index] : std::string();
  }

  Error Located(Error error) const {
    error.field = std::string(file_) + ":" + std::to_string(row_.line) + ":" + error.field;
    return error;
  }

  Error Invalid(std::string_view column, const std::string& vi, const std::string& en) const {
    return Located(Error::InvalidArgument(std::string(column), vi, en));
  }

 private:
  const CsvTable& table_;
  const CsvRow& row_;
  std::string_view file_;
};

using RowAdder = std::function<Result<void>(const LexiconRow&)>;

Result<void> ReadRows(const ReferenceFiles& files, std::string_view file, const RowAdder& add) {
  auto content = files.Read(file);
  if (!content) return Fail(content.error());
  auto table = CsvTable::Parse(*content, file);
  if (!table) return Fail(table.error());
  for (const CsvRow& row : table->rows()) {
    const LexiconRow reader(*table, row, file);
    if (auto added = add(reader); !added) return Fail(reader.Located(added.error()));
  }
  return {};
}

Result<void> AddFiller(SearchLexicon& lexicon, const LexiconRow& row) {
  const std::string scope = row.Text("scope");
  if (scope != "always" && scope != "phrase_only" && !scope.empty()) {
    return Fail(row.Invalid("scope", "phạm vi '" + scope + "' không thuộc {always, phrase_only}",
                            "scope '" + scope + "' is not one of {always, phrase_only}"));
  }
  auto added = lexicon.AddFiller(row.Text("phrase"), scope == "phrase_only");
  if (!added) return Fail(added.error());
  return {};
}

Result<void> AddCue(SearchLexicon& lexicon, const LexiconRow& row) {
  const std::string intent_name = row.Text("intent");
  const auto intent = ParseQuestionIntent(intent_name);
  if (!intent) {
    return Fail(row.Invalid("intent", "ý định '" + intent_name + "' không hợp lệ",
                            "intent '" + intent_name + "' is not known"));
  }
  const std::string weight_text = row.Text("weight");
  int weight = 0;
  const auto [end, ec] = std::from_chars(weight_text.data(), weight_text.data() + weight_text.size(), weight);
  if (ec != std::errc() || end != weight_text.data() + weight_text.size()) {
    return Fail(row.Invalid("weight", "trọng số phải là số nguyên, có '" + weight_text + "'",
                            "weight must be an integer, got '" + weight_text + "'"));
  }
  return lexicon.AddIntentCue(row.Text("phrase"), *intent, weight);
}

Result<void> AddQualifier(SearchLexicon& lexicon, const LexiconRow& row) {
  const std::string kind = row.Text("kind");
  if (kind != "default" && kind != "marked") {
    return Fail(row.Invalid("kind", "loại '" + kind + "' không thuộc {default, marked}",
                            "kind '" + kind + "' is not one of {default, marked}"));
  }
  return lexicon.AddNameQualifier(row.Text("phrase"), kind == "marked");
}

}  // namespace

Result<SearchLexicon> LoadSearchLexicon(const ReferenceFiles& files) {
  SearchLexicon lexicon;
  if (auto ok = ReadRows(files, kSearchFillersFile, [&](const LexiconRow& r) { return AddFiller(lexicon, r); }); !ok) {
    return Fail(ok.error());
  }
  if (auto ok = ReadRows(files, kSearchIntentCuesFile, [&](const LexiconRow& r) { return AddCue(lexicon, r); }); !ok) {
    return Fail(ok.error());
  }
  const auto add_synonym = [&](const LexiconRow& r) {
    return lexicon.AddSynonym(r.Text("phrase"), r.Text("expansion"));
  };
  if (auto ok = ReadRows(files, kSearchSynonymsFile, add_synonym); !ok) return Fail(ok.error());
  if (auto ok = ReadRows(files, kSearchQualifiersFile, [&](const LexiconRow& r) { return AddQualifier(lexicon, r); });
      !ok) {
    return Fail(ok.error());
  }
  const auto add_shorthand = [&](const LexiconRow& r) {
    return lexicon.AddShorthand(r.Text("typed"), r.Text("meant"));
  };
  if (auto ok = ReadRows(files, kSearchShorthandFile, add_shorthand); !ok) return Fail(ok.error());
  return lexicon;
}

Result<SearchLexicon> ProvinceSearchLexicon(store::Store& store) {
  auto lexicon = LoadSearchLexicon(BuiltInReferenceFiles());
  if (!lexicon) return Fail(lexicon.error());
  auto synonyms = store.ProvinceSynonyms();
  if (!synonyms) return Fail(synonyms.error());
  for (const ProvinceSynonym& synonym : *synonyms) {
    if (!synonym.active()) continue;
    if (auto added = lexicon->AddSynonym(synonym.phrase, synonym.expansion); !added) {
      Error error = added.error();
      error.field = "province_synonyms:" + std::to_string(synonym.id) + ":" + error.field;
      return Fail(std::move(error));
    }
  }
  return lexicon;
}

}  // namespace motcua::app
