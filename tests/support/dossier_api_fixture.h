#pragma once
// The world of the dossier API tests: a real server on loopback (api_server.h) over a database with the shipped
// catalogue, two communes of Phú Thọ (Xã Vân Sơn 05152 and Phường Hòa Bình 04795) and one of Cao Bằng
// (Phường Thục Phán 01273), each with an agency, a receiving point and staff; Vân Sơn also has its commune
// police, with a specialist and a leader limited to that agency. Sessions are stored directly with known tokens
// (logging in is tested in public_api_test.cc), so that no test waits for Argon2.
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/api_server.h"
#include "support/signed_in_account.h"

namespace motcua::test_support {

inline Instant At(const char* iso) { return ParseIsoInstant(iso, "test").value(); }

inline constexpr const char* kVanSon = "05152";
inline constexpr const char* kHoaBinh = "04795";
inline constexpr const char* kThucPhan = "01273";
inline constexpr const char* kVanSonAgency = "000.00.25.H52";
inline constexpr const char* kVanSonPolice = "000.05.25.H52";  // Công an xã Vân Sơn
inline constexpr const char* kHoaBinhAgency = "000.00.31.H52";
inline constexpr const char* kThucPhanAgency = "000.00.11.H04";
inline constexpr const char* kAnId = "025099012345";    // the citizen Nguyễn Văn An
inline constexpr const char* kBinhId = "001199003456";  // the citizen Trần Thị Bình
inline constexpr const char* kResidence = "1.004194";   // temporary residence registration: 3 working days

struct Staff {
  const char* login;
  Role role;
  std::vector<std::string> units;
  const char* citizen_id = "";
  std::vector<std::string> agencies = {};  // empty: every agency of the units
};

inline const std::vector<Staff>& People() {
  static const std::vector<Staff> people = {
      {"admin", Role::kAdministrator, {}},
      {"tn.vanson", Role::kReceptionist, {kVanSon}},
      {"tn.hoabinh", Role::kReceptionist, {kHoaBinh}},
      {"tn.thucphan", Role::kReceptionist, {kThucPhan}},
      {"cv.vanson", Role::kSpecialist, {kVanSon}},
      {"cv.hoabinh", Role::kSpecialist, {kHoaBinh}},
      {"ld.vanson", Role::kLeader, {kVanSon}},
      {"ca.vanson", Role::kSpecialist, {kVanSon}, "", {kVanSonPolice}},
      {"lca.vanson", Role::kLeader, {kVanSon}, "", {kVanSonPolice}},
      {"ld.hoabinh", Role::kLeader, {kHoaBinh}},
      {"gd.vanson", Role::kDirector, {kVanSon}},
      {"gs.phutho", Role::kSupervisor, {"25"}},
      {"gs.caobang", Role::kSupervisor, {"04"}},
      {"cd.an", Role::kCitizen, {}, kAnId},
      {"cd.binh", Role::kCitizen, {}, kBinhId},
  };
  return people;
}

inline void SeedDossierApi(store::Store& store, const app::Clock& clock) {
  const Agency agencies[] = {{kVanSonAgency, "UBND xã Vân Sơn", kVanSon},
                             {kVanSonPolice, "Công an xã Vân Sơn", kVanSon},
                             {kHoaBinhAgency, "UBND phường Hòa Bình", kHoaBinh},
                             {kThucPhanAgency, "UBND phường Thục Phán", kThucPhan}};
  for (const Agency& agency : agencies) ASSERT_TRUE(store.SaveAgency(agency).has_value());
  const ReceivingPoint points[] = {{"vs-ttpvhcc", "Trung tâm PVHCC xã Vân Sơn", kVanSon, kVanSonAgency, ""},
                                   {"hb-ttpvhcc", "Trung tâm PVHCC phường Hòa Bình", kHoaBinh, kHoaBinhAgency, ""},
                                   {"tp-ttpvhcc", "Trung tâm PVHCC phường Thục Phán", kThucPhan, kThucPhanAgency, ""}};
  for (const ReceivingPoint& point : points) ASSERT_TRUE(store.SaveReceivingPoint(point).has_value());
  for (const Staff& person : People()) {
    Account account;
    account.login = person.login;
    account.display_name = person.login;
    account.role = person.role;
    account.units = person.units;
    account.agencies = person.agencies;
    account.citizen_id = person.citizen_id;
    AddSignedInAccount(store, clock, account);
  }
}

inline nlohmann::json Intake(const std::string& point, const std::string& agency,
                             const std::string& citizen_id = kAnId) {
  return {{"procedure_code", kResidence},
          {"applicant", {{"name", "Nguyễn Văn An"}, {"citizen_id", citizen_id}, {"phone", "0912345678"}}},
          {"components", nlohmann::json::array({{{"seq", 1}, {"name", "Tờ khai"}, {"originals", 1}, {"copies", 0}}})},
          {"receiving_point", point},
          {"competent_agency", agency}};
}

class DossierApiFixture : public ::testing::Test {
 protected:
  using json = nlohmann::json;

  void SetUp() override { server_ = std::make_unique<ApiServer>(At("2026-01-12T08:00:00+07:00"), SeedDossierApi); }

  HttpReply Post(const std::string& who, const std::string& target, const json& body,
                 const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    return server_->Send(http::Method::post, target, body.dump(), TokenOf(who), headers);
  }
  HttpReply Get(const std::string& who, const std::string& target) { return server_->Get(target, TokenOf(who)); }

  // Receives a dossier at a counter and returns its code.
  std::string Receive(const std::string& who, const json& body) {
    const HttpReply reply = Post(who, "/api/v1/dossiers", body);
    EXPECT_EQ(reply.status, 201u) << reply.body;
    return reply.Json()["code"].get<std::string>();
  }

  // Posts an action and returns the dossier after it; the status must be `status`.
  json Act(const std::string& who, const std::string& code, const std::string& action, const json& body,
           unsigned status = 200) {
    const HttpReply reply = Post(who, "/api/v1/dossiers/" + code + "/" + action, body);
    EXPECT_EQ(reply.status, status) << who << " " << action << ": " << reply.body;
    return reply.Json();
  }

  // Asserts a 403 whose error names `field`.
  void ExpectDenied(const HttpReply& reply, const std::string& field) {
    EXPECT_EQ(reply.status, 403u) << reply.body;
    EXPECT_EQ(reply.Json()["error"]["code"], "permission_denied") << reply.body;
    EXPECT_EQ(reply.Json()["error"]["field"], field) << reply.body;
    EXPECT_FALSE(reply.Json()["error"]["message"].get<std::string>().empty());
    EXPECT_FALSE(reply.Json()["error"]["message_en"].get<std::string>().empty());
  }

  // Every dossier code with its number of events, as the Store lists them.
  std::vector<std::pair<std::string, std::int64_t>> Snapshot() {
    auto store = server_->OpenStore();
    std::vector<std::pair<std::string, std::int64_t>> all;
    store::DossierQuery query;
    query.scope.everything = true;
    query.limit = 500;
    for (;;) {
      auto page = store->ListDossiers(query).value();
      for (const auto& summary : page.items) all.emplace_back(summary.code, summary.last_seq);
      if (!page.next_cursor) break;
      query.after = page.next_cursor;
    }
    return all;
  }

  std::set<std::string> CodesIn(const json& page) {
    std::set<std::string> codes;
    for (const json& item : page["items"]) codes.insert(item["code"].get<std::string>());
    return codes;
  }

  std::unique_ptr<ApiServer> server_;
};

}  // namespace motcua::test_support
