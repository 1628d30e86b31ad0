// Uploads through the use case (app/document_files.h) over a real SQLite store and the disk blob store: every
// refusal (a type that is not PDF, JPEG or PNG by its content, an oversized file, an empty one, a role that
// handles no documents, a disk that cannot take the file) leaves neither bytes nor a record behind; the same
// content twice is one copy; reading back follows who uploaded it and who may see its dossiers.
#include "app/document_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "store/disk_blob_store.h"
#include "store/sha256.h"
#include "store/store_factory.h"
#include "support/temp_db.h"

namespace motcua::app {
namespace {

namespace fs = std::filesystem;

const std::string kPdf = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n";

Account Staff(const char* login, Role role) {
  Account a;
  a.login = login;
  a.role = role;
  a.units = {"05152"};
  return a;
}

std::size_t FilesUnder(const fs::path& root) {
  std::size_t n = 0;
  if (!fs::exists(root)) return 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) n += entry.is_regular_file() ? 1 : 0;
  return n;
}

class DocumentFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string db = test_support::TempDbPath();
    store_ = store::OpenStore(store::StoreSpec::Sqlite(db)).value();
    root_ = store::BlobFolderBeside(db);
    blobs_ = std::make_unique<store::DiskBlobStore>(root_);
    files_ = std::make_unique<DocumentFiles>(*store_, *blobs_, clock_);
  }

  // Nothing is stored for `content`: no bytes, no record.
  void ExpectNothingStored(const std::string& content) {
    EXPECT_EQ(FilesUnder(root_), 0u);
    EXPECT_TRUE(store_->DocumentUploads(store::Sha256Hex(content)).value().empty());
  }

  FixedClock clock_{ParseIsoInstant("2026-01-12T08:00:00+07:00", "t").value()};
  std::unique_ptr<store::Store> store_;
  fs::path root_;
  std::unique_ptr<store::DiskBlobStore> blobs_;
  std::unique_ptr<DocumentFiles> files_;
  const Account receptionist_ = Staff("tn.vanson", Role::kReceptionist);
};

TEST_F(DocumentFilesTest, RefusedUploadsLeaveNothing) {
  struct Case {
    const char* what;
    std::string content;
    const char* declared;
    const char* field;
  } cases[] = {
      {"text", "hello, not a document", "application/pdf", "body"},
      {"an executable named .pdf", "MZ\x90\x00 program", "", "body"},
      {"a PDF declared as PNG", kPdf, "image/png", "content_type"},
      {"a Word file", kPdf, "application/msword", "content_type"},
      {"empty", "", "application/pdf", "body"},
  };
  for (const Case& c : cases) {
    auto upload = files_->Upload(receptionist_, c.declared, "x.pdf", c.content);
    ASSERT_FALSE(upload.has_value()) << c.what;
    EXPECT_EQ(upload.error().field, c.field) << c.what;
    ExpectNothingStored(c.content);
  }
  std::string oversized = kPdf;
  oversized.resize(kMaxDocumentBytes + 1, ' ');
  EXPECT_EQ(files_->Upload(receptionist_, "application/pdf", "big.pdf", oversized).error().field, "body");
  ExpectNothingStored(oversized);
  for (Role role : {Role::kAdministrator, Role::kSupervisor, Role::kDirector}) {
    auto denied = files_->Upload(Staff("someone", role), "application/pdf", "x.pdf", kPdf);
    ASSERT_FALSE(denied.has_value());
    EXPECT_EQ(denied.error().code, ErrorCode::kPermissionDenied);
    EXPECT_EQ(denied.error().field, "role");
  }
  ExpectNothingStored(kPdf);
}

TEST_F(DocumentFilesTest, SameContentTwiceIsOneCopyWithTheFirstName) {
  const auto first = files_->Upload(receptionist_, "application/pdf", "to-khai.pdf", kPdf).value();
  EXPECT_EQ(first.id, store::Sha256Hex(kPdf));
  EXPECT_EQ(first.size, static_cast<std::int64_t>(kPdf.size()));
  EXPECT_EQ(first.media_type, MediaType::kPdf);
  const auto again = files_->Upload(receptionist_, "", "renamed.pdf", kPdf).value();
  EXPECT_EQ(again.id, first.id);
  EXPECT_EQ(again.original_name, "to-khai.pdf");
  const auto citizen = files_->Upload(Staff("cd.an", Role::kCitizen), "", "cua-toi.pdf", kPdf).value();
  EXPECT_EQ(citizen.original_name, "cua-toi.pdf");
  EXPECT_EQ(FilesUnder(root_), 1u);
  EXPECT_EQ(store_->DocumentUploads(first.id).value().size(), 2u);
}

TEST_F(DocumentFilesTest, DiskFailureRecordsNothing) {
  fs::create_directories(root_.parent_path());
  std::ofstream(root_) << "a file where the folder should be";
  auto upload = files_->Upload(receptionist_, "application/pdf", "x.pdf", kPdf);
  ASSERT_FALSE(upload.has_value());
  EXPECT_EQ(upload.error().code, ErrorCode::kUnavailable);
  EXPECT_TRUE(store_->DocumentUploads(store::Sha256Hex(kPdf)).value().empty());
  fs::remove(root_);
}

TEST_F(DocumentFilesTest, ReadBackByTheUploaderOrWhoSeesADossierOfTheFile) {
  const auto upload = files_->Upload(receptionist_, "application/pdf", "to-khai.pdf", kPdf).value();
  const DossierViewCheck sees_nothing = [](const std::string&) -> Result<void> {
    return Fail(Error::PermissionDenied("unit", "không", "no"));
  };
  const auto own = files_->Read(receptionist_, upload.id, sees_nothing);
  ASSERT_TRUE(own.has_value());
  EXPECT_EQ(own->bytes, kPdf);
  EXPECT_EQ(own->upload.original_name, "to-khai.pdf");
  const Account specialist = Staff("cv.vanson", Role::kSpecialist);
  EXPECT_EQ(files_->Read(specialist, upload.id, sees_nothing).error().field, "file");
  // Not attached anywhere yet: who may see every dossier still may not read it.
  const DossierViewCheck sees_all = [](const std::string&) -> Result<void> { return {}; };
  EXPECT_EQ(files_->Read(specialist, upload.id, sees_all).error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(files_->Read(specialist, std::string(64, 'a'), sees_all).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(files_->Read(specialist, "scan/x.pdf", sees_all).error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace motcua::app
