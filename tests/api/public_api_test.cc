// The public HTTP API end to end: a real SQLite file with the shipped catalogue and one dossier, a real
// HttpServer on a loopback port (tests/support/api_server.h). The server is started once for the suite
// (installing the catalogue is the slow part) and stopped at the end.
#include "http/public_api.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/accounts.h"
#include "app/dossier_lifecycle.h"
#include "app/form_kind.h"
#include "app/sodium_password_hasher.h"
#include "app/token_source.h"
#include "app/work_calendar_loader.h"
#include "domain/periodic_report.h"
#include "support/api_server.h"

namespace motcua::http {
namespace {

using nlohmann::json;
using Reply = test_support::HttpReply;

Instant At(const char* iso) { return ParseIsoInstant(iso, "test").value(); }

constexpr const char* kApplicantName = "Nguyễn Văn An";
constexpr const char* kCitizenId = "025099012345";

constexpr const char* kPassword = "mật-khẩu-đủ-dài-2026";

class PublicApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ =
        new test_support::ApiServer(At("2026-01-09T16:59:00+07:00"), [](store::Store& store, const app::Clock& clock) {
          dossier_code_ = ReceiveDossier(store, clock);
          AddReceptionist(store, clock);
        });
  }

  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  // Temporary residence registration at Xã Vân Sơn, received Fri 9 Jan 2026 16:59 (due Tue 13 16:59).
  static std::string ReceiveDossier(store::Store& store, const app::Clock& clock) {
    const WorkCalendar calendar = app::LoadWorkCalendar(store).value();
    const app::LifecycleSettings settings;
    app::DossierLifecycle lifecycle(store, clock, calendar, settings);
    app::IntakeCommand c;
    c.procedure_code = "1.004194";
    c.channel = Channel::kDirect;
    c.applicant = {kApplicantName, kCitizenId, "0912345678", "", "Xóm Đồng, Vân Sơn", ""};
    c.components = {{1, "Tờ khai thay đổi thông tin cư trú", 1, 0}};
    c.receiving_unit = "05152";
    c.receiving_point = "Trung tâm PVHCC xã Vân Sơn";
    c.agency_id = "000.00.25.H52";
    c.competent_agency = "Công an xã Vân Sơn";
    c.actor = {"le.thi.binh", "receptionist", "05152"};
    return lifecycle.Receive(c).value().code;
  }

  static void AddReceptionist(store::Store& store, const app::Clock& clock) {
    app::SodiumPasswordHasher hasher;
    app::SodiumTokenSource tokens;
    app::Accounts accounts(store, clock, hasher, tokens);
    app::NewAccount account;
    account.login = "le.thi.binh";
    account.display_name = "Lê Thị Bình";
    account.role = "receptionist";
    account.units = {"05152"};
    ASSERT_TRUE(accounts.AddUser(account, kPassword).has_value());
  }

  static Reply Send(Method method, const std::string& target, const std::string& body = "",
                    const std::string& bearer = "") {
    return server_->Send(method, target, body, bearer);
  }
  static Reply Get(const std::string& target) { return Send(Method::get, target); }

  // Asserts a 400 whose error names `field`.
  static void ExpectBadParameter(const std::string& target, const std::string& field) {
    const Reply reply = Get(target);
    EXPECT_EQ(reply.status, 400u) << target << ": " << reply.body;
    const json body = json::parse(reply.body, nullptr, false);
    ASSERT_FALSE(body.is_discarded()) << reply.body;
    EXPECT_EQ(body["error"]["code"], "invalid_argument") << target;
    EXPECT_EQ(body["error"]["field"], field) << target << ": " << reply.body;
  }

  static test_support::ApiServer* server_;
  static std::string dossier_code_;
};

test_support::ApiServer* PublicApiTest::server_ = nullptr;
std::string PublicApiTest::dossier_code_;

TEST_F(PublicApiTest, ListsTheCommunesOfAProvince) {
  const Reply reply = Get("/api/v1/units?province=04");
  ASSERT_EQ(reply.status, 200u) << reply.body;
  const json body = reply.Json();
  EXPECT_EQ(body["province"]["code"], "04");
  EXPECT_EQ(body["province"]["name"], "Tỉnh Cao Bằng");
  ASSERT_FALSE(body["communes"].empty());
  EXPECT_TRUE(body["communes"][0].contains("division_type"));
  EXPECT_EQ(Get("/api/v1/units?province=99").status, 404u);
  ExpectBadParameter("/api/v1/units?province=4", "province");
  ExpectBadParameter("/api/v1/units", "province");
}

TEST_F(PublicApiTest, ResolvesLegacyCommunes) {
  const json unique = Get("/api/v1/units/legacy/05194").Json();
  EXPECT_EQ(unique["outcome"], "unique");
  EXPECT_EQ(unique["old_unit"]["commune_name"], "Xã Ngổ Luông");
  ASSERT_EQ(unique["candidates"].size(), 1u);
  EXPECT_EQ(unique["candidates"][0]["commune_code"], "05152");
  EXPECT_EQ(unique["candidates"][0]["merge"], "whole");

  const json split = Get("/api/v1/units/legacy/00019").Json();
  EXPECT_EQ(split["outcome"], "needs_decision");
  EXPECT_EQ(split["candidates"].size(), 4u);

  const json unknown = Get("/api/v1/units/legacy/99999").Json();
  EXPECT_EQ(unknown["outcome"], "unknown");
  EXPECT_TRUE(unknown["old_unit"].is_null());
  ExpectBadParameter("/api/v1/units/legacy/5194", "legacy");
}

// The driving licence is flagged free on every channel while its text prices the tests (60.000 đồng a theory
// test): listed for the administrator, with the amounts read from the text; a procedure whose text names no
// amount is not.
TEST_F(PublicApiTest, ListsTheChannelsFlaggedFreeWhoseFeeTextNamesAmounts) {
  const Reply reply = Send(Method::get, "/api/v1/catalogue/fee-contradictions");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const json items = reply.Json()["items"];
  std::vector<std::string> licence_channels;
  std::string previous;
  for (const json& item : items) {
    const std::string code = item["code"];
    EXPECT_LE(previous, code) << "in code order";
    previous = code;
    const json& amounts = item["fee_amounts_vnd"];
    EXPECT_TRUE(std::ranges::any_of(amounts, [](const json& a) { return a.get<std::int64_t>() > 0; })) << code;
    EXPECT_NE(code, "1.001193") << "birth registration's text names no amount";
    if (code == "3.000346") {
      licence_channels.push_back(item["channel"]);
      EXPECT_EQ(item["name"], "Cấp giấy phép lái xe");
      EXPECT_EQ(item["fee_amounts_vnd"][0], 60000);
      EXPECT_TRUE(item["fee_text"].get<std::string>().starts_with("Miễn phí")) << item["fee_text"];
    }
  }
  std::ranges::sort(licence_channels);
  EXPECT_EQ(licence_channels, (std::vector<std::string>{"direct", "online", "postal"}));
  EXPECT_EQ(Send(Method::get, "/api/v1/catalogue/fee-contradictions?x=1").status, 400);
}

TEST_F(PublicApiTest, SearchRanksBirthRegistrationFirst) {
  const Reply reply = Get("/api/v1/procedures?q=dang+ky+khai+sinh&level=commune&limit=10");
  ASSERT_EQ(reply.status, 200u) << reply.body;
  const json items = reply.Json()["items"];
  ASSERT_FALSE(items.empty());
  EXPECT_LE(items.size(), 10u);
  EXPECT_EQ(items[0]["code"], "1.001193");
  EXPECT_TRUE(items[0].contains("score"));
  EXPECT_TRUE(items[0].contains("field"));
  // Percent-encoded UTF-8 with tone marks finds the same procedure.
  const json accented = Get("/api/v1/procedures?q=%C4%91%C4%83ng%20k%C3%BD%20khai%20sinh&limit=1").Json();
  ASSERT_EQ(accented["items"].size(), 1u);
  EXPECT_EQ(accented["items"][0]["code"], "1.001193");
}

// A question no procedure answers gets no items but a message saying so, with what to try.
TEST_F(PublicApiTest, SearchSaysWhenNothingFits) {
  const json body =
      Get("/api/v1/procedures?q=n%E1%BA%A5u+canh+chua+th%E1%BA%BF+n%C3%A0o").Json();  // nấu canh chua thế nào
  EXPECT_TRUE(body["items"].empty());
  EXPECT_EQ(body["confident"], false);
  EXPECT_TRUE(body["suggestions"].is_array());
  EXPECT_NE(body["message"].get<std::string>().find("Không tìm thấy thủ tục phù hợp"), std::string::npos);
  EXPECT_FALSE(body["message_en"].get<std::string>().empty());
}

TEST_F(PublicApiTest, SearchPrefersTheAskersLevelAndSaysWhatItUnderstood) {
  const json commune = Get("/api/v1/procedures?q=cap+doi+the+can+cuoc&prefer_level=commune").Json();
  EXPECT_EQ(commune["items"][0]["code"], "1.014063");
  const json province = Get("/api/v1/procedures?q=cap+doi+the+can+cuoc&prefer_level=province").Json();
  EXPECT_EQ(province["items"][0]["code"], "2.001195");
  EXPECT_EQ(province["items"][0]["abolished_level"], false);
  const json land = Get("/api/v1/procedures?q=l%C3%A0m+s%E1%BB%95+%C4%91%E1%BB%8F").Json();  // làm sổ đỏ
  ASSERT_FALSE(land["understood"].empty());
  EXPECT_NE(land["understood"][0]["expansion"].get<std::string>().find("quyền sử dụng đất"), std::string::npos);
  ExpectBadParameter("/api/v1/procedures?q=khai+sinh&prefer_level=village", "prefer_level");
}

// The assistant answers the fee of birth registration from its channels, citing the procedure and the field.
TEST_F(PublicApiTest, TheAssistantAnswersFromTheCataloguesFields) {
  // "đăng ký khai sinh mất bao nhiêu tiền"
  const Reply reply =
      Get("/api/v1/"
          "assistant?q=%C4%91%C4%83ng+k%C3%BD+khai+sinh+m%E1%BA%A5t+bao+nhi%C3%AAu+ti%E1%BB%81n&prefer_level=commune");
  ASSERT_EQ(reply.status, 200u) << reply.body;
  const json body = reply.Json();
  EXPECT_EQ(body["answered"], true);
  EXPECT_EQ(body["intent"], "fee");
  EXPECT_EQ(body["answer"]["code"], "1.001193");
  EXPECT_EQ(body["answer"]["sections"][0]["title"], "Phí, lệ phí");
  EXPECT_EQ(body["answer"]["sections"][0]["source"], "procedure_channels.fee_text");
  EXPECT_NE(body["answer"]["text"].get<std::string>().find("Miễn phí"), std::string::npos);
  EXPECT_TRUE(body["rephrased"].is_null());
  EXPECT_TRUE(body["message"].is_null());
}

TEST_F(PublicApiTest, TheAssistantDeclinesWhatTheCatalogueDoesNotAnswer) {
  const json body =
      Get("/api/v1/assistant?q=gi%C3%A1+v%C3%A0ng+h%C3%B4m+nay+bao+nhi%C3%AAu").Json();  // giá vàng hôm nay bao nhiêu
  EXPECT_EQ(body["answered"], false);
  EXPECT_TRUE(body["answer"].is_null());
  EXPECT_NE(body["message"].get<std::string>().find("thủ tục"), std::string::npos);
  ExpectBadParameter("/api/v1/assistant?q=", "q");
  ExpectBadParameter("/api/v1/assistant?q=" + std::string(1001, 'a'), "q");
  ExpectBadParameter("/api/v1/assistant?q=khai+sinh&prefer_level=village", "prefer_level");
  ExpectBadParameter("/api/v1/assistant?q=khai+sinh&debug=1", "debug");
}

TEST_F(PublicApiTest, BadParametersAreNamed) {
  ExpectBadParameter("/api/v1/procedures?q=khai+sinh&limit=0", "limit");
  ExpectBadParameter("/api/v1/procedures?q=khai+sinh&limit=101", "limit");
  ExpectBadParameter("/api/v1/procedures?q=khai+sinh&limit=abc", "limit");
  ExpectBadParameter("/api/v1/procedures?q=khai+sinh&level=village", "level");
  ExpectBadParameter("/api/v1/procedures?q=khai+sinh&sort=name", "sort");
  ExpectBadParameter("/api/v1/procedures?q=khai+sinh&q=x", "q");
  ExpectBadParameter("/api/v1/procedures?limit=5", "q");
  ExpectBadParameter("/api/v1/procedures?q=%4", "q");
  ExpectBadParameter("/api/v1/procedures?q=%C3%28", "q");     // invalid UTF-8 sequence
  ExpectBadParameter("/api/v1/procedures?q=%ED%A0%80", "q");  // a surrogate
  ExpectBadParameter("/api/v1/procedures/%FF", "code");
  ExpectBadParameter("/api/v1/track/x?verbose=1", "verbose");
}

TEST_F(PublicApiTest, ShowsAProcedureWithChannelsAndComponents) {
  const Reply reply = Get("/api/v1/procedures/1.001193");
  ASSERT_EQ(reply.status, 200u) << reply.body;
  const json body = reply.Json();
  EXPECT_EQ(body["code"], "1.001193");
  ASSERT_FALSE(body["channels"].empty());
  for (const char* key : {"channel", "time_text", "time_value", "time_unit", "fee_free", "first_fee_vnd", "fee_text"}) {
    EXPECT_TRUE(body["channels"][0].contains(key)) << key;
  }
  EXPECT_FALSE(body["components"].empty());
  // Notes ("Lưu ý") are told from the papers to hand in; fee texts say which amounts they name.
  std::size_t notes = 0;
  for (const json& component : body["components"]) notes += component["kind"] == "note";
  EXPECT_GT(notes, 0u);
  EXPECT_LT(notes, body["components"].size());
  EXPECT_TRUE(body["channels"][0]["fee_amounts_vnd"].is_array());
  EXPECT_EQ(body["channels"][0]["fee_contradiction"], false);
  const Reply missing = Get("/api/v1/procedures/9.999999");
  EXPECT_EQ(missing.status, 404u);
  EXPECT_EQ(missing.Json()["error"]["field"], "code");
}

TEST_F(PublicApiTest, TrackingShowsTheStatusToTheCodeAndTheRestToTheCodeWithItsPin) {
  // The code alone: sequential codes are no secret (issue 15, item 7), so only the status.
  const Reply bare = Get("/api/v1/track/" + dossier_code_);
  ASSERT_EQ(bare.status, 200u) << bare.body;
  EXPECT_EQ(
      bare.Json(),
      (json{{"code", dossier_code_}, {"status", "processing"}, {"status_label", "Đang xử lý"}, {"details", nullptr}}));

  // With the PIN printed on the slip: the dates and where the dossier stands.
  const std::string pin =
      app::ReceiptPins(server_->OpenStore()->LoadServerSecret("receipt_pin").value()).PinOf(dossier_code_);
  const Reply reply = server_->Send(Method::get, "/api/v1/track/" + dossier_code_, "", "", {{"Receipt-Pin", pin}});
  ASSERT_EQ(reply.status, 200u) << reply.body;
  const json details = reply.Json()["details"];
  EXPECT_EQ(details["procedure"]["code"], "1.004194");
  EXPECT_FALSE(details["procedure"]["name"].get<std::string>().empty());
  EXPECT_EQ(details["received_at"], "2026-01-09T16:59:00+07:00");
  EXPECT_EQ(details["due_at"], "2026-01-13T16:59:00+07:00");
  EXPECT_TRUE(details["completed_at"].is_null());
  EXPECT_EQ(details["standing"], "within_deadline");
  EXPECT_EQ(details["overdue"], false);
  EXPECT_TRUE(details["timeliness"].is_null());
  for (const Reply* answer : {&bare, &reply}) {
    for (const char* secret : {kApplicantName, kCitizenId, "0912345678", "Xóm Đồng", "le.thi.binh"}) {
      EXPECT_EQ(answer->body.find(secret), std::string::npos) << secret;
    }
  }

  // A wrong PIN is refused, naming it; so is the PIN of another dossier.
  std::string wrong = pin;
  wrong[0] = wrong[0] == '9' ? '0' : static_cast<char>(wrong[0] + 1);
  const Reply refused = server_->Send(Method::get, "/api/v1/track/" + dossier_code_, "", "", {{"Receipt-Pin", wrong}});
  EXPECT_EQ(refused.status, 403u);
  EXPECT_EQ(refused.Json()["error"]["field"], "pin");
  const Reply missing = Get("/api/v1/track/000.00.25.H52-260109-9999");
  EXPECT_EQ(missing.status, 404u);
  EXPECT_EQ(missing.Json()["error"]["code"], "not_found");
}

TEST_F(PublicApiTest, RoutingKeepsHealthz404And405) {
  EXPECT_EQ(Get("/healthz").Json()["status"], "ok");
  EXPECT_EQ(Get("/api/v1/nothing").status, 404u);
  EXPECT_EQ(Get("/api/v1/procedures/").status, 404u);
  EXPECT_EQ(Send(Method::post, "/api/v1/procedures/1.001193").status, 405u);
}

TEST_F(PublicApiTest, MetricsCountRequestsByRoutePattern) {
  Get("/api/v1/procedures/1.001193");
  Get("/api/v1/procedures/1.000001");
  const Reply reply = Get("/metrics");
  ASSERT_EQ(reply.status, 200u);
  EXPECT_NE(reply.body.find("# TYPE motcua_http_requests_total counter"), std::string::npos);
  EXPECT_NE(reply.body.find("motcua_http_requests_total{method=\"GET\",route=\"/api/v1/procedures/{code}\","
                            "status=\"200\"}"),
            std::string::npos)
      << reply.body;
  EXPECT_NE(reply.body.find("motcua_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/procedures/"
                            "{code}\",le=\"+Inf\"}"),
            std::string::npos);
  EXPECT_EQ(reply.body.find("1.001193"), std::string::npos);  // raw paths never become labels
}

TEST_F(PublicApiTest, SurvivesRandomBadRequests) {
  std::mt19937 random(20260109);
  const std::string alphabet = "abcz019/?&=%+.-_~{}#;:\x80\xC3\xA9\xFF";
  const std::vector<std::string> prefixes = {
      "/api/v1/procedures", "/api/v1/units", "/api/v1/track/", "/api/v1/units/legacy/", "/", "/metrics"};
  const std::vector<Method> methods = {Method::get, Method::post, Method::put, Method::delete_, Method::head};
  for (int i = 0; i < 300; ++i) {
    std::string target = prefixes[random() % prefixes.size()];
    const std::size_t length = random() % 24;
    for (std::size_t k = 0; k < length; ++k) target += alphabet[random() % alphabet.size()];
    std::string body(random() % 64, 'x');
    for (char& c : body) c = static_cast<char>(random() % 256);
    const Reply reply = Send(methods[random() % methods.size()], target, body);
    EXPECT_GE(reply.status, 200u) << target;
    EXPECT_LT(reply.status, 500u) << target << ": " << reply.body;
  }
  EXPECT_EQ(Get("/healthz").status, 200u);
}

}  // namespace
}  // namespace motcua::http

namespace motcua::http {
namespace {

TEST_F(PublicApiTest, LogsInAndOutWithABearerToken) {
  const Reply login =
      Send(Method::post, "/api/v1/sessions", json{{"login", "le.thi.binh"}, {"password", kPassword}}.dump());
  ASSERT_EQ(login.status, 201) << login.body;
  const std::string token = login.Json()["token"].get<std::string>();
  EXPECT_EQ(token.size(), 64u);
  EXPECT_EQ(login.Json()["account"]["role"], "receptionist");
  EXPECT_EQ(login.body.find(kPassword), std::string::npos);

  const Reply me = Send(Method::get, "/api/v1/me", "", token);
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.Json()["login"], "le.thi.binh");
  EXPECT_EQ(me.Json()["units"], json::array({"05152"}));
  EXPECT_EQ(me.Json()["search_level"], "commune");  // a commune's counter ranks commune procedures first
  // The scheme in any case, and extra spaces before the token (RFC 9110 §11.1); nothing else.
  for (const std::string& header : std::vector<std::string>{"bearer " + token, "BEARER  " + token, "BeArEr " + token}) {
    EXPECT_EQ(server_->Send(Method::get, "/api/v1/me", "", "", {{"Authorization", header}}).status, 200) << header;
  }
  for (const std::string& header :
       std::vector<std::string>{"Bearer", "Bearer ", "Bearer  ", "Bearertoken" + token, "Basic " + token, token}) {
    EXPECT_EQ(server_->Send(Method::get, "/api/v1/me", "", "", {{"Authorization", header}}).status, 401) << header;
  }

  EXPECT_EQ(Send(Method::delete_, "/api/v1/sessions/current", "", token).status, 204);
  const Reply after = Send(Method::get, "/api/v1/me", "", token);
  EXPECT_EQ(after.status, 401);
  EXPECT_EQ(after.Json()["error"]["code"], "unauthenticated");
}

TEST_F(PublicApiTest, RefusedLoginsAndBadBodiesAreClearErrors) {
  const Reply wrong =
      Send(Method::post, "/api/v1/sessions", json{{"login", "le.thi.binh"}, {"password", "sai"}}.dump());
  EXPECT_EQ(wrong.status, 401);
  const Reply unknown = Send(Method::post, "/api/v1/sessions", json{{"login", "ai.do"}, {"password", "sai"}}.dump());
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(unknown.Json()["error"]["message"], wrong.Json()["error"]["message"]) << "no hint which logins exist";

  struct BadBody {
    std::string body;
    const char* field;
  };
  const BadBody bad[] = {
      {"{not json", "body"},
      {"[1,2]", "body"},
      {"{\"login\":\"le.thi.binh\"}", "password"},
      {"{\"login\":1,\"password\":\"x\"}", "login"},
      {"{\"login\":\"a\",\"password\":\"b\",\"admin\":true}", "admin"},
      {"{\"login\":\"\xff\xfe\",\"password\":\"b\"}", "body"},
  };
  for (const auto& c : bad) {
    SCOPED_TRACE(c.body);
    const Reply reply = Send(Method::post, "/api/v1/sessions", c.body);
    EXPECT_EQ(reply.status, 400) << reply.body;
    EXPECT_EQ(reply.Json()["error"]["field"], c.field);
  }
  const Reply anonymous = Send(Method::get, "/api/v1/me");
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(anonymous.Json()["error"]["field"], "authorization");
  EXPECT_EQ(Send(Method::get, "/api/v1/me", "", std::string(64, 'a')).status, 401);
}

// The served OpenAPI document describes exactly the routes of the route table, method by method.
TEST_F(PublicApiTest, OpenApiDocumentDescribesEveryRouteAndNoOther) {
  const Reply reply = Get("/api/v1/openapi.json");
  ASSERT_EQ(reply.status, 200);
  const json document = reply.Json();
  EXPECT_EQ(document["openapi"].get<std::string>().substr(0, 2), "3.");
  std::set<std::pair<std::string, std::string>> routed, documented;
  for (const auto& [pattern, method] : server_->routes()) {
    std::string name(boost::beast::http::to_string(method));
    std::ranges::transform(name, name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    routed.emplace(pattern, name);
  }
  for (const auto& [path, operations] : document["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) documented.emplace(path, method);
  }
  EXPECT_EQ(routed, documented);
  EXPECT_GE(routed.size(), 11u);
}

// The report's figures in the OpenAPI document are exactly the columns and rates a report has.
TEST_F(PublicApiTest, OpenApiReportFiguresAreTheReportsColumns) {
  const json schemas = Get("/api/v1/openapi.json").Json()["components"]["schemas"];
  const json& figures = schemas["ReportFigures"];
  std::set<std::string> documented, required, expected;
  for (const auto& [name, schema] : figures["properties"].items()) documented.insert(name);
  for (const json& name : figures["required"]) required.insert(name.get<std::string>());
  for (const ReportColumn& column : ReportColumns()) expected.insert(std::string(column.id));
  expected.insert("rates");
  EXPECT_EQ(documented, expected);
  EXPECT_EQ(required, expected);
  std::set<std::string> rates, expected_rates;
  EXPECT_EQ(figures["properties"]["rates"]["$ref"], "#/components/schemas/ReportRates");
  for (const auto& [name, schema] : schemas["ReportRates"]["properties"].items()) rates.insert(name);
  for (const ReportRate& rate : ReportRates()) expected_rates.insert(std::string(rate.id));
  EXPECT_EQ(rates, expected_rates);
}

// The forms the OpenAPI document names — in the route's parameter and in a dossier's "forms" — are exactly the kinds
// the server makes (app/form_kind.h), in its order.
TEST_F(PublicApiTest, OpenApiFormsAreTheFormKinds) {
  const json document = Get("/api/v1/openapi.json").Json();
  std::vector<std::string> kinds;
  for (app::FormKind kind : app::kEveryFormKind) kinds.emplace_back(app::FormKindName(kind));
  const json& parameters = document["paths"]["/api/v1/dossiers/{code}/forms/{form}"]["get"]["parameters"];
  const auto form = std::ranges::find_if(parameters, [](const json& p) { return p.value("name", "") == "form"; });
  ASSERT_NE(form, parameters.end());
  EXPECT_EQ((*form)["schema"]["enum"].get<std::vector<std::string>>(), kinds);
  std::size_t listed = 0;
  for (const auto& [name, schema] : document["components"]["schemas"].items()) {
    if (!schema.contains("properties") || !schema["properties"].contains("forms")) continue;
    EXPECT_EQ(schema["properties"]["forms"]["items"]["enum"].get<std::vector<std::string>>(), kinds) << name;
    ++listed;
  }
  EXPECT_EQ(listed, 1u) << "the dossier view's forms";
}

}  // namespace
}  // namespace motcua::http
