// Accounts limited to agencies of their unit (domain/dossier_access.h, "Agencies"), end to end: the commune
// police's specialist and leader of Vân Sơn (tests/support/dossier_api_fixture.h) see and act only on the
// police's dossiers, while the commune's other staff still see everything of the commune; the administrator
// sets the limit through the users API.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "support/dossier_api_fixture.h"

namespace motcua::http {
namespace {

using nlohmann::json;
using test_support::HttpReply;
using test_support::Intake;
using test_support::kHoaBinhAgency;
using test_support::kVanSonAgency;
using test_support::kVanSonPolice;

class AgencyScopeTest : public test_support::DossierApiFixture {};

TEST_F(AgencyScopeTest, PoliceStaffSeeAndActOnlyOnThePolicesDossiers) {
  // Temporary residence registration is the police's procedure; the committee's dossier stands for any other.
  const std::string police = Receive("tn.vanson", Intake("vs-ttpvhcc", kVanSonPolice));
  const std::string committee = Receive("tn.vanson", Intake("vs-ttpvhcc", kVanSonAgency));

  EXPECT_EQ(CodesIn(Get("ca.vanson", "/api/v1/dossiers").Json()), std::set<std::string>{police});
  EXPECT_EQ(CodesIn(Get("lca.vanson", "/api/v1/dossiers").Json()), std::set<std::string>{police});
  EXPECT_EQ(CodesIn(Get("lca.vanson", "/api/v1/inbox").Json()), std::set<std::string>{police});
  EXPECT_EQ(CodesIn(Get("ld.vanson", "/api/v1/dossiers").Json()), (std::set<std::string>{police, committee}));
  // A filter never widens the scope.
  EXPECT_TRUE(CodesIn(Get("ca.vanson", std::string("/api/v1/dossiers?agency=") + kVanSonAgency).Json()).empty());

  EXPECT_EQ(Get("ca.vanson", "/api/v1/dossiers/" + police).status, 200u);
  ExpectDenied(Get("ca.vanson", "/api/v1/dossiers/" + committee), "agency");
  ExpectDenied(Post("lca.vanson", "/api/v1/dossiers/" + committee + "/approve", {{"result", "x"}}), "agency");
  ExpectDenied(Post("ca.vanson", "/api/v1/dossiers/" + committee + "/request-supplement", {{"reason", "x"}}), "agency");

  Act("lca.vanson", police, "assign", {{"step", "Thẩm định"}, {"assignee", "ca.vanson"}});
  Act("ca.vanson", police, "complete-step", {{"step", "Thẩm định"}});
  EXPECT_EQ(Act("lca.vanson", police, "approve", {{"result", "Xác nhận tạm trú"}})["status"], "result_ready");
  // The commune's unlimited leader still decides the committee's dossier.
  EXPECT_EQ(Act("ld.vanson", committee, "approve", {{"result", "Xác nhận"}})["status"], "result_ready");

  // A boundaryless dossier for another commune is not the police's either.
  const std::string elsewhere = Receive("tn.vanson", Intake("vs-ttpvhcc", kHoaBinhAgency));
  ExpectDenied(Get("ca.vanson", "/api/v1/dossiers/" + elsewhere), "agency");
  EXPECT_EQ(Get("cv.vanson", "/api/v1/dossiers/" + elsewhere).status, 200u);
}

TEST_F(AgencyScopeTest, TheAdministratorLimitsAnAccountToAgenciesOfItsUnits) {
  json user = {{"login", "cv.congan"},
               {"role", "specialist"},
               {"units", {test_support::kVanSon}},
               {"agencies", {kVanSonPolice}},
               {"password", "mat-khau-dai-du-12"}};
  const HttpReply created = Post("admin", "/api/v1/users", user);
  ASSERT_EQ(created.status, 201u) << created.body;
  EXPECT_EQ(created.Json()["agencies"], json::array({kVanSonPolice}));
  bool listed = false;
  const json users = Get("admin", "/api/v1/users").Json();
  for (const json& item : users["items"]) {
    if (item["login"] == "cv.congan") listed = item["agencies"] == json::array({kVanSonPolice});
    if (item["login"] == "cv.vanson") {
      EXPECT_EQ(item["agencies"], json::array());
    }
  }
  EXPECT_TRUE(listed);

  for (const auto& [agencies, role] : std::vector<std::pair<json, std::string>>{
           {json::array({kHoaBinhAgency}), "specialist"},   // an agency of another unit
           {json::array({"000.99.25.H52"}), "specialist"},  // not registered
           {json::array({kVanSonPolice, kVanSonPolice}), "specialist"},
           {json::array({kVanSonPolice}), "supervisor"}}) {
    json bad = user;
    bad["login"] = "cv.khac";
    bad["agencies"] = agencies;
    bad["role"] = role;
    if (role == "supervisor") bad["units"] = json::array({"25"});
    const HttpReply refused = Post("admin", "/api/v1/users", bad);
    EXPECT_EQ(refused.status, 400u) << agencies.dump() << " " << refused.body;
    EXPECT_EQ(refused.Json()["error"]["field"], "agencies") << refused.body;
  }
}

}  // namespace
}  // namespace motcua::http
