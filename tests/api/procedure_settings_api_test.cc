// The province's procedure settings end to end (src/http/procedure_settings_api.h): only the administrator sets
// them, the body is read strictly, the procedure shows them, and the intake applies them — the processing time
// where the catalogue has none (birth registration 1.001193), and boundaryless reception refused when the
// province says so. The world is tests/support/dossier_api_fixture.h.
#include <gtest/gtest.h>

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
using test_support::TokenOf;

constexpr const char* kBirth = "1.001193";  // the catalogue gives "1" without a unit on every channel

class ProcedureSettingsApiTest : public test_support::DossierApiFixture {
 protected:
  HttpReply Put(const std::string& who, const std::string& code, const json& body) {
    return server_->Send(Method::put, "/api/v1/procedures/" + code + "/settings", body.dump(), TokenOf(who));
  }
  static json BirthSettings() {
    return {{"processing_times", json::array({{{"channel", "direct"}, {"amount", 1}, {"unit", "working_day"}}})},
            {"steps", json::array({{{"name", "Thẩm định"}, {"role", "specialist"}, {"share_percent", 75}},
                                   {{"name", "Ký duyệt"}, {"role", "leader"}, {"share_percent", 25}}})},
            {"boundaryless", false}};
  }
  static json BirthIntake(const std::string& agency) {
    json intake = Intake("vs-ttpvhcc", agency);
    intake["procedure_code"] = kBirth;
    return intake;
  }
};

TEST_F(ProcedureSettingsApiTest, AdministratorSetsThemAndTheIntakeAppliesThem) {
  // Without a setting the counter must state the time.
  const HttpReply silent = Post("tn.vanson", "/api/v1/dossiers", BirthIntake(kVanSonAgency));
  EXPECT_EQ(silent.status, 404u) << silent.body;
  EXPECT_EQ(silent.Json()["error"]["field"], "processing_time");
  EXPECT_TRUE(server_->Get(std::string("/api/v1/procedures/") + kBirth).Json()["settings"].is_null());

  const HttpReply saved = Put("admin", kBirth, BirthSettings());
  ASSERT_EQ(saved.status, 200u) << saved.body;
  EXPECT_EQ(saved.Json()["updated_by"], "admin");
  const json shown = server_->Get(std::string("/api/v1/procedures/") + kBirth).Json()["settings"];
  EXPECT_EQ(shown["processing_times"][0]["amount"], 1);
  EXPECT_EQ(shown["processing_times"][0]["unit"], "working_day");
  EXPECT_EQ(shown["steps"][1]["role"], "leader");
  EXPECT_EQ(shown["boundaryless"], false);

  // One working day of eight hours from Monday 08:00.
  const HttpReply received = Post("tn.vanson", "/api/v1/dossiers", BirthIntake(kVanSonAgency));
  ASSERT_EQ(received.status, 201u) << received.body;
  EXPECT_EQ(received.Json()["processing_time"]["amount"], 1);
  EXPECT_EQ(received.Json()["due_at"], "2026-01-13T08:00:00+07:00");
  // Not boundaryless: Vân Sơn does not receive it for Hòa Bình.
  const HttpReply elsewhere = Post("tn.vanson", "/api/v1/dossiers", BirthIntake(kHoaBinhAgency));
  EXPECT_EQ(elsewhere.status, 400u) << elsewhere.body;
  EXPECT_EQ(elsewhere.Json()["error"]["field"], "competent_agency");

  // Boundaryless again once the setting no longer forbids it; a stated time still wins over the setting.
  ASSERT_EQ(Put("admin", kBirth, {{"processing_times", BirthSettings()["processing_times"]}}).status, 200u);
  json stated = BirthIntake(kHoaBinhAgency);
  stated["processing_time"] = {{"amount", 2}, {"unit", "working_day"}};
  const HttpReply boundaryless = Post("tn.vanson", "/api/v1/dossiers", stated);
  ASSERT_EQ(boundaryless.status, 201u) << boundaryless.body;
  EXPECT_EQ(boundaryless.Json()["due_at"], "2026-01-14T08:00:00+07:00");
}

TEST_F(ProcedureSettingsApiTest, OnlyTheAdministratorSetsValidSettingsOfAKnownProcedure) {
  for (const char* who : {"tn.vanson", "ld.vanson", "gs.phutho", "cd.an"}) {
    ExpectDenied(Put(who, kBirth, BirthSettings()), "role");
  }
  EXPECT_EQ(server_->Send(Method::put, std::string("/api/v1/procedures/") + kBirth + "/settings", "{}").status, 401u);
  struct Case {
    json body;
    const char* field;
  } cases[] = {
      {{{"processing_times", json::array({{{"channel", "fax"}, {"amount", 1}, {"unit", "day"}}})}},
       "processing_times[0].channel"},
      {{{"processing_times", json::array({{{"channel", "direct"}, {"amount", 0}, {"unit", "day"}}})}},
       "processing_times[0].amount"},
      {{{"processing_times", json::array({{{"channel", "direct"}, {"amount", 1}, {"unit", "week"}}})}},
       "processing_times[0].unit"},
      {{{"processing_times", json::array({{{"channel", "direct"}, {"amount", 1}, {"unit", "day"}},
                                          {{"channel", "direct"}, {"amount", 2}, {"unit", "day"}}})}},
       "processing_times[1].channel"},
      {{{"steps", json::array({{{"name", "A"}, {"role", "specialist"}, {"share_percent", 50}}})}}, "steps"},
      {{{"steps", json::array({{{"name", "A"}, {"role", "citizen"}, {"share_percent", 100}}})}}, "steps[0].role"},
      {{{"steps", json::array({{{"name", "A"}, {"role", "chief"}, {"share_percent", 100}}})}}, "steps[0].role"},
      {{{"boundaryless", 1}}, "boundaryless"},
      {{{"colour", "red"}}, "colour"},
  };
  for (const Case& c : cases) {
    const HttpReply refused = Put("admin", kBirth, c.body);
    EXPECT_EQ(refused.status, 400u) << c.body.dump() << ": " << refused.body;
    EXPECT_EQ(refused.Json()["error"]["field"], c.field) << c.body.dump();
  }
  const HttpReply unknown = Put("admin", "9.999999", BirthSettings());
  EXPECT_EQ(unknown.status, 404u) << unknown.body;
  EXPECT_EQ(unknown.Json()["error"]["field"], "procedure_code");
  EXPECT_TRUE(server_->Get(std::string("/api/v1/procedures/") + kBirth).Json()["settings"].is_null());
}

}  // namespace
}  // namespace motcua::http
