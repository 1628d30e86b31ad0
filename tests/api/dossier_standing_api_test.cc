// One truth about a dossier, through the API (issue 15, item 11): the page and the list carry the server's
// standing and urgency, judged on the live work calendar against the statutory appointment; the page carries
// the actions the account may take now, so that no client keeps a copy of the rules; an administrator's new day
// off counts from the next request, without a restart. The world is tests/support/dossier_api_fixture.h.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "support/dossier_api_fixture.h"

namespace motcua::http {
namespace {

using nlohmann::json;
using test_support::At;
using test_support::HttpReply;
using test_support::Intake;
using test_support::kVanSonAgency;

class DossierStandingApiTest : public test_support::DossierApiFixture {
 protected:
  std::set<std::string> AllowedFor(const std::string& who, const std::string& code) {
    const HttpReply reply = Get(who, "/api/v1/dossiers/" + code);
    EXPECT_EQ(reply.status, 200u) << reply.body;
    const json page = reply.Json();  // a named value: iterating a member of a temporary would dangle
    std::set<std::string> allowed;
    for (const json& action : page["allowed_actions"]) allowed.insert(action.get<std::string>());
    return allowed;
  }
  json Page(const std::string& code) { return Get("ld.vanson", "/api/v1/dossiers/" + code).Json(); }
  std::set<std::string> Listed(const std::string& urgency) {
    const HttpReply reply = Get("ld.vanson", "/api/v1/dossiers?urgency=" + urgency);
    EXPECT_EQ(reply.status, 200u) << reply.body;
    return CodesIn(reply.Json());
  }
};

TEST_F(DossierStandingApiTest, TheActionsOfAPageAreWhatTheAccountMayDoNow) {
  const std::string code = Receive("tn.vanson", Intake("vs-ttpvhcc", kVanSonAgency));
  // The counter records a rating given at the counter too.
  EXPECT_EQ(AllowedFor("tn.vanson", code),
            (std::set<std::string>{"withdraw", "cancel", "fees", "digitize", "evaluate"}));
  EXPECT_EQ(AllowedFor("ld.vanson", code),
            (std::set<std::string>{"assign", "complete-step", "transfer", "request-supplement", "extend", "refuse",
                                   "approve", "fees", "digitize"}));
  EXPECT_EQ(AllowedFor("cd.an", code), (std::set<std::string>{"withdraw", "evaluate"}));
  EXPECT_TRUE(AllowedFor("gs.phutho", code).empty());  // the supervisor watches
  EXPECT_TRUE(AllowedFor("admin", code).empty());

  Act("cv.vanson", code, "request-supplement", {{"reason", "Thiếu giấy tờ"}, {"missing", {"Hợp đồng thuê nhà"}}});
  EXPECT_EQ(AllowedFor("cv.vanson", code), (std::set<std::string>{"fees", "digitize"}));
  EXPECT_EQ(AllowedFor("cd.an", code), (std::set<std::string>{"supplement", "withdraw", "evaluate"}));
  Act("tn.vanson", code, "supplement", json::object());
  // The supplement is asked for once (LifecycleLimits): the button does not come back.
  EXPECT_FALSE(AllowedFor("ld.vanson", code).contains("request-supplement"));
  EXPECT_TRUE(AllowedFor("ld.vanson", code).contains("extend"));
  // A fee makes a payment possible, for the counter and for the applicant.
  Act("tn.vanson", code, "fees", {{"amount", 10000}, {"description", "Lệ phí"}});
  EXPECT_TRUE(AllowedFor("tn.vanson", code).contains("payments"));
  EXPECT_TRUE(AllowedFor("cd.an", code).contains("payments"));
}

TEST_F(DossierStandingApiTest, StandingAndUrgencyMoveWithTheCalendar) {
  // Monday 12 January 2026 08:00, three working days: due Thursday 15 at 08:00.
  const std::string code = Receive("tn.vanson", Intake("vs-ttpvhcc", kVanSonAgency));
  json page = Page(code);
  EXPECT_EQ(page["standing"], "within_deadline");
  EXPECT_EQ(page["urgency"], "later");
  EXPECT_EQ(page["dossier"]["statutory_due_at"], "2026-01-15T08:00:00+07:00");
  server_->clock().Set(At("2026-01-13T09:00:00+07:00"));  // Thursday is the second working day after Tuesday
  EXPECT_EQ(Page(code)["urgency"], "due_soon");
  EXPECT_EQ(Listed("due_soon"), std::set<std::string>{code});
  EXPECT_TRUE(Listed("due_today").empty());
  server_->clock().Set(At("2026-01-15T16:00:00+07:00"));  // the appointment day: on time all day
  EXPECT_EQ(Page(code)["urgency"], "due_today");
  EXPECT_EQ(Page(code)["overdue"], false);
  EXPECT_EQ(Listed("due_today"), std::set<std::string>{code});
  server_->clock().Set(At("2026-01-16T08:00:00+07:00"));
  page = Page(code);
  EXPECT_EQ(page["standing"], "overdue");
  EXPECT_EQ(page["urgency"], "overdue");
  EXPECT_EQ(page["overdue"], true);
  EXPECT_EQ(Listed("overdue"), std::set<std::string>{code});
  const json list = Get("ld.vanson", "/api/v1/dossiers").Json();
  ASSERT_EQ(list["items"].size(), 1u);
  EXPECT_EQ(list["items"][0]["standing"], "overdue");
  EXPECT_EQ(list["items"][0]["urgency"], "overdue");

  // An apology slip gives a new date; the law still counts the dossier overdue.
  Act("ld.vanson", code, "extend", {{"reason", "Cần xác minh"}, {"new_due_at", "2026-01-22T17:00:00+07:00"}});
  page = Page(code);
  EXPECT_EQ(page["dossier"]["due_at"], "2026-01-22T17:00:00+07:00");
  EXPECT_EQ(page["dossier"]["statutory_due_at"], "2026-01-15T08:00:00+07:00");
  EXPECT_EQ(page["standing"], "overdue");
  EXPECT_EQ(Listed("overdue"), std::set<std::string>{code});

  // Waiting for a supplement stops the clock: neither overdue nor urgent, whatever the date.
  const std::string waiting = Receive("tn.vanson", Intake("vs-ttpvhcc", kVanSonAgency));
  Act("cv.vanson", waiting, "request-supplement", {{"reason", "Thiếu giấy tờ"}, {"missing", {"Tờ khai"}}});
  server_->clock().Set(At("2026-02-09T08:00:00+07:00"));  // weeks after its appointment (the sessions last 30 days)
  EXPECT_EQ(Page(waiting)["standing"], "paused");
  EXPECT_EQ(Page(waiting)["urgency"], "none");
  EXPECT_FALSE(Listed("overdue").contains(waiting));

  const HttpReply bad = Get("ld.vanson", "/api/v1/dossiers?urgency=soon");
  EXPECT_EQ(bad.status, 400u);
  EXPECT_EQ(bad.Json()["error"]["field"], "urgency");
}

TEST_F(DossierStandingApiTest, ADossierRefusedForWantOfASupplementIsOnTimeAsTheReportCountsIt) {
  const std::string code = Receive("tn.vanson", Intake("vs-ttpvhcc", kVanSonAgency));
  Act("cv.vanson", code, "request-supplement", {{"reason", "Thiếu giấy tờ"}, {"missing", {"Tờ khai"}}});
  server_->clock().Set(At("2026-02-10T09:00:00+07:00"));  // weeks after the appointment
  Act("ld.vanson", code, "refuse", {{"reason", "Không bổ sung hồ sơ trong thời hạn"}, {"kind", "not_supplemented"}});
  const json page = Page(code);
  EXPECT_EQ(page["standing"], "on_time");
  EXPECT_EQ(page["timeliness"], "on_time");
  // Public tracking with the PIN the page shows for the slip says the same.
  const std::string pin = page["receipt_pin"];
  EXPECT_EQ(pin.size(), 6u);
  const HttpReply tracked = server_->Send(Method::get, "/api/v1/track/" + code, "", "", {{"Receipt-Pin", pin}});
  ASSERT_EQ(tracked.status, 200u) << tracked.body;
  EXPECT_EQ(tracked.Json()["details"]["timeliness"], "on_time");
  EXPECT_EQ(tracked.Json()["details"]["standing"], "on_time");
}

TEST_F(DossierStandingApiTest, ADaySavedByTheAdministratorCountsFromTheNextRequest) {
  // Wednesday 14 January made a day off: a dossier received on Monday for three working days is due on Friday.
  const HttpReply saved = Post("admin", "/api/v1/calendar/days",
                               {{"date", "2026-01-14"}, {"kind", "compensatory_day_off"}, {"name", "Nghỉ bù"}});
  ASSERT_EQ(saved.status, 200u) << saved.body;
  const HttpReply received = Post("tn.vanson", "/api/v1/dossiers", Intake("vs-ttpvhcc", kVanSonAgency));
  ASSERT_EQ(received.status, 201u) << received.body;
  EXPECT_EQ(received.Json()["due_at"], "2026-01-16T08:00:00+07:00");
}

}  // namespace
}  // namespace motcua::http
