// Store::BackupTo and Store::CheckIntegrity on SQLite files: the copy is one moment of the database even while
// another connection keeps committing (the issue: `cp` of the live file under load gave a corrupt copy), it is a
// file of its own (no -wal beside it), and it refuses to overwrite.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "store/sqlite/sqlite_store.h"
#include "support/database_fingerprint.h"
#include "support/sample_events.h"
#include "support/temp_db.h"

namespace motcua::store {
namespace {

namespace fs = std::filesystem;
using test_support::Event;
using test_support::SomeReceived;
using test_support::TempDbPath;

Result<DossierState> Receive(Store& store) {
  const Store::DossierCodeOf code_of = [](std::int64_t n) -> Result<std::string> { return "B-" + std::to_string(n); };
  const auto reception = std::vector{Event(SomeReceived(), "2026-01-12T07:45:00+07:00", "")};
  return store.AppendNewDossier("B", code_of, reception, {});
}

TEST(BackupStoreTest, CopiesTheDatabaseAndSaysWhatTheCopyHolds) {
  const std::string path = TempDbPath();
  auto store = OpenSqliteStore(path).value();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(Receive(*store).has_value());
  const std::string copy = TempDbPath();

  auto facts = store->BackupTo(copy);

  ASSERT_TRUE(facts.has_value()) << facts.error().message_en;
  EXPECT_EQ(facts->engine, "sqlite");
  EXPECT_GE(facts->schema_version, 12);
  EXPECT_EQ(facts->dossiers, 3);
  EXPECT_EQ(facts->events, 3);
  EXPECT_FALSE(fs::exists(copy + "-wal")) << "a backup is one file";
  EXPECT_EQ(test_support::FingerprintDatabase(copy), test_support::FingerprintDatabase(path));
}

TEST(BackupStoreTest, RefusesToOverwriteAFile) {
  auto store = OpenSqliteStore(TempDbPath()).value();
  const std::string copy = TempDbPath();
  ASSERT_TRUE(store->BackupTo(copy).has_value());

  auto again = store->BackupTo(copy);

  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(again.error().field, "backup");
}

TEST(BackupStoreTest, LeavesNothingBehindWhenTheCopyCannotBeWritten) {
  auto store = OpenSqliteStore(TempDbPath()).value();
  const std::string copy = (fs::path(TempDbPath()).parent_path() / "no-such-folder" / "copy.db").string();

  auto refused = store->BackupTo(copy);

  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kUnavailable);
  EXPECT_FALSE(fs::exists(copy));
}

// The copy holds exactly the dossiers committed before its snapshot, each with its whole history: every chain
// verifies, and the counts it reports are those of the copy. Another connection commits throughout.
TEST(BackupStoreTest, ACopyTakenWhileAnotherConnectionWritesIsOneMoment) {
  const std::string path = TempDbPath();
  auto reader = OpenSqliteStore(path).value();
  auto writer = OpenSqliteStore(path).value();
  for (int i = 0; i < 200; ++i) ASSERT_TRUE(Receive(*writer).has_value());
  std::atomic<bool> stop = false;
  std::atomic<int> written = 200;
  std::thread intake([&] {
    while (!stop) {
      if (Receive(*writer)) ++written;
    }
  });
  const int before = written;
  const std::string copy = TempDbPath();
  auto facts = reader->BackupTo(copy);
  const int after = written;
  stop = true;
  intake.join();

  ASSERT_TRUE(facts.has_value()) << facts.error().message_en;
  EXPECT_GE(facts->dossiers, before);
  EXPECT_LE(facts->dossiers, after + 1);  // one may be committed and not yet counted
  auto restored = OpenSqliteStore(copy).value();
  EXPECT_EQ(restored->DossierCodes({}).value().size(), static_cast<std::size_t>(facts->dossiers));
  EXPECT_FALSE(restored->VerifyDossierChains().value().has_value());
  EXPECT_TRUE(restored->CheckIntegrity().value().empty());
}

TEST(BackupStoreTest, AnIntactDatabaseHasNoIntegrityProblems) {
  auto store = OpenSqliteStore(TempDbPath()).value();
  ASSERT_TRUE(Receive(*store).has_value());
  auto problems = store->CheckIntegrity();
  ASSERT_TRUE(problems.has_value()) << problems.error().message_en;
  EXPECT_TRUE(problems->empty());
}

}  // namespace
}  // namespace motcua::store
