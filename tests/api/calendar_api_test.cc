// The calendar API (src/http/calendar_api.h) end to end: a real server on loopback (tests/support/api_server.h)
// with an administrator and a receptionist whose sessions are stored with known tokens.
#include "http/calendar_api.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/api_server.h"
#include "support/signed_in_account.h"

namespace motcua::http {
namespace {

using nlohmann::json;
using test_support::AddSignedInPerson;
using test_support::ApiServer;
using test_support::HttpReply;
using test_support::TokenOf;

Instant At(const char* iso) { return ParseIsoInstant(iso, "test").value(); }

void Seed(store::Store& store, const app::Clock& clock) {
  AddSignedInPerson(store, clock, "admin", Role::kAdministrator, {});
  AddSignedInPerson(store, clock, "tn.vanson", Role::kReceptionist, {"05152"});
}

class CalendarApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ApiServer(At("2026-01-12T08:00:00+07:00"), Seed); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static HttpReply Post(const std::string& who, const json& body) {
    return server_->Send(Method::post, "/api/v1/calendar/days", body.dump(), who.empty() ? "" : TokenOf(who));
  }
  static HttpReply PostText(const std::string& who, const std::string& body) {
    return server_->Send(Method::post, "/api/v1/calendar/days", body, TokenOf(who));
  }

  static void ExpectError(const HttpReply& reply, unsigned status, const std::string& code, const std::string& field) {
    EXPECT_EQ(reply.status, status) << reply.body;
    EXPECT_EQ(reply.Json()["error"]["code"], code) << reply.body;
    EXPECT_EQ(reply.Json()["error"]["field"], field) << reply.body;
  }

  static json DayOn(const std::string& target, const std::string& date) {
    const HttpReply reply = server_->Get(target);
    EXPECT_EQ(reply.status, 200u) << reply.body;
    const json list = reply.Json();
    for (const json& day : list["items"]) {
      if (day["date"] == date) return day;
    }
    return nullptr;
  }

  static inline ApiServer* server_ = nullptr;
};

TEST_F(CalendarApiTest, ListsTheReferenceDaysOfTheYear) {
  const HttpReply reply = server_->Get("/api/v1/calendar?year=2026");
  ASSERT_EQ(reply.status, 200u) << reply.body;
  const json list = reply.Json();
  EXPECT_EQ(list["year"], 2026);
  ASSERT_FALSE(list["items"].empty());
  for (const json& day : list["items"]) {
    EXPECT_EQ(day["date"].get<std::string>().substr(0, 4), "2026") << day;
    EXPECT_TRUE(day.contains("kind") && day.contains("name") && day.contains("source")) << day;
  }
  ExpectError(server_->Get("/api/v1/calendar"), 400, "invalid_argument", "year");
  ExpectError(server_->Get("/api/v1/calendar?year=abc"), 400, "invalid_argument", "year");
  ExpectError(server_->Get("/api/v1/calendar?year=2026&month=1"), 400, "invalid_argument", "month");
}

TEST_F(CalendarApiTest, AdministratorAddsADayOffAndAMakeupSaturday) {
  // Monday 2026-12-28 off, made up on Saturday 2026-12-19.
  HttpReply reply =
      Post("admin", {{"date", "2026-12-28"}, {"kind", "swapped_day_off"}, {"name", "Nghỉ hoán đổi cuối năm"}});
  ASSERT_EQ(reply.status, 200u) << reply.body;
  EXPECT_EQ(reply.Json()["day"]["source"], "admin");
  reply = Post("admin", {{"date", "2026-12-19"}, {"kind", "makeup_working_day"}, {"name", "Làm bù cho 28/12"}});
  ASSERT_EQ(reply.status, 200u) << reply.body;

  const json off = DayOn("/api/v1/calendar?year=2026", "2026-12-28");
  EXPECT_EQ(off, (json{{"date", "2026-12-28"},
                       {"kind", "swapped_day_off"},
                       {"name", "Nghỉ hoán đổi cuối năm"},
                       {"is_day_off", true},
                       {"source", "admin"}}));
  const json makeup = DayOn("/api/v1/calendar?year=2026", "2026-12-19");
  EXPECT_EQ(makeup["is_day_off"], false);
  EXPECT_EQ(makeup["source"], "admin");
  EXPECT_EQ(DayOn("/api/v1/calendar?year=2027", "2026-12-28"), nullptr);

  // Saving the same date again replaces the day.
  reply = Post("admin", {{"date", "2026-12-28"}, {"kind", "compensatory_day_off"}, {"name", "Nghỉ bù"}});
  ASSERT_EQ(reply.status, 200u) << reply.body;
  EXPECT_EQ(DayOn("/api/v1/calendar?year=2026", "2026-12-28")["kind"], "compensatory_day_off");
}

TEST_F(CalendarApiTest, OnlyTheAdministratorEditsTheCalendar) {
  const json day = {{"date", "2026-11-30"}, {"kind", "compensatory_day_off"}, {"name", "Nghỉ bù"}};
  ExpectError(Post("tn.vanson", day), 403, "permission_denied", "role");
  ExpectError(PostText("tn.vanson", "not json"), 403, "permission_denied", "role");
  EXPECT_EQ(Post("", day).status, 401u);
  EXPECT_EQ(DayOn("/api/v1/calendar?year=2026", "2026-11-30"), nullptr);
}

TEST_F(CalendarApiTest, RefusesABadDayNamingTheField) {
  ExpectError(Post("admin", {{"date", "2026-02-30"}, {"kind", "compensatory_day_off"}, {"name", "x"}}), 400,
              "invalid_argument", "date");
  ExpectError(Post("admin", {{"date", "2026-11-30"}, {"kind", "holiday"}, {"name", "x"}}), 400, "invalid_argument",
              "kind");
  ExpectError(Post("admin", {{"date", "2026-11-30"}, {"kind", "compensatory_day_off"}, {"name", "x"}, {"extra", 1}}),
              400, "invalid_argument", "extra");
  ExpectError(Post("admin", {{"date", "2026-11-30"}, {"kind", "compensatory_day_off"}, {"name", "   "}}), 400,
              "invalid_argument", "name");
  ExpectError(
      Post("admin", {{"date", "2026-11-30"}, {"kind", "compensatory_day_off"}, {"name", std::string(301, 'a')}}), 400,
      "invalid_argument", "name");
  // A make-up working day on a Monday, a weekday day off on a Sunday.
  ExpectError(Post("admin", {{"date", "2026-11-30"}, {"kind", "makeup_working_day"}, {"name", "x"}}), 400,
              "invalid_argument", "date");
  ExpectError(Post("admin", {{"date", "2026-11-29"}, {"kind", "compensatory_day_off"}, {"name", "x"}}), 400,
              "invalid_argument", "date");
}

}  // namespace
}  // namespace motcua::http
