// The dossier API end to end, as the different roles, in the world of tests/support/dossier_api_fixture.h.
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <memory>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/database_fingerprint.h"
#include "support/dossier_api_fixture.h"

namespace motcua::http {
namespace {

using nlohmann::json;
using test_support::ApiServer;
using test_support::At;
using test_support::HttpReply;
using test_support::Intake;
using test_support::kAnId;
using test_support::kBinhId;
using test_support::kHoaBinh;
using test_support::kHoaBinhAgency;
using test_support::kResidence;
using test_support::kThucPhan;
using test_support::kThucPhanAgency;
using test_support::kVanSon;
using test_support::kVanSonAgency;
using test_support::TokenOf;

class DossierApiTest : public test_support::DossierApiFixture {};

TEST_F(DossierApiTest, CounterDossierFromReceiptToEvaluation) {
  const HttpReply received = Post("tn.vanson", "/api/v1/dossiers", Intake("vs-ttpvhcc", kVanSonAgency));
  ASSERT_EQ(received.status, 201u) << received.body;
  const json dossier = received.Json();
  const std::string code = dossier["code"];
  EXPECT_EQ(code.substr(0, 21), "000.00.25.H52-260112-");
  EXPECT_EQ(received.Header("location"), "/api/v1/dossiers/" + code);
  EXPECT_EQ(dossier["status"], "processing");
  EXPECT_EQ(dossier["receiving_unit"], kVanSon);
  EXPECT_EQ(dossier["competent_unit"], kVanSon);
  EXPECT_EQ(dossier["received_at"], "2026-01-12T08:00:00+07:00");
  // Three working days of eight hours from Monday 08:00: Thursday 08:00.
  EXPECT_EQ(dossier["due_at"], "2026-01-15T08:00:00+07:00");

  // Who may look at it.
  for (const char* who : {"tn.vanson", "cv.vanson", "ld.vanson", "gd.vanson", "gs.phutho", "admin", "cd.an"}) {
    EXPECT_EQ(Get(who, "/api/v1/dossiers/" + code).status, 200u) << who;
  }
  ExpectDenied(Get("tn.hoabinh", "/api/v1/dossiers/" + code), "unit");
  ExpectDenied(Get("ld.hoabinh", "/api/v1/dossiers/" + code), "unit");
  ExpectDenied(Get("gs.caobang", "/api/v1/dossiers/" + code), "unit");
  ExpectDenied(Get("cd.binh", "/api/v1/dossiers/" + code), "applicant");

  // The leader assigns the review to a specialist of the unit, not to one of another unit.
  const json assigned = Act("ld.vanson", code, "assign", {{"step", "Thẩm định"}, {"assignee", "cv.vanson"}});
  EXPECT_EQ(assigned["assignee"], "cv.vanson");
  EXPECT_EQ(assigned["current_step"], "Thẩm định");
  const json wrong_assignee =
      Act("ld.vanson", code, "assign", {{"step", "Thẩm định"}, {"assignee", "cv.hoabinh"}}, 400);
  EXPECT_EQ(wrong_assignee["error"]["field"], "assignee");
  ExpectDenied(Post("cv.hoabinh", "/api/v1/dossiers/" + code + "/request-supplement", {{"reason", "thiếu giấy"}}),
               "unit");
  const json inbox = Get("cv.vanson", "/api/v1/inbox").Json();
  EXPECT_EQ(CodesIn(inbox), std::set<std::string>{code});

  // Supplement asked by the specialist, supplied by the citizen online.
  server_->clock().Set(At("2026-01-12T10:00:00+07:00"));
  const json waiting = Act("cv.vanson", code, "request-supplement",
                           {{"reason", "Thiếu giấy tờ chứng minh chỗ ở"}, {"missing", {"Hợp đồng thuê nhà"}}});
  EXPECT_EQ(waiting["status"], "waiting_supplement");
  server_->clock().Set(At("2026-01-13T09:00:00+07:00"));
  const json supplemented = Act(
      "cd.an", code, "supplement",
      {{"components", json::array({{{"seq", 0}, {"name", "Hợp đồng thuê nhà"}, {"originals", 0}, {"copies", 1}}})}});
  EXPECT_EQ(supplemented["status"], "processing");
  // Two of the 24 working hours were used before the stop (Mon 08:00–10:00); the 22 left run from Tuesday
  // 09:00: Tue 6.5 h, Wed 8 h, Thu 07:30–11:30 4 h and 13:00–16:30 3.5 h.
  EXPECT_EQ(supplemented["due_at"], "2026-01-15T16:30:00+07:00");

  // The specialist finishes the review but may not approve; the leader approves.
  Act("cv.vanson", code, "complete-step", {{"step", "Thẩm định"}, {"note", "Đủ điều kiện"}});
  ExpectDenied(Post("cv.vanson", "/api/v1/dossiers/" + code + "/approve", {{"result", "x"}}), "role");
  server_->clock().Set(At("2026-01-14T15:00:00+07:00"));
  const json approved = Act("ld.vanson", code, "approve", {{"result", "Xác nhận đăng ký tạm trú số 12/2026"}});
  EXPECT_EQ(approved["status"], "result_ready");
  EXPECT_EQ(CodesIn(Get("tn.vanson", "/api/v1/inbox").Json()), std::set<std::string>{code});

  // The counter collects the fee and hands the result over; the citizen rates the service.
  Act("tn.vanson", code, "fees", {{"amount", 10000}, {"description", "Lệ phí đăng ký tạm trú"}});
  const json paid = Act("tn.vanson", code, "payments", {{"amount", 10000}, {"method", "counter"}});
  EXPECT_EQ(paid["fees"]["paid_vnd"], 10000);
  ExpectDenied(Post("ld.vanson", "/api/v1/dossiers/" + code + "/return", {{"method", "counter"}}), "role");
  const json returned = Act("tn.vanson", code, "return", {{"method", "counter"}});
  EXPECT_EQ(returned["status"], "returned");
  ExpectDenied(Post("cd.binh", "/api/v1/dossiers/" + code + "/evaluate", {{"score", 1}}), "applicant");
  const json rated = Act("cd.an", code, "evaluate", {{"score", 5}, {"comment", "Nhanh"}});
  EXPECT_EQ(rated["evaluation"], 5);

  const json view = Get("cd.an", "/api/v1/dossiers/" + code).Json();
  EXPECT_EQ(view["timeliness"], "early");
  const std::vector<std::string> expected_types = {
      "received",     "step_assigned", "supplement_requested", "supplemented", "step_completed", "result_approved",
      "fee_assessed", "fee_paid",      "result_returned",      "evaluated"};
  ASSERT_EQ(view["history"].size(), expected_types.size()) << view.dump(1);
  for (std::size_t i = 0; i < expected_types.size(); ++i) {
    EXPECT_EQ(view["history"][i]["type"], expected_types[i]) << i;
  }
  EXPECT_EQ(view["history"][0]["actor"]["user"], "tn.vanson");
  EXPECT_EQ(view["history"][5]["actor"]["user"], "ld.vanson");
  EXPECT_EQ(view["history"][5]["payload"]["signer"], "ld.vanson");
}

TEST_F(DossierApiTest, BoundarylessDossierIsSeenByBothSidesEachActingOnItsOwnPart) {
  // Received at Vân Sơn for Hòa Bình's committee: the code is Vân Sơn's, the decision Hòa Bình's.
  const std::string code = Receive("tn.vanson", Intake("vs-ttpvhcc", kHoaBinhAgency));
  EXPECT_EQ(code.substr(0, 14), "000.00.25.H52-");
  for (const char* who : {"tn.vanson", "tn.hoabinh", "cv.hoabinh", "ld.hoabinh", "gd.vanson", "gs.phutho"}) {
    EXPECT_EQ(Get(who, "/api/v1/dossiers/" + code).status, 200u) << who;
  }
  ExpectDenied(Get("tn.thucphan", "/api/v1/dossiers/" + code), "unit");
  ExpectDenied(Post("ld.vanson", "/api/v1/dossiers/" + code + "/approve", {{"result", "x"}}), "unit");
  ExpectDenied(Post("cv.vanson", "/api/v1/dossiers/" + code + "/complete-step", {{"step", "x"}}), "unit");

  Act("ld.hoabinh", code, "assign", {{"step", "Thẩm định"}, {"assignee", "cv.hoabinh"}});
  Act("cv.hoabinh", code, "complete-step", {{"step", "Thẩm định"}});
  Act("ld.hoabinh", code, "approve", {{"result", "Xác nhận tạm trú"}, {"signer", "Chủ tịch UBND phường"}});
  // The result goes back through the point that received it.
  ExpectDenied(Post("tn.hoabinh", "/api/v1/dossiers/" + code + "/return", {{"method", "counter"}}), "unit");
  EXPECT_EQ(Act("tn.vanson", code, "return", {{"method", "counter"}})["status"], "returned");

  // Boundaryless reception stops at the province's border.
  const HttpReply across = Post("tn.vanson", "/api/v1/dossiers", Intake("vs-ttpvhcc", kThucPhanAgency));
  EXPECT_EQ(across.status, 400u) << across.body;
  EXPECT_EQ(across.Json()["error"]["field"], "competent_unit");
  // A receptionist receives only at a point of their own unit.
  ExpectDenied(Post("tn.hoabinh", "/api/v1/dossiers", Intake("vs-ttpvhcc", kVanSonAgency)), "unit");
}

TEST_F(DossierApiTest, OnlineSubmissionIsCheckedAtTheCounterAndPaidOnline) {
  json submission = Intake("", kVanSonAgency, "");
  submission.erase("receiving_point");
  const HttpReply submitted = Post("cd.an", "/api/v1/submissions", submission);
  ASSERT_EQ(submitted.status, 201u) << submitted.body;
  const std::string code = submitted.Json()["code"];
  EXPECT_EQ(submitted.Json()["status"], "submitted");
  EXPECT_EQ(submitted.Json()["channel"], "online");
  EXPECT_EQ(submitted.Json()["applicant"]["citizen_id"], kAnId);  // the account's own ID
  EXPECT_TRUE(submitted.Json()["due_at"].is_null());              // the clock waits for the check

  ExpectDenied(Post("cd.an", "/api/v1/submissions", Intake("vs-ttpvhcc", kVanSonAgency, kBinhId)), "applicant");
  json postal = submission;
  postal["channel"] = "postal";
  EXPECT_EQ(Post("cd.an", "/api/v1/submissions", postal).Json()["error"]["field"], "channel");

  EXPECT_EQ(CodesIn(Get("tn.vanson", "/api/v1/inbox").Json()), std::set<std::string>{code});
  ExpectDenied(Post("tn.hoabinh", "/api/v1/dossiers/" + code + "/accept", json::object()), "unit");
  ExpectDenied(Post("cd.an", "/api/v1/dossiers/" + code + "/accept", json::object()), "role");
  const json accepted = Act("tn.vanson", code, "accept", json::object());
  EXPECT_EQ(accepted["status"], "processing");
  EXPECT_EQ(accepted["receiving_point"], "vs-ttpvhcc");
  EXPECT_FALSE(accepted["due_at"].is_null());

  Act("tn.vanson", code, "fees", {{"amount", 7000}, {"description", "Lệ phí (trực tuyến)"}});
  ExpectDenied(Post("cd.an", "/api/v1/dossiers/" + code + "/payments", {{"amount", 7000}, {"method", "counter"}}),
               "method");
  const json paid = Act("cd.an", code, "payments", {{"amount", 7000}, {"method", "online"}, {"reference", "VNPAY-1"}});
  EXPECT_EQ(paid["fees"]["paid_online_vnd"], 7000);
  // A citizen may withdraw their own dossier while no decision is issued.
  EXPECT_EQ(Act("cd.an", code, "withdraw", {{"reason", "Không còn nhu cầu"}})["status"], "withdrawn");
}

// Every action, tried by the right role of another unit, is a 403 on "unit" that writes nothing; then the
// actions not covered above, by their own side: digitize, extend, transfer (which moves the decision to the
// other unit), refuse, a postal submission refused at reception, a director's cancel.
TEST_F(DossierApiTest, EveryActionFromAnotherUnitIsDeniedAndTheRestWorkAtHome) {
  const std::string code = Receive("tn.vanson", Intake("vs-ttpvhcc", kVanSonAgency));
  const auto before = Snapshot();
  const std::vector<std::tuple<std::string, std::string, json>> foreign = {
      {"accept", "tn.hoabinh", json::object()},
      {"refuse-reception", "tn.hoabinh", {{"reason", "x"}}},
      {"assign", "ld.hoabinh", {{"step", "x"}, {"assignee", "cv.hoabinh"}}},
      {"complete-step", "cv.hoabinh", {{"step", "x"}}},
      {"transfer", "ld.hoabinh", {{"to_agency", kHoaBinhAgency}, {"reason", "x"}}},
      {"request-supplement", "cv.hoabinh", {{"reason", "x"}}},
      {"supplement", "tn.hoabinh", json::object()},
      {"extend", "ld.hoabinh", {{"reason", "x"}, {"new_due_at", "2026-01-20T17:00:00+07:00"}}},
      {"refuse", "ld.hoabinh", {{"reason", "x"}}},
      {"withdraw", "tn.hoabinh", {{"reason", "x"}}},
      {"cancel", "tn.hoabinh", {{"reason", "x"}}},
      {"approve", "ld.hoabinh", {{"result", "x"}}},
      {"return", "tn.hoabinh", {{"method", "counter"}}},
      {"fees", "tn.hoabinh", {{"amount", 1000}, {"description", "x"}}},
      {"payments", "tn.hoabinh", {{"amount", 1000}, {"method", "counter"}}},
      {"digitize", "tn.hoabinh", {{"component_seq", 1}, {"file", "x.pdf"}}},
      {"evaluate", "tn.hoabinh", {{"score", 3}}},
  };
  for (const auto& [action, who, body] : foreign) {
    SCOPED_TRACE(action);
    ExpectDenied(Post(who, "/api/v1/dossiers/" + code + "/" + action, body), "unit");
  }
  EXPECT_EQ(Snapshot(), before);

  // A scan is uploaded first, then attached by its id (files_api_test.cc tests the files themselves).
  const HttpReply scan = server_->Send(Method::post, "/api/v1/files?name=to-khai.pdf", "%PDF-1.4 to khai",
                                       TokenOf("tn.vanson"), {{"Content-Type", "application/pdf"}});
  ASSERT_EQ(scan.status, 201u) << scan.body;
  const json digitized = Act("tn.vanson", code, "digitize", {{"component_seq", 1}, {"file", scan.Json()["id"]}});
  EXPECT_EQ(digitized["digitized_components"], 1);
  const json extended =
      Act("ld.vanson", code, "extend", {{"reason", "Cần xác minh nơi ở"}, {"new_due_at", "2026-01-20T17:00:00+07:00"}});
  EXPECT_EQ(extended["extensions"], 1);
  EXPECT_EQ(extended["due_at"], "2026-01-20T17:00:00+07:00");
  EXPECT_EQ(extended["original_due_at"], "2026-01-15T08:00:00+07:00");
  const json transferred =
      Act("ld.vanson", code, "transfer", {{"to_agency", kHoaBinhAgency}, {"reason", "Thuộc thẩm quyền phường"}});
  EXPECT_EQ(transferred["competent_unit"], kHoaBinh);
  EXPECT_EQ(transferred["competent_agency"], kHoaBinhAgency);
  ExpectDenied(Post("ld.vanson", "/api/v1/dossiers/" + code + "/refuse", {{"reason", "x"}}), "unit");
  const json unknown_agency = Act("ld.hoabinh", code, "transfer", {{"to_agency", "9.9.9"}, {"reason", "x"}}, 404);
  EXPECT_EQ(unknown_agency["error"]["field"], "to_agency");
  EXPECT_EQ(Act("ld.hoabinh", code, "refuse", {{"reason", "Không đủ điều kiện"}})["status"], "refused");

  json postal = Intake("vs-ttpvhcc", kVanSonAgency);
  postal["procedure_code"] = "1.004837";  // guardianship registration, offered by post
  postal["channel"] = "postal";
  const HttpReply registered = Post("tn.vanson", "/api/v1/submissions", postal);
  ASSERT_EQ(registered.status, 201u) << registered.body;
  EXPECT_EQ(registered.Json()["channel"], "postal");
  const std::string by_post = registered.Json()["code"];
  EXPECT_EQ(Act("tn.vanson", by_post, "refuse-reception", {{"reason", "Hồ sơ không đúng thủ tục"}})["status"],
            "reception_refused");

  const std::string duplicate = Receive("tn.vanson", Intake("vs-ttpvhcc", kVanSonAgency));
  ExpectDenied(Post("cv.vanson", "/api/v1/dossiers/" + duplicate + "/cancel", {{"reason", "x"}}), "role");
  EXPECT_EQ(Act("gd.vanson", duplicate, "cancel", {{"reason", "Nhập trùng"}})["status"], "cancelled");
  // What may not happen in the current status is a 409 naming why, and writes nothing.
  const json closed = Act("tn.vanson", duplicate, "withdraw", {{"reason", "x"}}, 409);
  EXPECT_EQ(closed["error"]["code"], "failed_precondition");
}

TEST_F(DossierApiTest, ListsFilterAndPageWithinTheAccountsScope) {
  std::set<std::string> van_son, boundaryless, thuc_phan;
  for (int i = 0; i < 5; ++i) van_son.insert(Receive("tn.vanson", Intake("vs-ttpvhcc", kVanSonAgency)));
  for (int i = 0; i < 2; ++i) boundaryless.insert(Receive("tn.vanson", Intake("vs-ttpvhcc", kHoaBinhAgency, kBinhId)));
  thuc_phan.insert(Receive("tn.thucphan", Intake("tp-ttpvhcc", kThucPhanAgency)));

  // Paging with a small limit returns every dossier in scope exactly once, in code order.
  std::vector<std::string> paged;
  std::string target = "/api/v1/dossiers?limit=2";
  for (int guard = 0; guard < 10; ++guard) {
    const json page = Get("tn.vanson", target).Json();
    for (const json& item : page["items"]) paged.push_back(item["code"]);
    if (page["next_cursor"].is_null()) break;
    target = "/api/v1/dossiers?limit=2&cursor=" + page["next_cursor"].get<std::string>();
  }
  std::set<std::string> expected = van_son;
  expected.insert(boundaryless.begin(), boundaryless.end());
  EXPECT_EQ(std::set<std::string>(paged.begin(), paged.end()), expected);
  EXPECT_EQ(paged.size(), expected.size());
  EXPECT_TRUE(std::ranges::is_sorted(paged));

  // Each side sees its own; the province sees both communes; the other province sees its own.
  EXPECT_EQ(CodesIn(Get("tn.hoabinh", "/api/v1/dossiers").Json()), boundaryless);
  EXPECT_EQ(CodesIn(Get("gs.phutho", "/api/v1/dossiers").Json()), expected);
  EXPECT_EQ(CodesIn(Get("gs.caobang", "/api/v1/dossiers").Json()), thuc_phan);
  EXPECT_EQ(CodesIn(Get("cd.binh", "/api/v1/dossiers").Json()), boundaryless);
  EXPECT_EQ(Get("admin", "/api/v1/dossiers").Json()["items"].size(), 8u);
  // A filter narrows the scope and never widens it.
  EXPECT_EQ(CodesIn(Get("tn.vanson", std::string("/api/v1/dossiers?agency=") + kHoaBinhAgency).Json()), boundaryless);
  EXPECT_EQ(CodesIn(Get("tn.vanson", std::string("/api/v1/dossiers?unit=") + kThucPhan).Json()),
            std::set<std::string>{});
  EXPECT_EQ(CodesIn(Get("tn.vanson", std::string("/api/v1/dossiers?applicant_id=") + kBinhId).Json()), boundaryless);
  EXPECT_EQ(CodesIn(Get("tn.vanson", "/api/v1/dossiers?status=submitted,returned").Json()), std::set<std::string>{});
  EXPECT_EQ(CodesIn(Get("tn.vanson", "/api/v1/dossiers?status=processing&procedure=1.004194").Json()), expected);
  EXPECT_EQ(CodesIn(Get("tn.vanson",
                        "/api/v1/dossiers?due_from=2026-01-15T08:00:00%2B07:00&due_to=2026-01-15T08:00:01%2B07:00")
                        .Json()),
            expected);
  EXPECT_EQ(CodesIn(Get("tn.vanson", "/api/v1/dossiers?due_to=2026-01-15T08:00:00%2B07:00").Json()),
            std::set<std::string>{});

  const std::string one = *van_son.begin();
  Act("ld.vanson", one, "assign", {{"step", "Thẩm định"}, {"assignee", "cv.vanson"}});
  EXPECT_EQ(CodesIn(Get("gd.vanson", "/api/v1/dossiers?assignee=cv.vanson").Json()), std::set<std::string>{one});

  for (const auto& [target_with_bad, field] :
       std::vector<std::pair<std::string, std::string>>{{"/api/v1/dossiers?status=open", "status"},
                                                        {"/api/v1/dossiers?limit=0", "limit"},
                                                        {"/api/v1/dossiers?limit=501", "limit"},
                                                        {"/api/v1/dossiers?order=name", "order"},
                                                        {"/api/v1/dossiers?due_from=tomorrow", "due_from"},
                                                        {"/api/v1/dossiers?cursor=zzz", "cursor"},
                                                        {"/api/v1/dossiers?sort=code", "sort"},
                                                        {"/api/v1/inbox?status=processing", "status"}}) {
    const HttpReply reply = Get("tn.vanson", target_with_bad);
    EXPECT_EQ(reply.status, 400u) << target_with_bad << ": " << reply.body;
    EXPECT_EQ(reply.Json()["error"]["field"], field) << target_with_bad;
  }
}

TEST_F(DossierApiTest, InboxIsOrderedByAppointment) {
  const std::string first = Receive("tn.vanson", Intake("vs-ttpvhcc", kVanSonAgency));
  server_->clock().Set(At("2026-01-12T14:00:00+07:00"));
  const std::string second = Receive("tn.vanson", Intake("vs-ttpvhcc", kVanSonAgency));
  server_->clock().Set(At("2026-01-13T09:00:00+07:00"));
  for (const std::string& code : {second, first}) {
    Act("ld.vanson", code, "assign", {{"step", "Thẩm định"}, {"assignee", "cv.vanson"}});
  }
  const json inbox = Get("cv.vanson", "/api/v1/inbox").Json();
  ASSERT_EQ(inbox["items"].size(), 2u);
  EXPECT_EQ(inbox["items"][0]["code"], first);
  EXPECT_EQ(inbox["items"][1]["code"], second);
  // The leader's inbox is the unit's open work; another unit's specialist has nothing.
  EXPECT_EQ(Get("ld.vanson", "/api/v1/inbox").Json()["items"].size(), 2u);
  EXPECT_TRUE(Get("cv.hoabinh", "/api/v1/inbox").Json()["items"].empty());
  // Past the appointment, the list says overdue.
  server_->clock().Set(At("2026-01-20T09:00:00+07:00"));
  EXPECT_EQ(Get("cv.vanson", "/api/v1/inbox").Json()["items"][0]["overdue"], true);
}

TEST_F(DossierApiTest, AnIdempotencyKeyMakesARetryReturnTheFirstAnswer) {
  const std::vector<std::pair<std::string, std::string>> key = {{"Idempotency-Key", "3f9c2a10-counter-7"}};
  const HttpReply first = Post("tn.vanson", "/api/v1/dossiers", Intake("vs-ttpvhcc", kVanSonAgency), key);
  ASSERT_EQ(first.status, 201u) << first.body;
  const HttpReply retry = Post("tn.vanson", "/api/v1/dossiers", Intake("vs-ttpvhcc", kVanSonAgency), key);
  EXPECT_EQ(retry.status, 201u);
  EXPECT_EQ(retry.body, first.body);
  EXPECT_EQ(retry.Header("idempotent-replayed"), "true");
  EXPECT_EQ(Snapshot().size(), 1u);

  const HttpReply other_body = Post("tn.vanson", "/api/v1/dossiers", Intake("vs-ttpvhcc", kHoaBinhAgency), key);
  EXPECT_EQ(other_body.status, 409u);
  EXPECT_EQ(other_body.Json()["error"]["field"], "idempotency_key");
  // Keys belong to a login: another receptionist's same key is a new request.
  const HttpReply elsewhere = Post("tn.hoabinh", "/api/v1/dossiers", Intake("hb-ttpvhcc", kHoaBinhAgency), key);
  EXPECT_EQ(elsewhere.status, 201u);
  EXPECT_EQ(Snapshot().size(), 2u);
  const HttpReply bad_key = Post("tn.vanson", "/api/v1/dossiers", Intake("vs-ttpvhcc", kVanSonAgency),
                                 {{"Idempotency-Key", std::string(129, 'k')}});
  EXPECT_EQ(bad_key.Json()["error"]["field"], "idempotency_key");
  EXPECT_EQ(Snapshot().size(), 2u);
}

// A refusal keeps nothing under its key (a denial writes nothing, not even an idempotency row), and a retry
// with the same key after the dossier changed runs again instead of replaying the stale refusal.
TEST_F(DossierApiTest, AnIdempotencyKeyKeepsNoRefusal) {
  const std::string code = Receive("tn.vanson", Intake("vs-ttpvhcc", kVanSonAgency));
  const std::string actions = "/api/v1/dossiers/" + code + "/";
  const auto before = test_support::FingerprintDatabase(server_->spec());
  const std::vector<std::pair<std::string, std::string>> key = {{"Idempotency-Key", "b7e1-citizen-supplement"}};
  const json supplement = {{"components", json::array({{{"seq", 0}, {"name", "Hợp đồng thuê nhà"}, {"copies", 1}}})}};
  // 409: nothing was asked for yet. 403: another citizen. 400: the assignee is of another unit.
  EXPECT_EQ(Post("cd.an", actions + "supplement", supplement, key).status, 409u);
  ExpectDenied(Post("cd.binh", actions + "supplement", supplement, key), "applicant");
  const HttpReply wrong_assignee =
      Post("ld.vanson", actions + "assign", {{"step", "Thẩm định"}, {"assignee", "cv.hoabinh"}}, key);
  EXPECT_EQ(wrong_assignee.status, 400u) << wrong_assignee.body;
  EXPECT_EQ(test_support::FingerprintDatabase(server_->spec()), before);

  Act("cv.vanson", code, "request-supplement", {{"reason", "Thiếu giấy tờ chứng minh chỗ ở"}});
  const HttpReply supplied = Post("cd.an", actions + "supplement", supplement, key);
  EXPECT_EQ(supplied.status, 200u) << supplied.body;
  EXPECT_EQ(supplied.Header("idempotent-replayed"), "");
  EXPECT_EQ(supplied.Json()["status"], "processing");
  // The success is kept: the same retry now replays it.
  const HttpReply again = Post("cd.an", actions + "supplement", supplement, key);
  EXPECT_EQ(again.Header("idempotent-replayed"), "true");
  EXPECT_EQ(again.body, supplied.body);
}

TEST_F(DossierApiTest, EveryRouteNeedsALoginAndEveryDenialIsLogged) {
  const std::string code = Receive("tn.vanson", Intake("vs-ttpvhcc", kVanSonAgency));
  for (const auto& [pattern, method] : server_->routes()) {
    if (pattern.find("/dossiers") == std::string::npos && pattern != "/api/v1/inbox" &&
        pattern != "/api/v1/submissions") {
      continue;
    }
    std::string target = pattern;
    if (auto at = target.find("{code}"); at != std::string::npos) target.replace(at, 6, code);
    const HttpReply reply = server_->Send(method, target, "{}");
    EXPECT_EQ(reply.status, 401u) << pattern;
    EXPECT_EQ(reply.Json()["error"]["code"], "unauthenticated") << pattern;
  }

  std::ostringstream log;
  auto previous = spdlog::default_logger();
  spdlog::set_default_logger(
      std::make_shared<spdlog::logger>("test", std::make_shared<spdlog::sinks::ostream_sink_mt>(log)));
  ExpectDenied(Get("tn.hoabinh", "/api/v1/dossiers/" + code), "unit");
  spdlog::default_logger()->flush();
  spdlog::set_default_logger(previous);
  EXPECT_NE(log.str().find("access_denied request_id="), std::string::npos) << log.str();
  EXPECT_NE(log.str().find("login=\"tn.hoabinh\" role=\"receptionist\" method=\"GET\" target=\"/api/v1/dossiers/" +
                           code + "\" field=\"unit\" reason=\""),
            std::string::npos)
      << log.str();
}

// Bad requests of every kind, on every POST route, as an account that could otherwise act: each gets a 4xx
// naming a field, the server keeps answering, and the store is exactly as before.
TEST_F(DossierApiTest, BadRequestsNeverWriteAnything) {
  const std::string code = Receive("tn.vanson", Intake("vs-ttpvhcc", kVanSonAgency));
  const auto before = test_support::FingerprintDatabase(server_->spec());
  std::vector<std::string> targets = {"/api/v1/dossiers", "/api/v1/submissions"};
  for (const auto& [pattern, method] : server_->routes()) {
    if (method == Method::post && pattern.starts_with("/api/v1/dossiers/{code}/")) {
      targets.push_back("/api/v1/dossiers/" + code + pattern.substr(std::string("/api/v1/dossiers/{code}").size()));
    }
  }
  ASSERT_EQ(targets.size(), 20u);  // the actions, and sign-result
  const std::string valid = Intake("vs-ttpvhcc", kVanSonAgency).dump();
  std::vector<std::string> bodies = {
      "",
      "{",
      "[]",
      "null",
      "\"text\"",
      "{\"reason\":\"x\",\"unknown_field\":1}",
      "{\"reason\":12}",
      "{\"reason\":\"\xC3\x28\"}",
      "{\"reason\":\"" + std::string(5000, 'a') + "\"}",
      std::string(20000, '[') + std::string(20000, ']'),
      valid.substr(0, valid.size() / 2),
      valid.substr(0, valid.size() - 1) + ",\"extra\":true}",
      "{\"amount\":-5,\"method\":\"counter\"}",
      "{\"score\":6}",
      "{\"method\":\"pigeon\"}",
      "{\"new_due_at\":\"tomorrow\",\"reason\":\"x\"}",
  };
  std::mt19937 random(20260112);
  for (int i = 0; i < 60; ++i) {
    std::string noise(random() % 200, ' ');
    for (char& c : noise) c = static_cast<char>(random() % 256);
    bodies.push_back(noise);
  }
  for (const std::string& target : targets) {
    for (const std::string& body : bodies) {
      const HttpReply reply = server_->Send(Method::post, target, body, TokenOf("ld.vanson"));
      ASSERT_GE(reply.status, 400u) << target << " " << body.substr(0, 80) << ": " << reply.body;
      ASSERT_LT(reply.status, 500u) << target << " " << body.substr(0, 80) << ": " << reply.body;
      ASSERT_FALSE(reply.Json().is_discarded()) << reply.body;
      EXPECT_TRUE(reply.Json()["error"].contains("field")) << reply.body;
    }
  }
  // An oversized body is refused by the server before any handler.
  const HttpReply huge =
      server_->Send(Method::post, "/api/v1/dossiers", std::string(3 << 20, 'x'), TokenOf("tn.vanson"));
  EXPECT_EQ(huge.status, 413u);
  EXPECT_EQ(test_support::FingerprintDatabase(server_->spec()), before);
  EXPECT_EQ(server_->Get("/healthz").status, 200u);
  auto store = server_->OpenStore();
  EXPECT_FALSE(store->VerifyDossierChains().value().has_value());
}

TEST_F(DossierApiTest, ReportsFollowTheDossiersAndAreScopedLikeThem) {
  const std::string early = Receive("tn.vanson", Intake("vs-ttpvhcc", kVanSonAgency));
  Receive("tn.vanson", Intake("vs-ttpvhcc", kHoaBinhAgency));
  server_->clock().Set(At("2026-01-13T09:00:00+07:00"));
  Act("ld.vanson", early, "approve", {{"result", "Xác nhận"}});
  server_->clock().Set(At("2026-02-02T09:00:00+07:00"));

  const std::string january = "/api/v1/reports?unit=05152&from=2026-01-01&to=2026-01-31";
  const HttpReply report = Get("gd.vanson", january + "&by=procedure");
  ASSERT_EQ(report.status, 200u) << report.body;
  const json total = report.Json()["total"];
  EXPECT_EQ(total["received_total"], 2);
  EXPECT_EQ(total["resolved_early"], 1);
  EXPECT_EQ(total["in_progress_overdue"], 1);  // due 15 January, still open at the end of the month
  EXPECT_EQ(total["received_boundaryless"], 1);
  EXPECT_EQ(report.Json()["rows"][0]["key"], kResidence);
  EXPECT_EQ(report.Json()["index_766"]["groups"][1]["identifier"], "progress");
  // Split by official, the balance columns are not kept: null, where the table and the spreadsheet show "—".
  const json by_official = Get("gd.vanson", january + "&by=official").Json();
  ASSERT_FALSE(by_official["rows"].empty()) << by_official.dump();
  for (const json& row : by_official["rows"]) {
    for (const char* column : {"received_total", "carried_over", "in_progress_total", "in_progress_within_deadline",
                               "in_progress_overdue"}) {
      EXPECT_TRUE(row["figures"][column].is_null()) << row["key"] << " " << column;
    }
    EXPECT_TRUE(row["figures"]["received_online"].is_number()) << row["key"];
  }
  EXPECT_EQ(by_official["total"]["received_total"], 2) << "the total keeps its balances";
  // The competent side of Hòa Bình sees the boundaryless one only.
  const json decided =
      Get("ld.hoabinh", "/api/v1/reports?unit=04795&side=competent&from=2026-01-01&to=2026-01-31").Json();
  EXPECT_EQ(decided["total"]["received_total"], 1);

  ExpectDenied(Get("tn.vanson", january), "role");
  ExpectDenied(Get("cd.an", january), "role");
  ExpectDenied(Get("ld.hoabinh", january), "unit");
  ExpectDenied(Get("gs.caobang", january), "unit");
  EXPECT_EQ(Get("gs.phutho", january).status, 200u);
  EXPECT_EQ(
      Get("gs.phutho", "/api/v1/reports?province=25&from=2026-01-01&to=2026-01-31").Json()["total"]["received_total"],
      2);
  const HttpReply csv = Get("admin", january + "&format=csv");
  EXPECT_EQ(csv.status, 200u);
  EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.Header("content-disposition").find("attachment"), std::string::npos);
  const json ranking = Get("gs.phutho", "/api/v1/reports/ranking?province=25&from=2026-01-01&to=2026-01-31").Json();
  ASSERT_FALSE(ranking["items"].empty());
  EXPECT_EQ(ranking["items"][0]["unit"], kVanSon);
  EXPECT_EQ(ranking["items"][0]["rank"], 1);
  for (const auto& [target, field] : std::vector<std::pair<std::string, std::string>>{
           {"/api/v1/reports?unit=05152&from=2026-01-01", "to"},
           {"/api/v1/reports?unit=05152&from=2026-02-30&to=2026-03-01", "from"},
           {"/api/v1/reports?unit=05152&from=2026-01-01&to=2026-01-31&by=month", "by"},
           {"/api/v1/reports?unit=05152&from=2026-01-01&to=2026-01-31&format=xlsx", "format"},
           {"/api/v1/reports?unit=05152&province=25&from=2026-01-01&to=2026-01-31", "unit"},
           {"/api/v1/reports?unit=05152&from=2026-02-01&to=2026-01-31", "to"}}) {
    const HttpReply bad = Get("admin", target);
    EXPECT_EQ(bad.status, 400u) << target << ": " << bad.body;
    EXPECT_EQ(bad.Json()["error"]["field"], field) << target;
  }
}

TEST_F(DossierApiTest, TheAdministratorKeepsTheRegisterOfAgenciesAndPoints) {
  const json agency = {{"id", "000.00.32.H52"}, {"name", "UBND xã Mường Bi"}, {"unit", "05158"}};
  ExpectDenied(Post("tn.vanson", "/api/v1/agencies", agency), "role");
  const HttpReply saved = Post("admin", "/api/v1/agencies", agency);
  ASSERT_EQ(saved.status, 200u) << saved.body;
  const json agencies = server_->Get("/api/v1/agencies?unit=05158").Json();
  ASSERT_EQ(agencies["items"].size(), 1u);
  EXPECT_EQ(agencies["items"][0]["name"], "UBND xã Mường Bi");

  const json point = {
      {"id", "mb-ttpvhcc"}, {"name", "Bộ phận một cửa xã Mường Bi"}, {"unit", "05158"}, {"agency_id", "000.00.32.H52"}};
  EXPECT_EQ(Post("admin", "/api/v1/receiving-points", point).status, 200u);
  EXPECT_EQ(server_->Get("/api/v1/receiving-points?unit=05158").Json()["items"][0]["id"], "mb-ttpvhcc");

  json unknown_agency = point;
  unknown_agency["agency_id"] = "000.00.99.H99";
  EXPECT_EQ(Post("admin", "/api/v1/receiving-points", unknown_agency).Json()["error"]["field"], "agency_id");
  json unknown_unit = agency;
  unknown_unit["unit"] = "99999";
  EXPECT_EQ(Post("admin", "/api/v1/agencies", unknown_unit).Json()["error"]["field"], "unit");
  json extra = agency;
  extra["boss"] = "x";
  EXPECT_EQ(Post("admin", "/api/v1/agencies", extra).Json()["error"]["field"], "boss");
  EXPECT_EQ(server_->Get("/api/v1/agencies?unit=5158").Json()["error"]["field"], "unit");
}

}  // namespace
}  // namespace motcua::http
