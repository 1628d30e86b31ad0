#include "store/sqlite/sqlite_event_log.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "store/sha256.h"
#include "store/sqlite/sqlite_statement_cache.h"

namespace motcua::store {
namespace {

ChainBreak LogBreak(std::string code, std::int64_t seq, std::string what) {
  return ChainBreak{std::move(code), seq, std::move(what)};
}

}  // namespace

std::string NextChain(const std::string& previous, const std::string& event_hash) {
  return Sha256Hex(previous + event_hash);
}

void SqliteEventLog::Append(const DossierEvent& event) {
  const LogCheckpoint head = Head();
  CachedStatement insert(db_, "INSERT INTO event_log (position, dossier_code, seq, chain) VALUES (?, ?, ?, ?)");
  insert->bind(1, head.position + 1);
  insert->bind(2, event.dossier_code);
  insert->bind(3, event.seq);
  insert->bind(4, NextChain(head.chain, event.hash));
  insert->exec();
}

LogCheckpoint SqliteEventLog::Head() {
  CachedStatement last(db_, "SELECT position, chain FROM event_log ORDER BY position DESC LIMIT 1");
  if (!last->executeStep()) return LogCheckpoint{};
  return LogCheckpoint{last->getColumn(0).getInt64(), last->getColumn(1).getString()};
}

std::optional<ChainBreak> SqliteEventLog::Verify(const std::optional<LogCheckpoint>& expected) {
  SQLite::Statement rows(db_,
                         "SELECT l.position, l.dossier_code, l.seq, l.chain, e.hash FROM event_log l "
                         "LEFT JOIN dossier_events e ON e.dossier_code = l.dossier_code AND e.seq = l.seq "
                         "ORDER BY l.position");
  std::string chain;
  std::int64_t position = 0;
  bool checkpoint_seen = false;
  while (rows.executeStep()) {
    const std::int64_t row_position = rows.getColumn(0).getInt64();
    const std::string code = rows.getColumn(1).getString();
    const std::int64_t seq = rows.getColumn(2).getInt64();
    if (row_position != position + 1) {
      return LogBreak(code, seq,
                      "event log: positions " + std::to_string(position + 1) + " to " +
                          std::to_string(row_position - 1) + " are missing");
    }
    if (rows.getColumn(4).isNull()) return LogBreak(code, seq, "event log: a logged event is gone");
    chain = NextChain(chain, rows.getColumn(4).getString());
    if (chain != rows.getColumn(3).getString()) return LogBreak(code, seq, "event log: chain mismatch");
    position = row_position;
    if (expected && expected->position == position) {
      checkpoint_seen = true;
      if (expected->chain != chain) return LogBreak(code, seq, "event log: differs from the checkpoint");
    }
  }
  if (expected && !checkpoint_seen && expected->position > 0) {
    return LogBreak("", expected->position,
                    "event log: ends at position " + std::to_string(position) + ", before the checkpoint's " +
                        std::to_string(expected->position));
  }
  SQLite::Statement unlogged(db_,
                             "SELECT e.dossier_code, e.seq FROM dossier_events e WHERE NOT EXISTS "
                             "(SELECT 1 FROM event_log l WHERE l.dossier_code = e.dossier_code AND l.seq = e.seq) "
                             "LIMIT 1");
  if (unlogged.executeStep()) {
    return LogBreak(unlogged.getColumn(0).getString(), unlogged.getColumn(1).getInt64(),
                    "event log: a stored event was never logged");
  }
  return std::nullopt;
}

std::int64_t SqliteEventLog::FillAfterMigration() {
  SQLite::Statement due(db_, "SELECT 1 FROM event_log_backfill LIMIT 1");
  if (!due.executeStep()) return 0;
  due.reset();
  SQLite::Transaction transaction(db_);
  db_.exec("DELETE FROM event_log_backfill");
  SQLite::Statement events(
      db_, "SELECT dossier_code, seq, hash FROM dossier_events ORDER BY recorded_at, dossier_code, seq");
  SQLite::Statement insert(db_, "INSERT INTO event_log (position, dossier_code, seq, chain) VALUES (?, ?, ?, ?)");
  std::string chain;
  std::int64_t position = 0;
  while (events.executeStep()) {
    chain = NextChain(chain, events.getColumn(2).getString());
    insert.bind(1, ++position);
    insert.bind(2, events.getColumn(0).getString());
    insert.bind(3, events.getColumn(1).getInt64());
    insert.bind(4, chain);
    insert.exec();
    insert.reset();
  }
  transaction.commit();
  return position;
}

}  // namespace motcua::store
