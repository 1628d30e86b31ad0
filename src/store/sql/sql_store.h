#pragma once
// The Store over SQL (docs/design/postgresql.md): every table's statements are written once, in the files of
// this folder, on the engine interface (connection.h); an engine folder (sqlite/, postgresql/) opens a
// connection, brings its schema up to date and hands it here with the two things SQL alone cannot say.
// Thread-safety: as its connection, one thread at a time (a StoreProvider gives each thread its own).
#include <memory>
#include <string>
#include <vector>

#include "store/sql/connection.h"
#include "store/store.h"

namespace motcua::store {

class SqlGroupCommit;

// What a store asks of its engine beyond SQL, on the store's own connection. May throw sql::DbError.
class SqlEngineChecks {
 public:
  virtual ~SqlEngineChecks() = default;
  // The engine's own check of the stored pages and references; empty when it finds nothing.
  virtual std::vector<std::string> IntegrityProblems() = 0;
  // A consistent copy of the live database at `path` (Store::BackupTo).
  virtual Result<BackupFacts> CopyTo(const std::string& path) = 0;
};

// A store on `db` (schema up to date). `engine` works on the same connection. With `writer` (which must outlive
// the store), dossier writes go through that group commit, except inside InOneTransaction, where they join the
// store's own transaction.
std::unique_ptr<Store> MakeSqlStore(std::unique_ptr<sql::Connection> db, std::unique_ptr<SqlEngineChecks> engine,
                                    SqlGroupCommit* writer);

}  // namespace motcua::store
