// Document files in the store: the bytes in the content-addressed folder beside the database
// (store/disk_blob_store.h: one copy per content, written atomically, nothing left when a write fails), the
// uploads in the database, the dossiers a file is attached to (found through its digitized events), and the
// province's procedure settings beside the catalogue.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "store/disk_blob_store.h"
#include "store/sha256.h"
#include "support/sample_events.h"
#include "support/store_backends.h"

namespace motcua::store {
namespace {

namespace fs = std::filesystem;
using test_support::At;
using test_support::Event;
using test_support::SomeReceived;

// Every regular file under `root`, as paths relative to it.
std::vector<std::string> FilesUnder(const fs::path& root) {
  std::vector<std::string> files;
  if (!fs::exists(root)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) files.push_back(fs::relative(entry.path(), root).string());
  }
  return files;
}

class BlobStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { root_ = BlobFolderBeside(test_support::TempDbPath()); }
  fs::path root_;
};

TEST_F(BlobStoreTest, ContentIsKeptUnderItsSha256FannedOutByTwoDigits) {
  DiskBlobStore blobs(root_);
  const std::string content = "%PDF-1.4 tờ khai";
  auto put = blobs.Put(content);
  ASSERT_TRUE(put.has_value()) << put.error().message_en;
  EXPECT_TRUE(put->created);
  EXPECT_EQ(put->id, Sha256Hex(content));
  EXPECT_EQ(FilesUnder(root_), std::vector<std::string>{put->id.substr(0, 2) + "/" + put->id.substr(2)});
  EXPECT_EQ(blobs.Get(put->id).value(), content);
}

TEST_F(BlobStoreTest, SameContentTwiceIsOneCopy) {
  DiskBlobStore blobs(root_);
  const auto first = blobs.Put("%PDF-1.4 giấy chứng sinh").value();
  const auto second = blobs.Put("%PDF-1.4 giấy chứng sinh").value();
  EXPECT_EQ(first.id, second.id);
  EXPECT_FALSE(second.created);
  EXPECT_EQ(FilesUnder(root_).size(), 1u);  // and no temporary file left over
  blobs.Put("%PDF-1.4 another").value();
  EXPECT_EQ(FilesUnder(root_).size(), 2u);
}

TEST_F(BlobStoreTest, UnknownOrMalformedIdsReadAsNothing) {
  DiskBlobStore blobs(root_);
  EXPECT_FALSE(blobs.Get(std::string(64, 'a')).value().has_value());
  EXPECT_FALSE(blobs.Get("../../etc/passwd").value().has_value());
  EXPECT_FALSE(blobs.Get("").value().has_value());
}

TEST_F(BlobStoreTest, FailedWriteLeavesNothingBehind) {
  // The root's place is taken by a plain file: no folder can be made there.
  fs::create_directories(root_.parent_path());
  std::ofstream(root_) << "not a folder";
  DiskBlobStore blobs(root_ / "inner");
  auto put = blobs.Put("%PDF-1.4 x");
  ASSERT_FALSE(put.has_value());
  EXPECT_EQ(put.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(put.error().field, "file");
  EXPECT_TRUE(fs::is_regular_file(root_));

  // The fan-out folder's place is taken: the same, and the root holds no temporary file afterwards.
  const fs::path other = BlobFolderBeside(test_support::TempDbPath());
  const std::string content = "%PDF-1.4 y";
  fs::create_directories(other);
  std::ofstream(other / Sha256Hex(content).substr(0, 2)) << "not a folder";
  DiskBlobStore stuck(other);
  ASSERT_FALSE(stuck.Put(content).has_value());
  EXPECT_EQ(FilesUnder(other), std::vector<std::string>{Sha256Hex(content).substr(0, 2)});
}

TEST_F(BlobStoreTest, RemoveTakesTheContentAwayOnce) {
  DiskBlobStore blobs(root_);
  const auto put = blobs.Put("%PDF-1.4 bỏ đi").value();
  const auto kept = blobs.Put("%PDF-1.4 giữ lại").value();
  EXPECT_TRUE(blobs.Remove(put.id).value());
  EXPECT_FALSE(blobs.Get(put.id).value().has_value());
  EXPECT_FALSE(blobs.Remove(put.id).value()) << "removed twice";
  EXPECT_FALSE(blobs.Remove("../../etc/passwd").value());
  EXPECT_EQ(FilesUnder(root_), std::vector<std::string>{kept.id.substr(0, 2) + "/" + kept.id.substr(2)});
  EXPECT_TRUE(blobs.Put("%PDF-1.4 bỏ đi").value().created) << "a removed content is stored again";
}

DocumentUpload Upload(const std::string& id, const std::string& uploader, const std::string& name, const char* at) {
  return {id, 1234, MediaType::kPdf, name, uploader, At(at)};
}

class DocumentStoreTest : public test_support::StoreBackendTest {};

INSTANTIATE_TEST_SUITE_P(Backends, DocumentStoreTest, ::testing::ValuesIn(test_support::StoreBackends()),
                         test_support::BackendName);

TEST_P(DocumentStoreTest, UploadsAreKeptPerUploaderFirstOneWins) {
  const std::string id(64, 'b');
  ASSERT_TRUE(store_->RecordDocumentUpload(Upload(id, "tn.vanson", "to-khai.pdf", "2026-01-12T08:00:00+07:00")));
  ASSERT_TRUE(store_->RecordDocumentUpload(Upload(id, "tn.vanson", "renamed.pdf", "2026-01-12T09:00:00+07:00")));
  ASSERT_TRUE(store_->RecordDocumentUpload(Upload(id, "cd.an", "cua-toi.pdf", "2026-01-12T10:00:00+07:00")));
  const auto uploads = store_->DocumentUploads(id).value();
  ASSERT_EQ(uploads.size(), 2u);
  EXPECT_EQ(uploads[0].uploader, "tn.vanson");
  EXPECT_EQ(uploads[0].original_name, "to-khai.pdf");
  EXPECT_EQ(uploads[0].uploaded_at, At("2026-01-12T08:00:00+07:00"));
  EXPECT_EQ(uploads[0].media_type, MediaType::kPdf);
  EXPECT_EQ(uploads[0].size, 1234);
  EXPECT_EQ(uploads[1].uploader, "cd.an");
  EXPECT_TRUE(store_->DocumentUploads(std::string(64, 'c')).value().empty());
}

TEST_P(DocumentStoreTest, DossiersOfAFileAreThoseWhoseDigitizedEventsNameIt) {
  const std::string id(64, 'd');
  const std::vector<DossierEvent> first = {
      Event(SomeReceived(), "2026-01-12T08:00:00+07:00", "A-1"),
      Event(Digitized{1, id}, "2026-01-12T08:01:00+07:00", "A-1"),
  };
  ASSERT_TRUE(store_->AppendDossierEvents(first, {}).has_value());
  const std::vector<DossierEvent> second = {Event(SomeReceived(), "2026-01-12T08:00:00+07:00", "B-2")};
  ASSERT_TRUE(store_->AppendDossierEvents(second, {}).has_value());
  const DossierEvent later = Event(Digitized{2, id}, "2026-01-12T09:00:00+07:00", "B-2");
  ASSERT_TRUE(store_->AppendDossierEvents(std::span(&later, 1), {}).has_value());
  const DossierEvent other = Event(Digitized{2, "scan/other.pdf"}, "2026-01-12T09:10:00+07:00", "B-2");
  ASSERT_TRUE(store_->AppendDossierEvents(std::span(&other, 1), {}).has_value());
  EXPECT_EQ(store_->DossiersWithDocument(id).value(), (std::vector<std::string>{"A-1", "B-2"}));
  EXPECT_TRUE(store_->DossiersWithDocument(std::string(64, 'e')).value().empty());
}

TEST_P(DocumentStoreTest, AnAccountsUploadsSinceAMomentAreFoundOldestFirst) {
  ASSERT_TRUE(
      store_->RecordDocumentUpload(Upload(std::string(64, '2'), "cd.an", "b.pdf", "2026-01-12T10:00:00+07:00")));
  ASSERT_TRUE(
      store_->RecordDocumentUpload(Upload(std::string(64, '1'), "cd.an", "a.pdf", "2026-01-12T08:00:00+07:00")));
  ASSERT_TRUE(
      store_->RecordDocumentUpload(Upload(std::string(64, '3'), "cd.an", "c.pdf", "2026-01-11T08:00:00+07:00")));
  ASSERT_TRUE(
      store_->RecordDocumentUpload(Upload(std::string(64, '4'), "tn.vanson", "d.pdf", "2026-01-12T09:00:00+07:00")));
  const auto uploads = store_->DocumentUploadsBy("cd.an", At("2026-01-12T08:00:00+07:00")).value();
  ASSERT_EQ(uploads.size(), 2u);  // the one at the moment itself counts
  EXPECT_EQ(uploads[0].original_name, "a.pdf");
  EXPECT_EQ(uploads[1].original_name, "b.pdf");
  EXPECT_TRUE(store_->DocumentUploadsBy("nobody", At("2000-01-01T00:00:00+07:00")).value().empty());
}

TEST_P(DocumentStoreTest, UnattachedFilesAreThoseNoDossierNamesLastUploadedBeforeTheCutoff) {
  const std::string attached(64, 'a'), old(64, 'b'), recent(64, 'c'), old_then_again(64, 'e');
  for (const std::string& id : {attached, old, old_then_again}) {
    ASSERT_TRUE(store_->RecordDocumentUpload(Upload(id, "tn.vanson", "x.pdf", "2026-01-01T08:00:00+07:00")));
  }
  ASSERT_TRUE(store_->RecordDocumentUpload(Upload(recent, "tn.vanson", "x.pdf", "2026-02-01T08:00:00+07:00")));
  // Another person's upload of the same content, later: the last upload counts.
  ASSERT_TRUE(store_->RecordDocumentUpload(Upload(old_then_again, "cd.an", "y.pdf", "2026-02-01T08:00:00+07:00")));
  const std::vector<DossierEvent> dossier = {
      Event(SomeReceived(), "2026-01-01T08:00:00+07:00", "A-1"),
      Event(Digitized{1, attached}, "2026-01-01T08:01:00+07:00", "A-1"),
  };
  ASSERT_TRUE(store_->AppendDossierEvents(dossier, {}).has_value());
  const Instant cutoff = At("2026-01-15T00:00:00+07:00");
  EXPECT_EQ(store_->UnattachedDocuments(cutoff).value(), std::vector<std::string>{old});

  // Once removed it is not listed again, until the content is uploaded again after the removal.
  ASSERT_TRUE(store_->RecordDocumentRemoved(old, At("2026-01-20T00:00:00+07:00")));
  EXPECT_EQ(store_->UnattachedDocuments(At("2026-03-01T00:00:00+07:00")).value(),
            (std::vector<std::string>{recent, old_then_again}));
  ASSERT_TRUE(store_->RecordDocumentUpload(Upload(old, "tn.vanson", "again.pdf", "2026-03-05T08:00:00+07:00")));
  const auto again = store_->DocumentUploads(old).value();
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].uploaded_at, At("2026-03-05T08:00:00+07:00")) << "the upload after a removal counts from then";
  EXPECT_EQ(again[0].original_name, "x.pdf") << "the first name is kept";
  EXPECT_EQ(store_->UnattachedDocuments(At("2026-03-05T08:00:00+07:00")).value(),
            (std::vector<std::string>{recent, old_then_again}));
  EXPECT_EQ(store_->UnattachedDocuments(At("2026-03-05T08:00:01+07:00")).value(),
            (std::vector<std::string>{old, recent, old_then_again}));  // in id order
}

TEST_P(DocumentStoreTest, ProcedureSettingsAreKeptBesideTheCatalogue) {
  ReferenceCatalogue catalogue;
  Procedure birth;
  birth.code = "1.001193";
  birth.name = "Đăng ký khai sinh";
  catalogue.procedures.push_back(birth);
  ASSERT_TRUE(store_->SaveReferenceCatalogue(catalogue).has_value());
  EXPECT_FALSE(store_->FindProcedureSettings("1.001193").value().has_value());

  ProcedureSettings settings;
  settings.procedure_code = "1.001193";
  settings.processing_times = {{Channel::kDirect, 1, TimeUnit::kWorkingDay},
                               {Channel::kOnline, 4, TimeUnit::kWorkingHour}};
  settings.steps = {{"Thẩm định", Role::kSpecialist, 75}, {"Ký duyệt", Role::kLeader, 25}};
  settings.boundaryless = true;
  settings.updated_by = "admin";
  settings.updated_at = At("2026-01-12T08:00:00+07:00");
  ASSERT_TRUE(store_->SaveProcedureSettings(settings).has_value());
  auto found = store_->FindProcedureSettings("1.001193").value();
  ASSERT_TRUE(found.has_value());
  ASSERT_EQ(found->processing_times.size(), 2u);
  EXPECT_EQ(found->processing_times[1].channel, Channel::kOnline);
  EXPECT_EQ(found->processing_times[1].amount, 4);
  EXPECT_EQ(found->processing_times[1].unit, TimeUnit::kWorkingHour);
  ASSERT_EQ(found->steps.size(), 2u);
  EXPECT_EQ(found->steps[0].name, "Thẩm định");
  EXPECT_EQ(found->steps[1].role, Role::kLeader);
  EXPECT_EQ(found->steps[1].share_percent, 25);
  EXPECT_EQ(found->boundaryless, true);
  EXPECT_EQ(found->updated_by, "admin");
  EXPECT_EQ(found->updated_at, At("2026-01-12T08:00:00+07:00"));

  // Replaced whole; the catalogue saved again leaves it alone.
  settings.processing_times.clear();
  settings.boundaryless.reset();
  ASSERT_TRUE(store_->SaveProcedureSettings(settings).has_value());
  ASSERT_TRUE(store_->SaveReferenceCatalogue(catalogue).has_value());
  found = store_->FindProcedureSettings("1.001193").value();
  EXPECT_TRUE(found->processing_times.empty());
  EXPECT_FALSE(found->boundaryless.has_value());
  EXPECT_EQ(found->steps.size(), 2u);

  settings.procedure_code = "9.999999";
  auto unknown = store_->SaveProcedureSettings(settings);
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(unknown.error().field, "procedure_code");
}

}  // namespace
}  // namespace motcua::store
