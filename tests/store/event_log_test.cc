// The event log (store/sql/sql_event_log.h): every event in append order, chained; what it finds that each
// dossier's own chain cannot — a dossier removed whole, a tail lost — and its one-time filling after migration 0016.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "app/catalogue_installer.h"
#include "app/history_generator.h"
#include "app/reference_files.h"
#include "app/work_calendar_loader.h"
#include "store/sqlite/sqlite_store.h"
#include "support/temp_db.h"

namespace motcua::store {
namespace {

// A small province history in a fresh file; returns its path.
std::string History() {
  const std::string path = test_support::TempDbPath();
  auto store = OpenSqliteStore(path).value();
  EXPECT_TRUE(app::InstallReferenceCatalogue(*store, app::BuiltInReferenceFiles()).has_value());
  app::HistoryPlan plan;
  plan.province = "04";
  plan.dossiers = 60;
  plan.end = ParseIsoInstant("2026-06-01T00:00:00+07:00", "end").value();
  plan.batch = 60;
  EXPECT_TRUE(app::GenerateHistory(*store, app::LoadWorkCalendar(*store).value(), {}, plan).has_value());
  return path;
}

std::int64_t Count(const std::string& path, const std::string& table) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  return db.execAndGet("SELECT count(*) FROM " + table).getInt64();
}

void Exec(const std::string& path, const std::string& sql) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  db.exec(sql);
}

TEST(EventLogTest, EveryAppendedEventIsLoggedAndChained) {
  const std::string path = History();
  auto store = OpenSqliteStore(path).value();
  const LogCheckpoint head = store->EventLogHead().value();
  EXPECT_EQ(head.position, Count(path, "dossier_events"));
  EXPECT_EQ(head.chain.size(), 64u);
  EXPECT_EQ(store->VerifyEventLog(std::nullopt).value(), std::nullopt);
  EXPECT_EQ(store->VerifyEventLog(head).value(), std::nullopt);
  LogCheckpoint wrong = head;
  wrong.chain[0] = wrong.chain[0] == '0' ? '1' : '0';
  ASSERT_TRUE(store->VerifyEventLog(wrong).value().has_value());
}

TEST(EventLogTest, ADossierRemovedWholeIsFound) {
  const std::string path = History();
  const std::string code = [&] {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return db.execAndGet("SELECT code FROM dossiers ORDER BY code LIMIT 1 OFFSET 7").getString();
  }();
  Exec(path, "DROP TRIGGER dossier_events_no_delete; DELETE FROM dossier_events WHERE dossier_code = '" + code +
                 "'; DELETE FROM dossiers WHERE code = '" + code + "'");
  auto store = OpenSqliteStore(path).value();
  EXPECT_EQ(store->VerifyDossierChains().value(), std::nullopt) << "each remaining dossier's chain is intact";
  const auto broken = store->VerifyEventLog(std::nullopt).value();
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->dossier_code, code);
  EXPECT_EQ(broken->what, "event log: a logged event is gone");
}

TEST(EventLogTest, ALostTailIsFoundAgainstACheckpointKeptElsewhere) {
  const std::string path = History();
  const LogCheckpoint kept = OpenSqliteStore(path).value()->EventLogHead().value();
  Exec(path,
       "DROP TRIGGER dossier_events_no_delete; DROP TRIGGER event_log_no_delete; "
       "CREATE TEMP TABLE lost AS SELECT dossier_code, seq FROM event_log ORDER BY position DESC LIMIT 5; "
       "DELETE FROM dossier_events WHERE (dossier_code, seq) IN (SELECT dossier_code, seq FROM lost); "
       "DELETE FROM event_log WHERE (dossier_code, seq) IN (SELECT dossier_code, seq FROM lost);");
  auto store = OpenSqliteStore(path).value();
  EXPECT_EQ(store->VerifyEventLog(std::nullopt).value(), std::nullopt) << "alone, a shorter log looks whole";
  const auto broken = store->VerifyEventLog(kept).value();
  ASSERT_TRUE(broken.has_value());
  EXPECT_NE(broken->what.find("before the checkpoint"), std::string::npos) << broken->what;
}

TEST(EventLogTest, ADatabaseMadeBeforeTheLogIsLoggedOnceAndOnlyOnce) {
  const std::string path = History();
  const std::int64_t events = Count(path, "dossier_events");
  // As if made before 0016: no log, the migration not yet applied.
  Exec(path, "DROP TABLE event_log; DROP TABLE event_log_backfill; DELETE FROM schema_migrations WHERE version = 16");
  {
    auto store = OpenSqliteStore(path).value();
    EXPECT_EQ(store->EventLogHead().value().position, events);
    EXPECT_EQ(store->VerifyEventLog(std::nullopt).value(), std::nullopt);
  }
  // A log emptied later is not made again: the stored events are then unlogged, and verify says so.
  Exec(path, "DROP TRIGGER event_log_no_delete; DELETE FROM event_log");
  auto store = OpenSqliteStore(path).value();
  EXPECT_EQ(store->EventLogHead().value().position, 0);
  const auto broken = store->VerifyEventLog(std::nullopt).value();
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->what, "event log: a stored event was never logged");
}

}  // namespace
}  // namespace motcua::store
