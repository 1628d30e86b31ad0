// Restores (app/restore.h) of backups made by MakeBackup over real SQLite files: a restore gives back every
// dossier and file; a damaged or tampered backup, or a database already there, is refused naming why, and then
// nothing at the target has changed; with `replace`, what was there is set aside, not deleted.
#include "app/restore.h"

#include <gtest/gtest.h>

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "app/backup.h"
#include "store/disk_blob_store.h"
#include "store/store_factory.h"
#include "support/database_fingerprint.h"
#include "support/sample_events.h"
#include "support/temp_db.h"

namespace motcua::app {
namespace {

namespace fs = std::filesystem;
using test_support::At;

const StoreOpener kOpenSqlite = [](const std::string& path) {
  return store::OpenStore(store::StoreSpec::Sqlite(path));
};

std::string Read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

class RestoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    source_ = test_support::TempDbPath();
    auto store = store::OpenStore(store::StoreSpec::Sqlite(source_)).value();
    for (int i = 0; i < 3; ++i) Receive(*store);
    store::DiskBlobStore blobs(store::BlobFolderBeside(source_));
    file_id_ = blobs.Put("%PDF-1.7 a scan").value().id;
    backup_ = MakeBackup({*store, store::BlobFolderBeside(source_)}, source_ + ".backups", At(kMadeAt)).value().folder;
    const std::string target = test_support::TempDbPath();
    target_ = {target, store::BlobFolderBeside(target), "sqlite"};
  }

  static void Receive(store::Store& store) {
    const store::Store::DossierCodeOf code_of = [](std::int64_t n) -> Result<std::string> {
      return "R-" + std::to_string(n);
    };
    const auto events = std::vector{test_support::Event(test_support::SomeReceived(), "2026-01-12T07:45:00+07:00", "")};
    ASSERT_TRUE(store.AppendNewDossier("R", code_of, events, {}).has_value());
  }

  Result<RestoreReport> Restore(bool replace = false) {
    return RestoreBackup(backup_, target_, replace, kOpenSqlite, At("2026-01-13T09:00:00+07:00"));
  }

  fs::path FileOf(const fs::path& root) const { return root / file_id_.substr(0, 2) / file_id_.substr(2); }

  // Nothing of a restore is at the target: no database, no files, no temporary copy.
  void ExpectTargetUntouched() const {
    for (const auto& entry : fs::directory_iterator(target_.database.parent_path())) {
      const std::string name = entry.path().filename().string();
      const std::string base = target_.database.filename().string();
      EXPECT_FALSE(name == base || name.starts_with(base + ".") || name.starts_with(base + "-")) << name;
    }
  }

  static constexpr const char* kMadeAt = "2026-01-12T18:00:00+07:00";
  std::string source_;
  std::string file_id_;
  fs::path backup_;
  RestoreTarget target_;
};

TEST_F(RestoreTest, GivesBackEveryDossierAndFile) {
  auto report = Restore();

  ASSERT_TRUE(report.has_value()) << report.error().field << ": " << report.error().message_en;
  EXPECT_EQ(report->manifest.facts.dossiers, 3);
  EXPECT_EQ(report->files, 1u);
  EXPECT_TRUE(report->set_aside.empty());
  EXPECT_EQ(test_support::FingerprintDatabase(target_.database.string()), test_support::FingerprintDatabase(source_));
  EXPECT_EQ(Read(FileOf(target_.files)), "%PDF-1.7 a scan");
  EXPECT_FALSE(fs::exists(target_.database.string() + ".restoring"));
  auto restored = store::OpenStore(store::StoreSpec::Sqlite(target_.database.string())).value();
  EXPECT_EQ(restored->DossierCodes({}).value(), (std::vector<std::string>{"R-1", "R-2", "R-3"}));
}

TEST_F(RestoreTest, RefusesAFileWithOneByteChangedNamingIt) {
  const fs::path scan = backup_ / "files" / file_id_.substr(0, 2) / file_id_.substr(2);
  std::string bytes = Read(scan);
  bytes[3] ^= 1;
  fs::remove(scan);  // a hard link shares its bytes with the source's file: change the backup's alone
  std::ofstream(scan, std::ios::binary) << bytes;

  auto report = Restore();

  ASSERT_FALSE(report.has_value());
  EXPECT_EQ(report.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(report.error().field, "files/" + file_id_.substr(0, 2) + "/" + file_id_.substr(2));
  ExpectTargetUntouched();
}

TEST_F(RestoreTest, RefusesABackupMissingAFile) {
  fs::remove(backup_ / "motcua.db");
  auto report = Restore();
  ASSERT_FALSE(report.has_value());
  EXPECT_EQ(report.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(report.error().field, "motcua.db");
  ExpectTargetUntouched();
}

TEST_F(RestoreTest, RefusesABackupOfAnotherEngine) {
  target_.engine = "postgresql";
  auto report = Restore();
  ASSERT_FALSE(report.has_value());
  EXPECT_EQ(report.error().field, "engine");
}

// A backup whose manifest was rewritten to match an edited history: the files check passes, the hash chains do not.
TEST_F(RestoreTest, RefusesADatabaseWhoseHistoryWasEditedAndPutsNothingInPlace) {
  {
    SQLite::Database db((backup_ / "motcua.db").string(), SQLite::OPEN_READWRITE);
    db.exec("DROP TRIGGER dossier_events_no_update");
    db.exec(
        "UPDATE dossier_events SET payload = replace(payload, 'Nguyễn Thị Hoa', 'Trần Văn Sửa') "
        "WHERE dossier_code = 'R-2'");
  }
  BackupManifest manifest = ReadBackupManifest(backup_).value();
  manifest.files[0] = DigestFile(backup_ / "motcua.db", "motcua.db").value();
  fs::remove(backup_ / "manifest.json");
  std::ofstream(backup_ / "manifest.json") << FormatBackupManifest(manifest);

  auto report = Restore();

  ASSERT_FALSE(report.has_value());
  EXPECT_EQ(report.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(report.error().field, "motcua.db");
  EXPECT_NE(report.error().message_en.find("R-2"), std::string::npos) << report.error().message_en;
  ExpectTargetUntouched();
}

TEST_F(RestoreTest, RefusesToReplaceADatabaseUnlessAsked) {
  { auto existing = store::OpenStore(store::StoreSpec::Sqlite(target_.database.string())).value(); }
  const auto before = test_support::FingerprintDatabase(target_.database.string());

  auto report = Restore();

  ASSERT_FALSE(report.has_value());
  EXPECT_EQ(report.error().code, ErrorCode::kConflict);
  EXPECT_EQ(report.error().field, target_.database.string());
  EXPECT_EQ(test_support::FingerprintDatabase(target_.database.string()), before);
  EXPECT_FALSE(fs::exists(target_.database.string() + ".restoring"));
}

TEST_F(RestoreTest, ReplacingSetsTheOldDatabaseAndFilesAside) {
  {
    auto existing = store::OpenStore(store::StoreSpec::Sqlite(target_.database.string())).value();
    store::DiskBlobStore(target_.files).Put("%PDF-1.7 the old scan").value();
  }
  const auto old = test_support::FingerprintDatabase(target_.database.string());

  auto report = Restore(/*replace=*/true);

  ASSERT_TRUE(report.has_value()) << report.error().field << ": " << report.error().message_en;
  const std::string suffix = ".before-restore-20260113-090000";
  EXPECT_EQ(report->set_aside,
            (std::vector<fs::path>{target_.database.string() + suffix, target_.files.string() + suffix}));
  EXPECT_EQ(test_support::FingerprintDatabase(target_.database.string() + suffix), old) << "rolled back by a rename";
  EXPECT_EQ(test_support::FingerprintDatabase(target_.database.string()), test_support::FingerprintDatabase(source_));
  EXPECT_EQ(Read(FileOf(target_.files)), "%PDF-1.7 a scan");
}

}  // namespace
}  // namespace motcua::app
