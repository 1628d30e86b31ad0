#pragma once
// Dossier lists and inboxes in the SQLite backend: one page of the dossiers projection
// (migrations/0002_dossiers.sql) for a DossierQuery, paged by keyset so that page 100 costs what page 1 does
// and a dossier written between two pages is neither skipped nor shown twice. SqliteStore owns the
// connection and forwards Store::ListDossiers here, turning SQLite exceptions into Errors; the contract is in
// store/store.h.
//
// Cursors are "c1:<code>" (DossierOrder::kByCode) and "d1:<due_at or none>,<code>" (kByDueAt, due_at as
// 'YYYY-MM-DDTHH:MM:SSZ'): the last dossier of the page, whose successors the next page starts after. The
// version digit lets a later format refuse old cursors instead of misreading them.
// Thread-safety: as the connection it is given (one thread at a time).

#include "store/sql/connection.h"
#include "store/store.h"

namespace motcua::store {

class SqlDossierQuery {
 public:
  explicit SqlDossierQuery(sql::Connection& db) : db_(db) {}

  // May throw sql::DbError.
  Result<DossierPage> List(const DossierQuery& query);

 private:
  sql::Connection& db_;
};

}  // namespace motcua::store
