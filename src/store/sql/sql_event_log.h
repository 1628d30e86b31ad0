#pragma once
// The event log of the SQLite backend (migrations/0016_event_log.sql): every dossier event in append order, each
// chained to the one before, written in the same transaction as the event. What it adds to each dossier's own
// chain: a dossier removed whole, or a log cut short (a lost WAL), shows — the latter against a checkpoint kept
// off the machine. Functions may throw sql::DbError. Thread-safety: as the connection (one thread at a time).

#include <optional>
#include <string>

#include "domain/dossier_event.h"
#include "store/sql/connection.h"
#include "store/store.h"

namespace motcua::store {

class SqlEventLog {
 public:
  explicit SqlEventLog(sql::Connection& db) : db_(db) {}

  // Logs `event` (stored already, with its hash) after the last logged one, in the caller's transaction.
  void Append(const DossierEvent& event);
  LogCheckpoint Head();
  // Positions 1..head without gaps, each logged event still stored with the hash it was chained with, the chain
  // recomputed, every stored event logged; and the chain at `expected`'s position equal to it.
  std::optional<ChainBreak> Verify(const std::optional<LogCheckpoint>& expected);
  // Logs the events of a database made before the log existed, in (recorded_at, dossier_code, seq) order, once:
  // when migration 0016 has just marked it due. Returns how many were logged.
  std::int64_t FillAfterMigration();

 private:
  sql::Connection& db_;
};

// The chain after `previous` (hex, '' before the first event) and an event's hash.
std::string NextChain(const std::string& previous, const std::string& event_hash);

}  // namespace motcua::store
