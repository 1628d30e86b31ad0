#include "store/sql/sql_province_synonym_store.h"

#include <string>

#include "store/sql/sql_dossier_rows.h"

namespace motcua::store {
namespace {

constexpr const char* kColumns = "id, phrase, expansion, added_by, added_at, retired_by, retired_at";

ProvinceSynonym ReadRow(sql::Statement& row) {
  ProvinceSynonym s;
  s.id = row.Int(0);
  s.phrase = row.Text(1);
  s.expansion = row.Text(2);
  s.added_by = row.Text(3);
  s.added_at = ParseIsoInstant(row.Text(4), "added_at").value_or(Instant{});
  if (!row.Null(6)) {
    s.retired_by = row.Text(5);
    s.retired_at = ParseIsoInstant(row.Text(6), "retired_at").value_or(Instant{});
  }
  return s;
}

}  // namespace

Result<ProvinceSynonym> SqlProvinceSynonymStore::Add(const ProvinceSynonym& synonym) {
  sql::Statement same(db_, "SELECT 1 FROM province_synonyms WHERE phrase = ? AND expansion = ? AND retired_at IS NULL");
  same.Bind(1, synonym.phrase);
  same.Bind(2, synonym.expansion);
  if (same.Step()) {
    return Fail(Error::Conflict("phrase", "từ '" + synonym.phrase + "' đã có nghĩa '" + synonym.expansion + "'",
                                "'" + synonym.phrase + "' already means '" + synonym.expansion + "'"));
  }
  sql::Statement insert(db_,
                        "INSERT INTO province_synonyms (phrase, expansion, added_by, added_at) VALUES (?, ?, ?, ?) "
                        "RETURNING id");
  insert.Bind(1, synonym.phrase);
  insert.Bind(2, synonym.expansion);
  insert.Bind(3, synonym.added_by);
  insert.Bind(4, UtcText(synonym.added_at));
  insert.Step();
  ProvinceSynonym added = synonym;
  added.id = insert.Int(0);
  added.retired_by.reset();
  added.retired_at.reset();
  return added;
}

std::vector<ProvinceSynonym> SqlProvinceSynonymStore::List() {
  sql::Statement rows(db_, std::string("SELECT ") + kColumns + " FROM province_synonyms ORDER BY id");
  std::vector<ProvinceSynonym> synonyms;
  while (rows.Step()) synonyms.push_back(ReadRow(rows));
  return synonyms;
}

Result<ProvinceSynonym> SqlProvinceSynonymStore::Retire(std::int64_t id, std::string_view by, Instant at) {
  auto found = Find(id);
  if (!found) {
    return Fail(Error::NotFound("id", "không có từ đồng nghĩa số " + std::to_string(id),
                                "no synonym has id " + std::to_string(id)));
  }
  if (!found->active()) {
    return Fail(Error::Conflict("id", "từ đồng nghĩa số " + std::to_string(id) + " đã được bỏ",
                                "synonym " + std::to_string(id) + " is already retired"));
  }
  sql::Statement update(db_, "UPDATE province_synonyms SET retired_by = ?, retired_at = ? WHERE id = ?");
  update.Bind(1, std::string(by));
  update.Bind(2, UtcText(at));
  update.Bind(3, id);
  update.Execute();
  found->retired_by = std::string(by);
  found->retired_at = at;
  return *found;
}

std::optional<ProvinceSynonym> SqlProvinceSynonymStore::Find(std::int64_t id) {
  sql::Statement row(db_, std::string("SELECT ") + kColumns + " FROM province_synonyms WHERE id = ?");
  row.Bind(1, id);
  if (!row.Step()) return std::nullopt;
  return ReadRow(row);
}

}  // namespace motcua::store
