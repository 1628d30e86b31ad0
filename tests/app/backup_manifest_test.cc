// The backup manifest (app/backup_manifest.h): it reads back what was written; a text that is not a manifest a
// backup made by motcua could hold is refused, saying why (a restore trusts the paths it names); and checking a
// folder against it names the file that is missing or differs.
#include "app/backup_manifest.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>

#include "store/sha256.h"
#include "support/sample_events.h"
#include "support/temp_db.h"

namespace motcua::app {
namespace {

namespace fs = std::filesystem;
using test_support::At;

const std::string kHash(64, 'a');

BackupManifest Sample() {
  BackupManifest m;
  m.created_at = At("2026-01-12T07:30:00+07:00");
  m.facts = {"sqlite", 12, 4000, 21000};
  m.database = "motcua.db";
  m.files = {{"motcua.db", 1234, kHash}, {"files/ab/cdef", 5, std::string(64, 'b')}};
  return m;
}

void ExpectSame(const BackupManifest& a, const BackupManifest& b) {
  EXPECT_EQ(a.created_at, b.created_at);
  EXPECT_EQ(a.facts.engine, b.facts.engine);
  EXPECT_EQ(a.facts.schema_version, b.facts.schema_version);
  EXPECT_EQ(a.facts.dossiers, b.facts.dossiers);
  EXPECT_EQ(a.facts.events, b.facts.events);
  EXPECT_EQ(a.database, b.database);
  ASSERT_EQ(a.files.size(), b.files.size());
  for (std::size_t i = 0; i < a.files.size(); ++i) {
    EXPECT_EQ(a.files[i].path, b.files[i].path);
    EXPECT_EQ(a.files[i].size, b.files[i].size);
    EXPECT_EQ(a.files[i].sha256, b.files[i].sha256);
  }
}

TEST(BackupManifestTest, ReadsBackWhatWasWritten) {
  const std::string text = FormatBackupManifest(Sample());
  auto read = ParseBackupManifest(text);
  ASSERT_TRUE(read.has_value()) << read.error().message_en;
  ExpectSame(*read, Sample());
  EXPECT_NE(text.find("\"created_at\": \"2026-01-12T07:30:00+07:00\""), std::string::npos) << text;
  EXPECT_NE(text.find("\n    {\"path\":\"files/ab/cdef\",\"size\":5,"), std::string::npos) << "one file a line";
}

// A manifest written by hand in the documented shape reads too: the format is the contract, not our formatter.
TEST(BackupManifestTest, ReadsTheDocumentedShape) {
  const std::string text = R"({"format": "motcua-backup", "version": 1, "created_at": "2026-01-12T07:30:00+07:00",
    "engine": "sqlite", "schema_version": 12, "dossiers": 4000, "events": 21000, "database": "motcua.db",
    "files": [{"path": "motcua.db", "size": 1234, "sha256": ")" +
                           kHash + R"("}, {"path": "files/ab/cdef", "size": 5, "sha256": ")" + std::string(64, 'b') +
                           R"("}]})";
  auto read = ParseBackupManifest(text);
  ASSERT_TRUE(read.has_value()) << read.error().message_en;
  ExpectSame(*read, Sample());
}

// Each case changes one thing of a valid manifest; `why` is a part of the English message.
TEST(BackupManifestTest, RefusesWhatABackupCannotHold) {
  struct Case {
    const char* name;
    std::function<void(nlohmann::json&)> change;
    const char* why;
  };
  const Case cases[] = {
      {"another format", [](auto& j) { j["format"] = "tarball"; }, "another format"},
      {"a later version", [](auto& j) { j["version"] = 2; }, "another format"},
      {"no files", [](auto& j) { j.erase("files"); }, "\"files\""},
      {"no time", [](auto& j) { j.erase("created_at"); }, "\"created_at\""},
      {"a time that is none", [](auto& j) { j["created_at"] = "yesterday"; }, "created_at"},
      {"dossiers as text", [](auto& j) { j["dossiers"] = "4000"; }, "\"dossiers\""},
      {"a negative size", [](auto& j) { j["files"][1]["size"] = -5; }, "\"files\""},
      // A restore copies what the manifest names: a path must not lead out of the backup folder.
      {"a parent segment", [](auto& j) { j["files"][1]["path"] = "files/../../etc/passwd"; }, "leaves the backup"},
      {"an absolute path", [](auto& j) { j["files"][1]["path"] = "/etc/passwd"; }, "leaves the backup"},
      {"an empty segment", [](auto& j) { j["files"][1]["path"] = "files//x"; }, "leaves the backup"},
      {"the manifest itself", [](auto& j) { j["files"][1]["path"] = "manifest.json"; }, "leaves the backup"},
      {"a short hash", [](auto& j) { j["files"][1]["sha256"] = "abc"; }, "64 hex digits"},
      {"an upper-case hash", [](auto& j) { j["files"][1]["sha256"] = std::string(64, 'A'); }, "64 hex digits"},
      {"a file twice", [](auto& j) { j["files"][1]["path"] = "motcua.db"; }, "listed twice"},
      {"a database not listed", [](auto& j) { j["database"] = "other.db"; }, "not among the files"},
  };
  for (const Case& c : cases) {
    nlohmann::json j = nlohmann::json::parse(FormatBackupManifest(Sample()));
    c.change(j);
    auto read = ParseBackupManifest(j.dump());
    ASSERT_FALSE(read.has_value()) << c.name;
    EXPECT_EQ(read.error().code, ErrorCode::kInvalidArgument) << c.name;
    const std::string said = read.error().field + ": " + read.error().message_en;
    EXPECT_NE(said.find(c.why), std::string::npos) << c.name << ": " << said;
  }
  EXPECT_FALSE(ParseBackupManifest("not json").has_value());
  EXPECT_EQ(ParseBackupManifest("[]").error().field, "manifest.json");
}

class BackupFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::path(test_support::TempDbPath() + ".backup");
    fs::create_directories(folder_ / "files" / "ab");
    Write("motcua.db", "the database");
    Write("files/ab/cdef", "a scan");
    manifest_ = Sample();
    manifest_.files = {DigestFile(folder_ / "motcua.db", "motcua.db").value(),
                       DigestFile(folder_ / "files/ab/cdef", "files/ab/cdef").value()};
  }
  void Write(const std::string& name, const std::string& content) {
    std::ofstream(folder_ / name, std::ios::binary) << content;
  }

  fs::path folder_;
  BackupManifest manifest_;
};

TEST_F(BackupFilesTest, DigestsAFileAsSha256HexOfItsBytes) {
  EXPECT_EQ(manifest_.files[1].size, 6u);
  EXPECT_EQ(manifest_.files[1].sha256, store::Sha256Hex("a scan"));
  EXPECT_TRUE(CheckBackupFiles(folder_, manifest_).has_value());
}

TEST_F(BackupFilesTest, NamesAMissingFile) {
  fs::remove(folder_ / "files/ab/cdef");
  auto checked = CheckBackupFiles(folder_, manifest_);
  ASSERT_FALSE(checked.has_value());
  EXPECT_EQ(checked.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(checked.error().field, "files/ab/cdef");
}

TEST_F(BackupFilesTest, NamesAFileWithOneByteChanged) {
  Write("files/ab/cdef", "a scaN");  // the same size
  auto checked = CheckBackupFiles(folder_, manifest_);
  ASSERT_FALSE(checked.has_value());
  EXPECT_EQ(checked.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(checked.error().field, "files/ab/cdef");
}

TEST_F(BackupFilesTest, NamesAFileCutShort) {
  Write("motcua.db", "the data");
  auto checked = CheckBackupFiles(folder_, manifest_);
  ASSERT_FALSE(checked.has_value());
  EXPECT_EQ(checked.error().field, "motcua.db");
}

TEST_F(BackupFilesTest, AFolderWithoutAManifestIsNoBackup) {
  auto read = ReadBackupManifest(folder_);
  ASSERT_FALSE(read.has_value());
  EXPECT_EQ(read.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(read.error().field, "manifest.json");
}

}  // namespace
}  // namespace motcua::app
