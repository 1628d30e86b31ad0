// Document files end to end (src/http/files_api.h): upload, the checks that keep anything but a PDF, JPEG or PNG
// of at most 20 MiB out, one copy per content, attaching at the counter, online and by a digitize action, and
// who may read a file back. The world is tests/support/dossier_api_fixture.h.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/sha256.h"
#include "support/dossier_api_fixture.h"

namespace motcua::http {
namespace {

using nlohmann::json;
using test_support::HttpReply;
using test_support::Intake;
using test_support::kHoaBinhAgency;
using test_support::kVanSonAgency;
using test_support::TokenOf;

const std::string kScan = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";

std::size_t FilesIn(const std::filesystem::path& root) {
  std::size_t n = 0;
  if (!std::filesystem::exists(root)) return 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) n += entry.is_regular_file() ? 1 : 0;
  return n;
}

class FilesApiTest : public test_support::DossierApiFixture {
 protected:
  HttpReply Upload(const std::string& who, const std::string& content, const std::string& type = "application/pdf",
                   const std::string& name = "to-khai.pdf") {
    std::vector<std::pair<std::string, std::string>> headers;
    if (!type.empty()) headers.emplace_back("Content-Type", type);
    return server_->Send(Method::post, "/api/v1/files?name=" + name, content, who.empty() ? "" : TokenOf(who), headers);
  }
  std::string Uploaded(const std::string& who, const std::string& content) {
    const HttpReply reply = Upload(who, content);
    EXPECT_EQ(reply.status, 201u) << reply.body;
    return reply.Json()["id"].get<std::string>();
  }
  std::size_t StoredFiles() { return FilesIn(server_->blobs().root()); }
  void ExpectError(const HttpReply& reply, unsigned status, const std::string& field) {
    EXPECT_EQ(reply.status, status) << reply.body;
    EXPECT_EQ(reply.Json()["error"]["field"], field) << reply.body;
  }
};

TEST_F(FilesApiTest, UploadStoresOneCopyPerContentAndAnswersItsId) {
  const HttpReply first = Upload("tn.vanson", kScan, "application/pdf", "T%E1%BB%9D%20khai.pdf");
  ASSERT_EQ(first.status, 201u) << first.body;
  const json file = first.Json();
  EXPECT_EQ(file["id"], store::Sha256Hex(kScan));
  EXPECT_EQ(file["size"], kScan.size());
  EXPECT_EQ(file["media_type"], "application/pdf");
  EXPECT_EQ(file["name"], "Tờ khai.pdf");
  EXPECT_EQ(first.Header("location"), "/api/v1/files/" + file["id"].get<std::string>());
  EXPECT_EQ(StoredFiles(), 1u);

  // Again, by the same person and by another: the same id, still one copy.
  EXPECT_EQ(Upload("tn.vanson", kScan).Json()["id"], file["id"]);
  EXPECT_EQ(Upload("cd.an", kScan, "application/octet-stream").Json()["id"], file["id"]);
  EXPECT_EQ(StoredFiles(), 1u);
  EXPECT_EQ(server_->OpenStore()->DocumentUploads(file["id"].get<std::string>()).value().size(), 2u);

  // A JPEG and a PNG are taken too, by their content, whatever the name says.
  const std::string jpeg = std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00", 11) + "photo";
  EXPECT_EQ(Upload("cd.an", jpeg, "", "photo.pdf").Json()["media_type"], "image/jpeg");
  EXPECT_EQ(StoredFiles(), 2u);
}

TEST_F(FilesApiTest, AnAccountsUploadsOfADayAreBoundedAndFreedAsTheDayMovesOn) {
  const std::string scan = kScan + std::string(3000, ' ');  // ~3 kB, each one different below
  server_->uploads().quota.citizen_bytes = 8000;
  const Instant start = server_->clock().Now();
  ASSERT_EQ(Upload("cd.an", scan + "1").status, 201u);
  server_->clock().Set(start + std::chrono::hours(5));
  ASSERT_EQ(Upload("cd.an", scan + "2").status, 201u);
  const HttpReply refused = Upload("cd.an", scan + "3");
  ExpectError(refused, 429, "file");
  EXPECT_EQ(refused.Json()["error"]["code"], "quota_exceeded");
  // The first upload leaves the 24-hour window 19 hours later: that is the wait.
  EXPECT_EQ(refused.Header("retry-after"), std::to_string(19 * 3600)) << refused.body;
  EXPECT_EQ(StoredFiles(), 2u) << "the refused upload was stored";
  // Staff have their own, larger quota.
  EXPECT_EQ(Upload("tn.vanson", scan + "3").status, 201u);
  server_->clock().Set(start + std::chrono::hours(24));
  EXPECT_EQ(Upload("cd.an", scan + "3").status, 201u) << "the first upload left the window";
}

TEST_F(FilesApiTest, RefusedUploadsLeaveNothingBehind) {
  ExpectError(Upload("tn.vanson", "just some text"), 400, "body");
  ExpectError(Upload("tn.vanson", "MZ\x90 an executable named .pdf"), 400, "body");
  ExpectError(Upload("tn.vanson", kScan, "image/png"), 400, "content_type");
  ExpectError(Upload("tn.vanson", kScan, "text/html"), 400, "content_type");
  ExpectError(Upload("tn.vanson", ""), 400, "body");
  ExpectError(Upload("tn.vanson", kScan, "application/pdf", "..%2Fetc%2Fpasswd"), 400, "name");
  // Over 20 MiB: refused from its Content-Length, before the body is read.
  std::string huge = kScan;
  huge.resize((20u << 20) + 1, ' ');
  const HttpReply too_large = Upload("tn.vanson", huge);
  EXPECT_EQ(too_large.status, 413u) << too_large.body;
  EXPECT_EQ(too_large.Json()["error"]["code"], "payload_too_large");
  // Not logged in, or a role that handles no documents.
  EXPECT_EQ(Upload("", kScan).status, 401u);
  ExpectDenied(Upload("admin", kScan), "role");
  ExpectDenied(Upload("gs.phutho", kScan), "role");
  EXPECT_EQ(StoredFiles(), 0u);
  EXPECT_TRUE(server_->OpenStore()->DocumentUploads(store::Sha256Hex(kScan)).value().empty());
  // The JSON routes keep their 1 MiB limit.
  const HttpReply big_json =
      server_->Send(Method::post, "/api/v1/dossiers", std::string((1 << 20) + 10, ' '), TokenOf("tn.vanson"));
  EXPECT_EQ(big_json.status, 413u);
}

TEST_F(FilesApiTest, ScansAttachedAtTheCounterAreReadByThoseWhoSeeTheDossier) {
  const std::string id = Uploaded("tn.vanson", kScan);
  // Before it is attached, only its uploader reads it.
  const HttpReply own = Get("tn.vanson", "/api/v1/files/" + id);
  ASSERT_EQ(own.status, 200u) << own.body;
  EXPECT_EQ(own.body, kScan);
  EXPECT_EQ(own.Header("content-type"), "application/pdf");
  EXPECT_EQ(own.Header("content-disposition"), "inline; filename*=UTF-8''to-khai.pdf");
  EXPECT_EQ(own.Header("x-content-type-options"), "nosniff");
  ExpectDenied(Get("cv.vanson", "/api/v1/files/" + id), "file");

  json intake = Intake("vs-ttpvhcc", kVanSonAgency);
  intake["components"][0]["file"] = id;
  const HttpReply received = Post("tn.vanson", "/api/v1/dossiers", intake);
  ASSERT_EQ(received.status, 201u) << received.body;
  const json dossier = received.Json();
  const std::string code = dossier["code"];
  EXPECT_EQ(dossier["digitized_components"], 1);
  const json view = Get("cv.vanson", "/api/v1/dossiers/" + code).Json();
  ASSERT_EQ(view["history"].size(), 2u);
  EXPECT_EQ(view["history"][1]["type"], "digitized");
  EXPECT_EQ(view["history"][1]["payload"]["file"], id);

  for (const char* who : {"tn.vanson", "cv.vanson", "ld.vanson", "gd.vanson", "gs.phutho", "cd.an"}) {
    const HttpReply read = Get(who, "/api/v1/files/" + id);
    EXPECT_EQ(read.status, 200u) << who << ": " << read.body;
    EXPECT_EQ(read.body, kScan) << who;
  }
  for (const char* who : {"tn.hoabinh", "cv.hoabinh", "cd.binh"}) ExpectDenied(Get(who, "/api/v1/files/" + id), "file");

  const json files = Get("cd.an", "/api/v1/dossiers/" + code + "/files").Json();
  ASSERT_EQ(files["items"].size(), 1u) << files.dump();
  EXPECT_EQ(files["items"][0]["file"], id);
  EXPECT_EQ(files["items"][0]["component_seq"], 1);
  EXPECT_EQ(files["items"][0]["name"], "to-khai.pdf");
  EXPECT_EQ(files["items"][0]["media_type"], "application/pdf");
  EXPECT_EQ(files["items"][0]["stored"], true);
  EXPECT_EQ(files["items"][0]["attached_by"], "tn.vanson");
  ExpectDenied(Get("cd.binh", "/api/v1/dossiers/" + code + "/files"), "applicant");
}

TEST_F(FilesApiTest, OnlyAFileTheAccountMayReadCanBeAttached) {
  const auto before = Snapshot();
  const std::string theirs = Uploaded("tn.hoabinh", "%PDF-1.4 of Hoa Binh");
  for (const auto& [file, status, code] :
       std::vector<std::tuple<std::string, unsigned, std::string>>{{theirs, 403u, "permission_denied"},
                                                                   {std::string(64, 'a'), 404u, "not_found"},
                                                                   {"scan/to-khai.pdf", 400u, "invalid_argument"}}) {
    json intake = Intake("vs-ttpvhcc", kVanSonAgency);
    intake["components"][0]["file"] = file;
    const HttpReply refused = Post("tn.vanson", "/api/v1/dossiers", intake);
    EXPECT_EQ(refused.status, status) << refused.body;
    EXPECT_EQ(refused.Json()["error"]["code"], code);
    EXPECT_EQ(refused.Json()["error"]["field"], "file");
  }
  EXPECT_EQ(Snapshot(), before);  // no dossier was made

  // A digitize action is held to the same rule.
  const std::string code = Receive("tn.vanson", Intake("vs-ttpvhcc", kVanSonAgency));
  const json refused = Act("tn.vanson", code, "digitize", {{"component_seq", 1}, {"file", theirs}}, 403);
  EXPECT_EQ(refused["error"]["field"], "file");
  const std::string mine = Uploaded("tn.vanson", kScan);
  EXPECT_EQ(Act("tn.vanson", code, "digitize", {{"component_seq", 1}, {"file", mine}})["digitized_components"], 1);
  // Once attached, the specialist of the unit may attach the same file elsewhere: they may read it.
  const std::string result = Uploaded("cv.vanson", "%PDF-1.4 ket qua");
  const json with_result = Act("ld.vanson", code, "approve", {{"result", "Xác nhận tạm trú"}});
  EXPECT_EQ(with_result["status"], "result_ready");
  ExpectDenied(Post("ld.vanson", "/api/v1/dossiers/" + code + "/digitize", {{"component_seq", -1}, {"file", result}}),
               "file");
  EXPECT_TRUE(Act("cv.vanson", code, "digitize", {{"component_seq", -1}, {"file", result}})["result_digitized"]);
  EXPECT_EQ(Get("ld.vanson", "/api/v1/files/" + result).status, 200u);
}

TEST_F(FilesApiTest, CitizenAttachesFilesToAnOnlineSubmission) {
  const std::string id = Uploaded("cd.an", "%PDF-1.4 to khai cua An");
  json submission = Intake("", kVanSonAgency);
  submission.erase("receiving_point");
  submission["components"][0]["file"] = id;
  const HttpReply submitted = Post("cd.an", "/api/v1/submissions", submission);
  ASSERT_EQ(submitted.status, 201u) << submitted.body;
  const std::string code = submitted.Json()["code"];
  EXPECT_EQ(submitted.Json()["status"], "submitted");
  // The receptionist who checks the submission reads the citizen's file.
  EXPECT_EQ(Get("tn.vanson", "/api/v1/files/" + id).status, 200u);
  EXPECT_EQ(Get("tn.vanson", "/api/v1/dossiers/" + code + "/files").Json()["items"][0]["attached_by"], "cd.an");
  ExpectDenied(Get("cd.binh", "/api/v1/files/" + id), "file");
}

}  // namespace
}  // namespace motcua::http
