// Removing the files no dossier took (app/document_pruning.h), over a real SQLite store and the disk blob store:
// only unattached files past the grace period go, their records stay and say when, a dry run removes nothing,
// and a file a dossier names is kept whatever its age.
#include "app/document_pruning.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "app/document_files.h"
#include "store/disk_blob_store.h"
#include "store/store_factory.h"
#include "support/sample_events.h"
#include "support/temp_db.h"

namespace motcua::app {
namespace {

using std::chrono::days;
using test_support::Event;
using test_support::SomeReceived;

Account Receptionist() {
  Account a;
  a.login = "tn.vanson";
  a.role = Role::kReceptionist;
  a.units = {"05152"};
  return a;
}

class DocumentPruningTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string db = test_support::TempDbPath();
    store_ = store::OpenStore(store::StoreSpec::Sqlite(db)).value();
    blobs_ = std::make_unique<store::DiskBlobStore>(store::BlobFolderBeside(db));
  }

  // Uploads `content` as the receptionist at `at`.
  std::string UploadAt(const std::string& content, Instant at) {
    FixedClock clock(at);
    return DocumentFiles(*store_, *blobs_, clock).Upload(Receptionist(), "application/pdf", "x.pdf", content)->id;
  }
  bool Stored(const std::string& id) { return blobs_->Get(id).value().has_value(); }

  const Instant start_ = test_support::At("2026-01-12T08:00:00+07:00");
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<store::DiskBlobStore> blobs_;
};

TEST_F(DocumentPruningTest, OnlyUnattachedFilesPastTheGracePeriodGo) {
  const std::string abandoned = UploadAt("%PDF-1.4 bỏ dở ở quầy " + std::string(100, 'x'), start_);
  const std::string attached = UploadAt("%PDF-1.4 tờ khai đã nhận", start_);
  const std::string recent = UploadAt("%PDF-1.4 vừa quét", start_ + days(25));
  const std::vector<DossierEvent> dossier = {
      Event(SomeReceived(), "2026-01-12T08:00:00+07:00", "A-1"),
      Event(Digitized{1, attached}, "2026-01-12T08:06:00+07:00", "A-1"),
  };
  const auto appended = store_->AppendDossierEvents(dossier, {});
  ASSERT_TRUE(appended.has_value()) << appended.error().field << ": " << appended.error().message_en;

  const Instant now = start_ + days(31);
  const auto dry = PruneUnattachedDocuments(*store_, *blobs_, now, days(30), /*dry_run=*/true).value();
  EXPECT_EQ(dry.files, 1);
  EXPECT_TRUE(Stored(abandoned)) << "a dry run removed a file";

  const auto pruned = PruneUnattachedDocuments(*store_, *blobs_, now, days(30), false).value();
  EXPECT_EQ(pruned.files, 1);
  EXPECT_EQ(pruned.bytes, store_->DocumentUploads(abandoned).value().front().size);
  EXPECT_FALSE(Stored(abandoned));
  EXPECT_TRUE(Stored(attached)) << "a dossier's file was removed";
  EXPECT_TRUE(Stored(recent)) << "a file within the grace period was removed";
  EXPECT_EQ(store_->DocumentUploads(abandoned).value().size(), 1u) << "the upload record is kept";

  // Nothing more to do the next night; years later the attached file is still there.
  EXPECT_EQ(PruneUnattachedDocuments(*store_, *blobs_, now + days(1), days(30), false)->files, 0);
  EXPECT_EQ(PruneUnattachedDocuments(*store_, *blobs_, now + days(3650), days(30), false)->files, 1);  // `recent`
  EXPECT_TRUE(Stored(attached));
}

TEST_F(DocumentPruningTest, AFileUploadedAgainAfterItsRemovalIsKeptForANewGracePeriod) {
  const std::string content = "%PDF-1.4 nộp lại";
  const std::string id = UploadAt(content, start_);
  ASSERT_EQ(PruneUnattachedDocuments(*store_, *blobs_, start_ + days(30), days(30), false)->files, 1);
  ASSERT_FALSE(Stored(id));
  UploadAt(content, start_ + days(40));
  EXPECT_TRUE(Stored(id));
  EXPECT_EQ(PruneUnattachedDocuments(*store_, *blobs_, start_ + days(41), days(30), false)->files, 0);
  EXPECT_TRUE(Stored(id)) << "the new upload was taken at once";
  EXPECT_EQ(PruneUnattachedDocuments(*store_, *blobs_, start_ + days(70), days(30), false)->files, 1);
}

TEST_F(DocumentPruningTest, ANegativeGraceIsRefused) {
  const auto refused = PruneUnattachedDocuments(*store_, *blobs_, start_, days(-1), false);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().field, "older_than");
}

}  // namespace
}  // namespace motcua::app
