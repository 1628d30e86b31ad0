#include "store/sql/sql_event_log.h"

#include "store/sha256.h"
#include "store/sql/connection.h"
#include "store/sql/transaction.h"

namespace motcua::store {
namespace {

ChainBreak LogBreak(std::string code, std::int64_t seq, std::string what) {
  return ChainBreak{std::move(code), seq, std::move(what)};
}

}  // namespace

std::string NextChain(const std::string& previous, const std::string& event_hash) {
  return Sha256Hex(previous + event_hash);
}

void SqlEventLog::Append(const DossierEvent& event) {
  const LogCheckpoint head = Head();
  sql::Statement insert(db_, "INSERT INTO event_log (position, dossier_code, seq, chain) VALUES (?, ?, ?, ?)");
  insert.Bind(1, head.position + 1);
  insert.Bind(2, event.dossier_code);
  insert.Bind(3, event.seq);
  insert.Bind(4, NextChain(head.chain, event.hash));
  insert.Execute();
}

LogCheckpoint SqlEventLog::Head() {
  sql::Statement last(db_, "SELECT position, chain FROM event_log ORDER BY position DESC LIMIT 1");
  if (!last.Step()) return LogCheckpoint{};
  return LogCheckpoint{last.Int(0), last.Text(1)};
}

std::optional<ChainBreak> SqlEventLog::Verify(const std::optional<LogCheckpoint>& expected) {
  // An event is found under the province its dossier row names (the key's first column, 0018); a dossier
  // removed whole leaves its logged events without a row, so gone.
  sql::Statement rows(db_,
                      "SELECT l.position, l.dossier_code, l.seq, l.chain, e.hash FROM event_log l "
                      "LEFT JOIN dossiers d ON d.code = l.dossier_code "
                      "LEFT JOIN dossier_events e ON e.province_code = d.province_code "
                      "AND e.dossier_code = l.dossier_code AND e.seq = l.seq "
                      "ORDER BY l.position");
  std::string chain;
  std::int64_t position = 0;
  bool checkpoint_seen = false;
  while (rows.Step()) {
    const std::int64_t row_position = rows.Int(0);
    const std::string code = rows.Text(1);
    const std::int64_t seq = rows.Int(2);
    if (row_position != position + 1) {
      return LogBreak(code, seq,
                      "event log: positions " + std::to_string(position + 1) + " to " +
                          std::to_string(row_position - 1) + " are missing");
    }
    if (rows.Null(4)) return LogBreak(code, seq, "event log: a logged event is gone");
    chain = NextChain(chain, rows.Text(4));
    if (chain != rows.Text(3)) return LogBreak(code, seq, "event log: chain mismatch");
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
  sql::Statement unlogged(db_,
                          "SELECT e.dossier_code, e.seq FROM dossier_events e WHERE NOT EXISTS "
                          "(SELECT 1 FROM event_log l WHERE l.dossier_code = e.dossier_code AND l.seq = e.seq) "
                          "LIMIT 1");
  if (unlogged.Step()) {
    return LogBreak(unlogged.Text(0), unlogged.Int(1), "event log: a stored event was never logged");
  }
  return std::nullopt;
}

std::int64_t SqlEventLog::FillAfterMigration() {
  sql::Statement due(db_, "SELECT 1 FROM event_log_backfill LIMIT 1");
  if (!due.Step()) return 0;
  due.Reset();
  sql::Transaction transaction(db_, sql::TxMode::kWrite);
  db_.ExecuteScript("DELETE FROM event_log_backfill");
  sql::Statement events(db_,
                        "SELECT dossier_code, seq, hash FROM dossier_events ORDER BY recorded_at, dossier_code, seq");
  sql::Statement insert(db_, "INSERT INTO event_log (position, dossier_code, seq, chain) VALUES (?, ?, ?, ?)");
  std::string chain;
  std::int64_t position = 0;
  while (events.Step()) {
    chain = NextChain(chain, events.Text(2));
    insert.Bind(1, ++position);
    insert.Bind(2, events.Text(0));
    insert.Bind(3, events.Int(1));
    insert.Bind(4, chain);
    insert.Execute();
    insert.Reset();
  }
  transaction.Commit();
  return position;
}

}  // namespace motcua::store
