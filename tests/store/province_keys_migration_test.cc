// Migration 0018 (the province in the keys of dossiers and their events) upgrading a database that an older motcua
// left at version 17, on each engine: every dossier and event is kept under the province of its competent unit,
// else of its receiving unit ('' for a unit the catalogue does not know), nothing else in a row changes, the
// append-only guards are back, and a code sequence is kept under its agency's province.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "store/postgresql/pg_connection.h"
#include "store/postgresql/pg_migrator.h"
#include "store/sql/sql_dossier_rows.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_migrator.h"
#include "support/pg_test_database.h"
#include "support/sql_engines.h"

namespace motcua::store {
namespace {

constexpr int kBeforeProvinceKeys = 17;

std::vector<std::string> Rows(sql::Connection& db, const std::string& query) {
  sql::Statement rows(db, query);
  std::vector<std::string> found;
  while (rows.Step()) {
    std::string row;
    for (int i = 0; i < rows.Columns(); ++i) row += (i == 0 ? "" : "|") + (rows.Null(i) ? "NULL" : rows.Text(i));
    found.push_back(row);
  }
  return found;
}

class ProvinceKeysMigrationTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql") {
      MOTCUA_NEED_POSTGRES();
      db_ = std::make_unique<PgConnection>(test_support::FreshPostgresDatabase());
    } else {
      db_ = std::make_unique<SqliteConnection>(":memory:");
    }
    ASSERT_TRUE(Migrate(kBeforeProvinceKeys).has_value());
    // The catalogue: province 15 with commune 05152, province 04 without communes here.
    db_->ExecuteScript(
        "INSERT INTO provinces VALUES ('15', 'Lào Cai', 'tỉnh', 'lao_cai', '214'), "
        "('04', 'Cao Bằng', 'tỉnh', 'cao_bang', '206');"
        "INSERT INTO communes VALUES ('05152', 'Sa Pa', 'phường', 'sa_pa', '15');"
        "INSERT INTO agencies VALUES ('H15.50', 'UBND phường Sa Pa', '05152'), ('H04', 'UBND tỉnh', '04')");
  }

  Result<void> Migrate(int up_to) {
    return GetParam() == "postgresql" ? MigratePostgres(*db_, up_to) : MigrateSqlite(*db_, up_to);
  }

  // A dossier row as version 17 has it, with `events` events (seq 1..events).
  void AddDossier(const std::string& code, const std::string& receiving_unit, const std::string& competent_unit,
                  int events) {
    sql::Statement dossier(*db_,
                           "INSERT INTO dossiers VALUES (?, 'processing', '1.001', 'direct', ?, 'p', 'H15.50', ?, "
                           "'001', 'Lò Thị Mai', '', 'step', '', NULL, '2026-01-05T02:00:00Z', NULL, NULL, NULL, "
                           "NULL, NULL, 0, 0, 0, 0, 0, NULL, ?, ?, '2026-01-05T02:00:00Z', NULL)");
    dossier.Bind(1, code).Bind(2, receiving_unit).Bind(3, competent_unit).Bind(4, events);
    dossier.Bind(5, "hash-" + std::to_string(events));
    dossier.Execute();
    for (int seq = 1; seq <= events; ++seq) AddEvent(code, seq);
  }

  void AddEvent(const std::string& code, int seq) {
    sql::Statement event(*db_, std::string("INSERT INTO dossier_events (") + kEventColumns +
                                   ") VALUES (?, ?, 'received', 'u', 'receptionist', '05152', "
                                   "'2026-01-05T02:00:00Z', '2026-01-05T02:00:01Z', 0, '', ?, ?, ?)");
    event.Bind(1, code).Bind(2, seq).Bind(3, "{\"n\":" + std::to_string(seq) + "}");
    event.Bind(4, seq == 1 ? "" : "hash-" + std::to_string(seq - 1)).Bind(5, "hash-" + std::to_string(seq));
    event.Execute();
  }

  std::unique_ptr<sql::Connection> db_;
};

TEST_P(ProvinceKeysMigrationTest, DossiersAndEventsAreKeptUnderTheProvinceOfTheirCompetentUnit) {
  AddDossier("H15.50-260105-0001", "05152", "05152", 2);  // a commune's dossier: its catalogue province
  AddDossier("H15.50-260105-0002", "05152", "", 1);       // no competent unit: the receiving unit's
  AddDossier("H04-260105-0001", "05152", "04", 3);        // a province-level competent unit is its own province
  AddDossier("X-260105-0001", "99999", "99998", 1);       // a commune the catalogue does not know: ''
  AddEvent("LOST-1", 1);                                  // an event without a dossier row (verify reports it)
  const std::string events_before = "SELECT " + std::string(kEventColumns) + " FROM dossier_events ORDER BY 1, 2";
  const std::vector<std::string> kept = Rows(*db_, events_before);

  ASSERT_TRUE(Migrate(kEveryVersion).has_value());

  EXPECT_EQ(Rows(*db_, "SELECT province_code, code FROM dossiers ORDER BY province_code, code"),
            (std::vector<std::string>{"|X-260105-0001", "04|H04-260105-0001", "15|H15.50-260105-0001",
                                      "15|H15.50-260105-0002"}));
  EXPECT_EQ(Rows(*db_,
                 "SELECT province_code, dossier_code, seq FROM dossier_events ORDER BY province_code, dossier_code, "
                 "seq"),
            (std::vector<std::string>{"|LOST-1|1", "|X-260105-0001|1", "04|H04-260105-0001|1", "04|H04-260105-0001|2",
                                      "04|H04-260105-0001|3", "15|H15.50-260105-0001|1", "15|H15.50-260105-0001|2",
                                      "15|H15.50-260105-0002|1"}));
  EXPECT_EQ(Rows(*db_, events_before), kept) << "every event exactly as it was";
  EXPECT_EQ(Rows(*db_, "SELECT count(*) FROM dossiers WHERE last_hash = 'hash-' || last_seq"),
            std::vector<std::string>{"4"});
}

TEST_P(ProvinceKeysMigrationTest, TheEventsAreAppendOnlyAgainAndACodeStaysUnique) {
  AddDossier("H15.50-260105-0001", "05152", "05152", 1);
  ASSERT_TRUE(Migrate(kEveryVersion).has_value());
  for (const char* change : {"UPDATE dossier_events SET actor_user = 'x'", "DELETE FROM dossier_events"}) {
    EXPECT_THROW(db_->ExecuteScript(change), sql::DbError) << change;
  }
  // The Store names a dossier by its code alone: under another province, the code is still taken.
  db_->ExecuteScript("CREATE TEMP TABLE twin AS SELECT * FROM dossiers; UPDATE twin SET province_code = '04'");
  EXPECT_THROW(db_->ExecuteScript("INSERT INTO dossiers SELECT * FROM twin"), sql::DbError);
  EXPECT_EQ(Rows(*db_, "SELECT count(*) FROM dossiers"), std::vector<std::string>{"1"});
}

TEST_P(ProvinceKeysMigrationTest, ACodeSequenceIsKeptUnderItsAgencysProvince) {
  db_->ExecuteScript(
      "INSERT INTO dossier_code_sequences VALUES ('H15.50|20260105', 7), ('H04|20260105', 2), "
      "('GONE|20260105', 3)");
  ASSERT_TRUE(Migrate(kEveryVersion).has_value());
  EXPECT_EQ(Rows(*db_, "SELECT prefix, last, province_code FROM dossier_code_sequences ORDER BY prefix"),
            (std::vector<std::string>{"GONE|20260105|3|", "H04|20260105|2|04", "H15.50|20260105|7|15"}));
}

INSTANTIATE_TEST_SUITE_P(Engines, ProvinceKeysMigrationTest, ::testing::ValuesIn(test_support::kSqlEngines),
                         test_support::EngineName);

}  // namespace
}  // namespace motcua::store
