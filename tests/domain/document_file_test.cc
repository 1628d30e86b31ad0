// Which uploads are taken (domain/document_file.h): the type comes from the content's first bytes, never from
// the name; a declared type must agree; size and name limits.
#include "domain/document_file.h"

#include <gtest/gtest.h>

#include <string>

namespace motcua {
namespace {

const std::string kPdf = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n";
const std::string kJpeg = std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00", 11);
const std::string kPng = std::string("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR", 16);

TEST(DocumentFileTest, TypeIsReadFromTheContent) {
  struct Case {
    std::string content;
    std::optional<MediaType> type;
  } cases[] = {
      {kPdf, MediaType::kPdf},
      {kJpeg, MediaType::kJpeg},
      {kPng, MediaType::kPng},
      {"%PDF", std::nullopt},                          // too short for the header
      {"MZ\x90\x00 an executable", std::nullopt},      // a Windows program renamed .pdf
      {"GIF89a", std::nullopt},                        // another image type
      {"PK\x03\x04 word/document.xml", std::nullopt},  // a .docx
      {std::string("\xFF\xD8", 2), std::nullopt},      // half a JPEG marker
      {" %PDF-1.4", std::nullopt},                     // the header must come first
  };
  for (const Case& c : cases) EXPECT_EQ(SniffMediaType(c.content), c.type) << c.content;
}

TEST(DocumentFileTest, DeclaredTypeMustAgreeWithTheContent) {
  struct Case {
    const std::string& content;
    const char* declared;
    const char* field;  // "" when accepted
  } cases[] = {
      {kPdf, "application/pdf", ""},
      {kPdf, "Application/PDF; charset=binary", ""},
      {kPdf, "", ""},                          // no type: the content decides
      {kPdf, "application/octet-stream", ""},  // what a browser sends for an unknown type
      {kJpeg, "image/jpeg", ""},
      {kPng, "image/png", ""},
      {kPng, "image/jpeg", "content_type"},  // a PNG renamed .jpg
      {kPdf, "text/plain", "content_type"},  // a type that is never taken
      {kPdf, "application/msword", "content_type"},
  };
  for (const Case& c : cases) {
    auto checked = CheckDocumentUpload(c.content, c.declared, "to-khai.pdf");
    if (std::string(c.field).empty()) {
      EXPECT_TRUE(checked.has_value()) << c.declared << ": " << checked.error().message_en;
    } else {
      ASSERT_FALSE(checked.has_value()) << c.declared;
      EXPECT_EQ(checked.error().field, c.field) << c.declared;
    }
  }
}

TEST(DocumentFileTest, EmptyOversizedOrUnknownContentIsRefusedOnBody) {
  std::string oversized = kPdf;
  oversized.resize(kMaxDocumentBytes + 1, ' ');
  std::string largest = kPdf;
  largest.resize(kMaxDocumentBytes, ' ');
  EXPECT_EQ(CheckDocumentUpload("", "application/pdf", "").error().field, "body");
  EXPECT_EQ(CheckDocumentUpload(oversized, "application/pdf", "").error().field, "body");
  EXPECT_EQ(CheckDocumentUpload("hello", "application/pdf", "").error().field, "body");
  EXPECT_EQ(CheckDocumentUpload(largest, "application/pdf", "").value(), MediaType::kPdf);
}

TEST(DocumentFileTest, NamesAreShortAndPlain) {
  EXPECT_TRUE(CheckDocumentUpload(kPdf, "", "Tờ khai CT01 (bản chụp).pdf").has_value());
  EXPECT_TRUE(CheckDocumentUpload(kPdf, "", "").has_value());
  for (const std::string& name :
       {std::string("../../etc/passwd"), std::string("a\\b.pdf"), std::string("a\nb.pdf"), std::string(256, 'a')}) {
    auto checked = CheckDocumentUpload(kPdf, "", name);
    ASSERT_FALSE(checked.has_value()) << name;
    EXPECT_EQ(checked.error().field, "name");
  }
}

TEST(DocumentFileTest, FileIdsAreSha256Hex) {
  EXPECT_TRUE(IsDocumentFileId(std::string(64, 'a')));
  EXPECT_TRUE(IsDocumentFileId("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
  EXPECT_FALSE(IsDocumentFileId(std::string(64, 'A')));  // lower case only: one spelling per file
  EXPECT_FALSE(IsDocumentFileId(std::string(63, 'a')));
  EXPECT_FALSE(IsDocumentFileId("scan/to-khai.pdf"));
  EXPECT_FALSE(IsDocumentFileId(std::string(62, 'a') + "/a"));
}

}  // namespace
}  // namespace motcua
