#include "store/sqlite/sqlite_province_synonym_store.h"

#include <SQLiteCpp/Statement.h>

#include <string>

#include "store/sqlite/sqlite_dossier_rows.h"

namespace motcua::store {
namespace {

constexpr const char* kColumns = "id, phrase, expansion, added_by, added_at, retired_by, retired_at";

ProvinceSynonym ReadRow(SQLite::Statement& row) {
  ProvinceSynonym s;
  s.id = row.getColumn(0).getInt64();
  s.phrase = row.getColumn(1).getString();
  s.expansion = row.getColumn(2).getString();
  s.added_by = row.getColumn(3).getString();
  s.added_at = ParseIsoInstant(row.getColumn(4).getString(), "added_at").value_or(Instant{});
  if (!row.getColumn(6).isNull()) {
    s.retired_by = row.getColumn(5).getString();
    s.retired_at = ParseIsoInstant(row.getColumn(6).getString(), "retired_at").value_or(Instant{});
  }
  return s;
}

}  // namespace

Result<ProvinceSynonym> SqliteProvinceSynonymStore::Add(const ProvinceSynonym& synonym) {
  SQLite::Statement same(db_,
                         "SELECT 1 FROM province_synonyms WHERE phrase = ? AND expansion = ? AND retired_at IS NULL");
  same.bind(1, synonym.phrase);
  same.bind(2, synonym.expansion);
  if (same.executeStep()) {
    return Fail(Error::Conflict("phrase", "từ '" + synonym.phrase + "' đã có nghĩa '" + synonym.expansion + "'",
                                "'" + synonym.phrase + "' already means '" + synonym.expansion + "'"));
  }
  SQLite::Statement insert(db_,
                           "INSERT INTO province_synonyms (phrase, expansion, added_by, added_at) VALUES (?, ?, ?, ?) "
                           "RETURNING id");
  insert.bind(1, synonym.phrase);
  insert.bind(2, synonym.expansion);
  insert.bind(3, synonym.added_by);
  insert.bind(4, UtcText(synonym.added_at));
  insert.executeStep();
  ProvinceSynonym added = synonym;
  added.id = insert.getColumn(0).getInt64();
  added.retired_by.reset();
  added.retired_at.reset();
  return added;
}

std::vector<ProvinceSynonym> SqliteProvinceSynonymStore::List() {
  SQLite::Statement rows(db_, std::string("SELECT ") + kColumns + " FROM province_synonyms ORDER BY id");
  std::vector<ProvinceSynonym> synonyms;
  while (rows.executeStep()) synonyms.push_back(ReadRow(rows));
  return synonyms;
}

Result<ProvinceSynonym> SqliteProvinceSynonymStore::Retire(std::int64_t id, std::string_view by, Instant at) {
  auto found = Find(id);
  if (!found) {
    return Fail(Error::NotFound("id", "không có từ đồng nghĩa số " + std::to_string(id),
                                "no synonym has id " + std::to_string(id)));
  }
  if (!found->active()) {
    return Fail(Error::Conflict("id", "từ đồng nghĩa số " + std::to_string(id) + " đã được bỏ",
                                "synonym " + std::to_string(id) + " is already retired"));
  }
  SQLite::Statement update(db_, "UPDATE province_synonyms SET retired_by = ?, retired_at = ? WHERE id = ?");
  update.bind(1, std::string(by));
  update.bind(2, UtcText(at));
  update.bind(3, id);
  update.exec();
  found->retired_by = std::string(by);
  found->retired_at = at;
  return *found;
}

std::optional<ProvinceSynonym> SqliteProvinceSynonymStore::Find(std::int64_t id) {
  SQLite::Statement row(db_, std::string("SELECT ") + kColumns + " FROM province_synonyms WHERE id = ?");
  row.bind(1, id);
  if (!row.executeStep()) return std::nullopt;
  return ReadRow(row);
}

}  // namespace motcua::store
