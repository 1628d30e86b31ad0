// The dossier endpoints' bodies (src/http/dossier_requests.h): each valid body gives the payload written out
// below, and each kind of bad body is refused naming the exact path of the culprit.
#include "http/dossier_requests.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <variant>

namespace motcua::http {
namespace {

using std::chrono::hours;
using std::chrono::sys_days;
using std::chrono::year;

std::string Repeated(std::string_view part, int times) {
  std::string text;
  for (int i = 0; i < times; ++i) text += part;
  return text;
}

template <typename Payload>
Payload ParsedAction(DossierAction action, std::string_view body) {
  Result<EventPayload> payload = ParseActionRequest(action, body);
  EXPECT_TRUE(payload.has_value()) << body << ": " << payload.error().field << " " << payload.error().message_en;
  if (!payload) return Payload{};
  EXPECT_TRUE(std::holds_alternative<Payload>(*payload)) << body;
  return std::holds_alternative<Payload>(*payload) ? std::get<Payload>(*payload) : Payload{};
}

// --- Intake and accept -------------------------------------------------------------------------------------------

TEST(IntakeRequestTest, AFullBodyGivesEveryField) {
  Result<IntakeRequest> request = ParseIntakeRequest(R"({
    "procedure_code": "1.004194",
    "channel": "online",
    "applicant": {"name": "Nguyễn Văn An", "citizen_id": "025099012345", "phone": "0912345678",
                  "email": "an@example.vn", "address": "Xóm Đồng, Vân Sơn", "organisation": "Công ty TNHH An Bình"},
    "components": [{"seq": 1, "name": "Tờ khai", "originals": 1, "copies": 0},
                   {"seq": 0, "name": "Giấy ủy quyền", "originals": 0, "copies": 2}],
    "receiving_point": "05152-ttpvhcc",
    "competent_agency": "000.00.25.H52",
    "processing_time": {"amount": 0.5, "unit": "working_day"}
  })");
  ASSERT_TRUE(request.has_value()) << request.error().field << " " << request.error().message_en;
  EXPECT_EQ(request->procedure_code, "1.004194");
  EXPECT_EQ(request->channel, Channel::kOnline);
  EXPECT_EQ(request->applicant.name, "Nguyễn Văn An");
  EXPECT_EQ(request->applicant.citizen_id, "025099012345");
  EXPECT_EQ(request->applicant.phone, "0912345678");
  EXPECT_EQ(request->applicant.email, "an@example.vn");
  EXPECT_EQ(request->applicant.address, "Xóm Đồng, Vân Sơn");
  EXPECT_EQ(request->applicant.organisation, "Công ty TNHH An Bình");
  ASSERT_EQ(request->components.size(), 2u);
  EXPECT_EQ(request->components[0].seq, 1);
  EXPECT_EQ(request->components[0].name, "Tờ khai");
  EXPECT_EQ(request->components[0].originals, 1);
  EXPECT_EQ(request->components[0].copies, 0);
  EXPECT_EQ(request->components[1].seq, 0);
  EXPECT_EQ(request->components[1].name, "Giấy ủy quyền");
  EXPECT_EQ(request->components[1].originals, 0);
  EXPECT_EQ(request->components[1].copies, 2);
  EXPECT_EQ(request->receiving_point, "05152-ttpvhcc");
  EXPECT_EQ(request->competent_agency, "000.00.25.H52");
  ASSERT_TRUE(request->processing_time.has_value());
  EXPECT_EQ(request->processing_time->amount, 0.5);
  EXPECT_EQ(request->processing_time->unit, TimeUnit::kWorkingDay);
}

TEST(IntakeRequestTest, AMinimalBodyLeavesTheOptionalFieldsUnset) {
  Result<IntakeRequest> request = ParseIntakeRequest(
      R"({"procedure_code": "1.004194", "applicant": {"name": "Nguyễn Văn An"}, "competent_agency": "000.00.25.H52"})");
  ASSERT_TRUE(request.has_value()) << request.error().field << " " << request.error().message_en;
  EXPECT_EQ(request->procedure_code, "1.004194");
  EXPECT_EQ(request->channel, std::nullopt);
  EXPECT_EQ(request->applicant.name, "Nguyễn Văn An");
  EXPECT_EQ(request->applicant.citizen_id, "");
  EXPECT_EQ(request->applicant.phone, "");
  EXPECT_EQ(request->applicant.email, "");
  EXPECT_EQ(request->applicant.address, "");
  EXPECT_EQ(request->applicant.organisation, "");
  EXPECT_TRUE(request->components.empty());
  EXPECT_EQ(request->receiving_point, "");
  EXPECT_EQ(request->competent_agency, "000.00.25.H52");
  EXPECT_EQ(request->processing_time, std::nullopt);
}

TEST(IntakeRequestTest, ChannelsUnitsAndComponentDefaults) {
  Result<IntakeRequest> request = ParseIntakeRequest(
      R"({"procedure_code": "2.000001", "channel": "postal", "applicant": {"name": "Trần Thị Bình"},
          "components": [{"seq": 3}], "competent_agency": "000.00.25.H52",
          "processing_time": {"amount": 8, "unit": "hour"}})");
  ASSERT_TRUE(request.has_value()) << request.error().field << " " << request.error().message_en;
  EXPECT_EQ(request->channel, Channel::kPostal);
  ASSERT_EQ(request->components.size(), 1u);
  EXPECT_EQ(request->components[0].seq, 3);
  EXPECT_EQ(request->components[0].name, "");
  EXPECT_EQ(request->components[0].originals, 0);
  EXPECT_EQ(request->components[0].copies, 0);
  ASSERT_TRUE(request->processing_time.has_value());
  EXPECT_EQ(request->processing_time->amount, 8);
  EXPECT_EQ(request->processing_time->unit, TimeUnit::kWorkingHour);

  struct Unit {
    const char* name;
    TimeUnit unit;
  };
  const Unit units[] = {{"working_day", TimeUnit::kWorkingDay},
                        {"day", TimeUnit::kDay},
                        {"working_hour", TimeUnit::kWorkingHour},
                        {"hour", TimeUnit::kWorkingHour},
                        {"month", TimeUnit::kMonth}};
  for (const Unit& u : units) {
    SCOPED_TRACE(u.name);
    auto accept =
        ParseAcceptRequest(std::string(R"({"processing_time": {"amount": 3650, "unit": ")") + u.name + "\"}}");
    ASSERT_TRUE(accept.has_value()) << accept.error().field << " " << accept.error().message_en;
    ASSERT_TRUE(accept->processing_time.has_value());
    EXPECT_EQ(accept->processing_time->amount, 3650);
    EXPECT_EQ(accept->processing_time->unit, u.unit);
  }
  const std::pair<const char*, Channel> channels[] = {
      {"direct", Channel::kDirect}, {"online", Channel::kOnline}, {"postal", Channel::kPostal}};
  for (const auto& [name, channel] : channels) {
    SCOPED_TRACE(name);
    auto intake = ParseIntakeRequest(std::string(R"({"procedure_code": "1", "channel": ")") + name +
                                     R"(", "applicant": {"name": "A"}, "competent_agency": "X"})");
    ASSERT_TRUE(intake.has_value()) << intake.error().field << " " << intake.error().message_en;
    EXPECT_EQ(intake->channel, channel);
  }
}

TEST(AcceptRequestTest, EveryFieldIsOptionalAndAnEmptyBodyIsAnEmptyObject) {
  Result<AcceptRequest> full =
      ParseAcceptRequest(R"({"receiving_point": "05152-ttpvhcc", "processing_time": {"amount": 15, "unit": "day"}})");
  ASSERT_TRUE(full.has_value()) << full.error().field << " " << full.error().message_en;
  EXPECT_EQ(full->receiving_point, "05152-ttpvhcc");
  ASSERT_TRUE(full->processing_time.has_value());
  EXPECT_EQ(full->processing_time->amount, 15);
  EXPECT_EQ(full->processing_time->unit, TimeUnit::kDay);
  for (const char* body : {"", "{}", " \n"}) {
    SCOPED_TRACE(std::string("[") + body + "]");
    Result<AcceptRequest> empty = ParseAcceptRequest(body);
    ASSERT_TRUE(empty.has_value()) << empty.error().field << " " << empty.error().message_en;
    EXPECT_EQ(empty->receiving_point, "");
    EXPECT_EQ(empty->processing_time, std::nullopt);
  }
}

// --- The other actions ---------------------------------------------------------------------------------------------

TEST(ActionRequestTest, ReasonOnlyActionsGiveTheirPayloads) {
  EXPECT_EQ(
      ParsedAction<ReceptionRefused>(DossierAction::kRefuseReception, R"({"reason": "Hồ sơ không thuộc thẩm quyền"})")
          .reason,
      "Hồ sơ không thuộc thẩm quyền");
  EXPECT_EQ(ParsedAction<Refused>(DossierAction::kRefuse, R"({"reason": "Không đủ điều kiện"})").reason,
            "Không đủ điều kiện");
  EXPECT_EQ(ParsedAction<Refused>(DossierAction::kRefuse, R"({"reason": "Không đủ điều kiện"})").kind,
            RefusalKind::kRefused);
  EXPECT_EQ(
      ParsedAction<Refused>(DossierAction::kRefuse, R"({"reason": "Quá hạn bổ sung", "kind": "not_supplemented"})")
          .kind,
      RefusalKind::kNotSupplemented);
  EXPECT_EQ(ParsedAction<Refused>(DossierAction::kRefuse, R"({"reason": "Sai", "kind": "refused"})").kind,
            RefusalKind::kRefused);
  EXPECT_EQ(ParsedAction<Withdrawn>(DossierAction::kWithdraw, R"({"reason": "Người nộp rút hồ sơ"})").reason,
            "Người nộp rút hồ sơ");
  EXPECT_EQ(ParsedAction<Cancelled>(DossierAction::kCancel, R"({"reason": " Nhập trùng "})").reason, " Nhập trùng ")
      << "kept as written";
}

TEST(ActionRequestTest, StepsGiveTheirPayloads) {
  const StepAssigned assigned = ParsedAction<StepAssigned>(
      DossierAction::kAssignStep,
      R"({"step": "thẩm định", "assignee": "tran.van.binh", "role": "specialist", "agency": "000.00.25.H52"})");
  EXPECT_EQ(assigned.step, "thẩm định");
  EXPECT_EQ(assigned.assignee, "tran.van.binh");
  EXPECT_EQ(assigned.role, "specialist");
  EXPECT_EQ(assigned.agency, "000.00.25.H52");
  const StepAssigned minimal =
      ParsedAction<StepAssigned>(DossierAction::kAssignStep, R"({"step": "phê duyệt", "assignee": "le.van.cuong"})");
  EXPECT_EQ(minimal.step, "phê duyệt");
  EXPECT_EQ(minimal.assignee, "le.van.cuong");
  EXPECT_EQ(minimal.role, "");
  EXPECT_EQ(minimal.agency, "");

  const StepCompleted completed =
      ParsedAction<StepCompleted>(DossierAction::kCompleteStep, R"({"step": "thẩm định", "note": "Đạt yêu cầu"})");
  EXPECT_EQ(completed.step, "thẩm định");
  EXPECT_EQ(completed.note, "Đạt yêu cầu");
  EXPECT_EQ(ParsedAction<StepCompleted>(DossierAction::kCompleteStep, R"({"step": "thẩm định"})").note, "");
}

TEST(ActionRequestTest, TransferLeavesTheUnitToTheUseCase) {
  const Transferred transferred = ParsedAction<Transferred>(
      DossierAction::kTransfer, R"({"to_agency": "000.00.01.H52", "reason": "Liên thông với Sở Tư pháp"})");
  EXPECT_EQ(transferred.to_agency, "000.00.01.H52");
  EXPECT_EQ(transferred.reason, "Liên thông với Sở Tư pháp");
  EXPECT_EQ(transferred.to_unit, "");
}

TEST(ActionRequestTest, SupplementsGiveTheirPayloads) {
  const SupplementRequested requested = ParsedAction<SupplementRequested>(
      DossierAction::kRequestSupplement,
      R"({"reason": "Thiếu giấy tờ", "missing": ["Bản sao căn cước", "Tờ khai có chữ ký"]})");
  EXPECT_EQ(requested.reason, "Thiếu giấy tờ");
  EXPECT_EQ(requested.missing, (std::vector<std::string>{"Bản sao căn cước", "Tờ khai có chữ ký"}));
  EXPECT_TRUE(
      ParsedAction<SupplementRequested>(DossierAction::kRequestSupplement, R"({"reason": "Thiếu"})").missing.empty());

  const Supplemented supplemented = ParsedAction<Supplemented>(
      DossierAction::kSupplement, R"({"components": [{"seq": 2, "name": "Bản sao căn cước", "copies": 1}]})");
  ASSERT_EQ(supplemented.components.size(), 1u);
  EXPECT_EQ(supplemented.components[0].seq, 2);
  EXPECT_EQ(supplemented.components[0].name, "Bản sao căn cước");
  EXPECT_EQ(supplemented.components[0].originals, 0);
  EXPECT_EQ(supplemented.components[0].copies, 1);
  EXPECT_EQ(supplemented.due_at, Instant{});
  EXPECT_TRUE(ParsedAction<Supplemented>(DossierAction::kSupplement, "").components.empty());
  EXPECT_TRUE(ParsedAction<Supplemented>(DossierAction::kSupplement, "{}").components.empty());
}

TEST(ActionRequestTest, ExtendReadsTheNewAppointment) {
  const Extended extended = ParsedAction<Extended>(
      DossierAction::kExtend, R"({"reason": "Cần xác minh thêm", "new_due_at": "2026-12-01T17:00:00+07:00"})");
  EXPECT_EQ(extended.reason, "Cần xác minh thêm");
  EXPECT_EQ(extended.new_due_at, Instant{sys_days{year{2026} / 12 / 1} + hours{10}});
  EXPECT_EQ(ParsedAction<Extended>(DossierAction::kExtend, R"({"reason": "x", "new_due_at": "2026-12-01T10:00:00Z"})")
                .new_due_at,
            Instant{sys_days{year{2026} / 12 / 1} + hours{10}});
}

TEST(ActionRequestTest, ResultsGiveTheirPayloads) {
  const ResultApproved approved = ParsedAction<ResultApproved>(
      DossierAction::kApproveResult, R"({"result": "Giấy xác nhận số 123/GXN", "signer": "Lê Văn Cường"})");
  EXPECT_EQ(approved.result, "Giấy xác nhận số 123/GXN");
  EXPECT_EQ(approved.signer, "Lê Văn Cường");
  EXPECT_EQ(ParsedAction<ResultApproved>(DossierAction::kApproveResult, R"({"result": "Quyết định 5"})").signer, "");

  const ResultReturned posted =
      ParsedAction<ResultReturned>(DossierAction::kReturnResult, R"({"method": "post", "note": "Gửi bưu điện"})");
  EXPECT_EQ(posted.method, ReturnMethod::kPost);
  EXPECT_EQ(posted.note, "Gửi bưu điện");
  EXPECT_EQ(ParsedAction<ResultReturned>(DossierAction::kReturnResult, R"({"method": "counter"})").method,
            ReturnMethod::kCounter);
  EXPECT_EQ(ParsedAction<ResultReturned>(DossierAction::kReturnResult, R"({"method": "online"})").method,
            ReturnMethod::kOnline);
}

TEST(ActionRequestTest, FeesAndPaymentsGiveWholeDong) {
  const FeeAssessed assessed =
      ParsedAction<FeeAssessed>(DossierAction::kAssessFee, R"({"amount": 50000, "description": "Lệ phí cấp giấy"})");
  EXPECT_EQ(assessed.amount, Money::Dong(50000));
  EXPECT_EQ(assessed.description, "Lệ phí cấp giấy");
  EXPECT_EQ(ParsedAction<FeeAssessed>(DossierAction::kAssessFee, R"({"amount": 0, "description": "Miễn phí"})").amount,
            Money::Dong(0));
  EXPECT_EQ(
      ParsedAction<FeeAssessed>(DossierAction::kAssessFee, R"({"amount": 1000000000000, "description": "x"})").amount,
      Money::Dong(1000000000000));

  const FeePaid paid = ParsedAction<FeePaid>(DossierAction::kPayFee,
                                             R"({"amount": 50000, "method": "online", "reference": "VNPAY-123"})");
  EXPECT_EQ(paid.amount, Money::Dong(50000));
  EXPECT_EQ(paid.method, PaymentMethod::kOnline);
  EXPECT_EQ(paid.reference, "VNPAY-123");
  const FeePaid cash = ParsedAction<FeePaid>(DossierAction::kPayFee, R"({"amount": 1, "method": "counter"})");
  EXPECT_EQ(cash.amount, Money::Dong(1));
  EXPECT_EQ(cash.method, PaymentMethod::kCounter);
  EXPECT_EQ(cash.reference, "");
}

TEST(ActionRequestTest, DigitizeAndEvaluateGiveTheirPayloads) {
  const Digitized result =
      ParsedAction<Digitized>(DossierAction::kDigitize, R"({"component_seq": -1, "file": "files/2026/kq-123.pdf"})");
  EXPECT_EQ(result.component_seq, -1);
  EXPECT_EQ(result.file, "files/2026/kq-123.pdf");
  EXPECT_EQ(ParsedAction<Digitized>(DossierAction::kDigitize, R"({"component_seq": 2, "file": "f.pdf"})").component_seq,
            2);

  const Evaluated evaluated =
      ParsedAction<Evaluated>(DossierAction::kEvaluate, R"({"score": 5, "comment": "Rất hài lòng"})");
  EXPECT_EQ(evaluated.score, 5);
  EXPECT_EQ(evaluated.comment, "Rất hài lòng");
  const Evaluated bare = ParsedAction<Evaluated>(DossierAction::kEvaluate, R"({"score": 1})");
  EXPECT_EQ(bare.score, 1);
  EXPECT_EQ(bare.comment, "");
}

TEST(ActionRequestTest, ActionsWithoutAnActionBodyAreRefused) {
  for (DossierAction action :
       {DossierAction::kView, DossierAction::kReceive, DossierAction::kSubmit, DossierAction::kAccept}) {
    Result<EventPayload> payload = ParseActionRequest(action, R"({"reason": "x"})");
    ASSERT_FALSE(payload.has_value());
    EXPECT_EQ(payload.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(payload.error().field, "action");
  }
}

// --- Bad bodies ----------------------------------------------------------------------------------------------------

// Which parser a case goes through: intake, accept, or an action.
enum class Endpoint { kIntake, kAccept, kAction };

struct Target {
  Endpoint endpoint;
  DossierAction action = DossierAction::kView;  // for kAction
};

constexpr Target kIntake{Endpoint::kIntake};
constexpr Target kAccept{Endpoint::kAccept};
constexpr Target Action(DossierAction action) { return {Endpoint::kAction, action}; }

// The error of parsing `body`, or an empty Error when it parses.
Error ErrorOf(Target target, std::string_view body) {
  const auto error_of = [](const auto& result) { return result ? Error{} : result.error(); };
  switch (target.endpoint) {
    case Endpoint::kIntake:
      return error_of(ParseIntakeRequest(body));
    case Endpoint::kAccept:
      return error_of(ParseAcceptRequest(body));
    case Endpoint::kAction:
      return error_of(ParseActionRequest(target.action, body));
  }
  return Error{};
}

struct BadCase {
  Target target;
  std::string body;
  const char* field;
  const char* message_en;
};

std::vector<BadCase> BadCases() {
  using A = DossierAction;
  const std::string applicant = R"("applicant": {"name": "Nguyễn Văn An"})";
  const std::string intake_base = R"("procedure_code": "1.004194", "competent_agency": "000.00.25.H52")";
  const auto intake = [&](const std::string& more) { return "{" + intake_base + ", " + more + "}"; };
  const std::string s301(301, 'a');
  const std::string s501(501, 'a');
  const std::string s2001(2001, 'a');
  const std::string components201 = "[" + Repeated(R"({"seq": 1},)", 200) + R"({"seq": 1}])";
  const std::string missing201 = "[" + Repeated(R"("a",)", 200) + R"("a"])";
  return {
      // intake
      {kIntake, "{" + applicant + R"(, "competent_agency": "X"})", "procedure_code", "is required"},
      {kIntake, R"({"procedure_code": "1", "applicant": {"name": "A"}})", "competent_agency", "is required"},
      {kIntake, "{" + intake_base + "}", "applicant", "is required"},
      {kIntake, intake(R"("applicant": "Nguyễn Văn An")"), "applicant", "must be a JSON object"},
      {kIntake, intake(R"("applicant": {"citizen_id": "025099012345"})"), "applicant.name", "is required"},
      {kIntake, intake(R"("applicant": {"name": " "})"), "applicant.name", "must not be blank"},
      {kIntake, intake(R"("applicant": {"name": "A", "citizen_id": 25099012345})"), "applicant.citizen_id",
       "must be a string"},
      {kIntake, intake(R"("applicant": {"name": "A", "cccd": "025099012345"})"), "applicant.cccd", "unknown field"},
      {kIntake, intake(R"("applicant": {"name": "A", "address": ")" + s2001 + "\"}"), "applicant.address",
       "must be at most 2000 bytes long"},
      {kIntake, intake(R"("applicant": {"name": ")" + s301 + "\"}"), "applicant.name",
       "must be at most 300 bytes long"},
      {kIntake, R"({"procedure_code": ")" + s301 + R"(", "competent_agency": "X", )" + applicant + "}",
       "procedure_code", "must be at most 300 bytes long"},
      {kIntake, R"({"procedure_code": 1004194, "competent_agency": "X", )" + applicant + "}", "procedure_code",
       "must be a string"},
      {kIntake, intake(applicant + R"(, "channel": "counter")"), "channel", "must be one of: direct, online, postal"},
      {kIntake, intake(applicant + R"(, "channel": "Online")"), "channel", "must be one of: direct, online, postal"},
      {kIntake, intake(applicant + R"(, "channel": "")"), "channel", "must not be blank"},
      {kIntake, intake(applicant + R"(, "channel": null)"), "channel", "must be a string"},
      {kIntake, intake(applicant + R"(, "components": {"seq": 1})"), "components", "must be a JSON array"},
      {kIntake, intake(applicant + R"(, "components": [{"seq": 1}, 2])"), "components[1]", "must be a JSON object"},
      {kIntake, intake(applicant + R"(, "components": [{"seq": 1}, {"seq": 2, "copies": 100}])"),
       "components[1].copies", "must be an integer from 0 to 99"},
      {kIntake, intake(applicant + R"(, "components": [{"seq": 1, "originals": 1.5}])"), "components[0].originals",
       "must be an integer from 0 to 99"},
      {kIntake, intake(applicant + R"(, "components": [{"seq": 1, "originals": true}])"), "components[0].originals",
       "must be an integer from 0 to 99"},
      {kIntake, intake(applicant + R"(, "components": [{"seq": -1}])"), "components[0].seq",
       "must be an integer from 0 to 999"},
      {kIntake, intake(applicant + R"(, "components": [{"name": "Tờ khai"}])"), "components[0].seq", "is required"},
      {kIntake, intake(applicant + R"(, "components": [{"seq": 1, "note": "x"}])"), "components[0].note",
       "unknown field"},
      {kIntake, intake(applicant + R"(, "components": )" + components201), "components", "must have at most 200 items"},
      {kIntake, intake(applicant + R"(, "components": [{"seq": 1, "name": ")" + std::string(10001, 'a') + "\"}]"),
       "components[0].name", "must be at most 10000 bytes long"},
      {kIntake, intake(applicant + R"(, "receiving_point": ")" + s301 + "\""), "receiving_point",
       "must be at most 300 bytes long"},
      {kIntake, intake(applicant + R"(, "processing_time": 5)"), "processing_time", "must be a JSON object"},
      {kIntake, intake(applicant + R"(, "processing_time": {"amount": 0, "unit": "day"})"), "processing_time.amount",
       "must be a number greater than 0 and at most 3650"},
      {kIntake, intake(applicant + R"(, "processing_time": {"amount": 3650.5, "unit": "day"})"),
       "processing_time.amount", "must be a number greater than 0 and at most 3650"},
      {kIntake, intake(applicant + R"(, "processing_time": {"amount": "5", "unit": "day"})"), "processing_time.amount",
       "must be a number greater than 0 and at most 3650"},
      {kIntake, intake(applicant + R"(, "processing_time": {"amount": 5, "unit": "week"})"), "processing_time.unit",
       "must be one of: working_day, day, working_hour, hour, month"},
      {kIntake, intake(applicant + R"(, "processing_time": {"amount": 5})"), "processing_time.unit", "is required"},
      {kIntake, intake(applicant + R"(, "processing_time": {"amount": 5, "unit": "day", "days": 5})"),
       "processing_time.days", "unknown field"},
      {kIntake, intake(applicant + R"(, "receiving_unit": "05152")"), "receiving_unit", "unknown field"},
      // accept
      {kAccept, R"({"reason": "x"})", "reason", "unknown field"},
      {kAccept, R"({"receiving_point": 5})", "receiving_point", "must be a string"},
      {kAccept, R"({"processing_time": {"amount": -1, "unit": "day"}})", "processing_time.amount",
       "must be a number greater than 0 and at most 3650"},
      {kAccept, R"({"processing_time": {"unit": "day"}})", "processing_time.amount", "is required"},
      // refuse-reception, refuse, withdraw, cancel
      {Action(A::kRefuseReception), "{}", "reason", "is required"},
      {Action(A::kRefuseReception), R"({"reason": " \n\t "})", "reason", "must not be blank"},
      {Action(A::kRefuseReception), R"({"reason": ")" + s2001 + "\"}", "reason", "must be at most 2000 bytes long"},
      {Action(A::kRefuse), R"({"reason": 5})", "reason", "must be a string"},
      {Action(A::kRefuse), R"({"reason": ""})", "reason", "must not be blank"},
      {Action(A::kRefuse), R"({"reason": "x", "kind": "late"})", "kind", "must be one of: refused, not_supplemented"},
      {Action(A::kRefuse), R"({"reason": "x", "kind": ""})", "kind", "must not be blank"},
      {Action(A::kRefuseReception), R"({"reason": "x", "kind": "refused"})", "kind", "unknown field"},
      {Action(A::kWithdraw), R"({"reason": null})", "reason", "must be a string"},
      {Action(A::kWithdraw), R"({"reason": "x", "by": "citizen"})", "by", "unknown field"},
      {Action(A::kCancel), R"({"reason": "\u200b"})", "reason", "must not be blank"},
      {Action(A::kCancel), R"({"note": "x"})", "note", "unknown field"},
      // assign, complete-step
      {Action(A::kAssignStep), R"({"assignee": "a"})", "step", "is required"},
      {Action(A::kAssignStep), R"({"step": "a"})", "assignee", "is required"},
      {Action(A::kAssignStep), R"({"step": "a", "assignee": "b", "role": ")" + s301 + "\"}", "role",
       "must be at most 300 bytes long"},
      {Action(A::kAssignStep), R"({"step": "a", "assignee": "b", "agency": 52})", "agency", "must be a string"},
      {Action(A::kCompleteStep), R"({"note": "x"})", "step", "is required"},
      {Action(A::kCompleteStep), R"({"step": "a", "note": ")" + s2001 + "\"}", "note",
       "must be at most 2000 bytes long"},
      // transfer
      {Action(A::kTransfer), R"({"reason": "x"})", "to_agency", "is required"},
      {Action(A::kTransfer), R"({"to_agency": "x", "reason": " "})", "reason", "must not be blank"},
      {Action(A::kTransfer), R"({"to_agency": "x", "reason": "y", "to_unit": "05152"})", "to_unit", "unknown field"},
      // request-supplement, supplement
      {Action(A::kRequestSupplement), R"({"missing": ["a"]})", "reason", "is required"},
      {Action(A::kRequestSupplement), R"({"reason": "x", "missing": "Tờ khai"})", "missing", "must be a JSON array"},
      {Action(A::kRequestSupplement), R"({"reason": "x", "missing": ["a", " "]})", "missing[1]", "must not be blank"},
      {Action(A::kRequestSupplement), R"({"reason": "x", "missing": ["a", 2]})", "missing[1]", "must be a string"},
      {Action(A::kRequestSupplement), R"({"reason": "x", "missing": )" + missing201 + "}", "missing",
       "must have at most 200 items"},
      {Action(A::kSupplement), R"({"components": [{"copies": 1}]})", "components[0].seq", "is required"},
      {Action(A::kSupplement), R"({"components": [{"seq": 1, "copies": -1}]})", "components[0].copies",
       "must be an integer from 0 to 99"},
      {Action(A::kSupplement), R"({"due_at": "2026-12-01"})", "due_at", "unknown field"},
      // extend
      {Action(A::kExtend), R"({"new_due_at": "2026-12-01T17:00:00+07:00"})", "reason", "is required"},
      {Action(A::kExtend), R"({"reason": "x"})", "new_due_at", "is required"},
      {Action(A::kExtend), R"({"reason": "x", "new_due_at": "2026-12-01 5pm"})", "new_due_at",
       "'2026-12-01 5pm' is not an ISO 8601 time such as 2026-01-09T16:59:00+07:00"},
      {Action(A::kExtend), R"({"reason": "x", "new_due_at": "2026-02-30T17:00"})", "new_due_at",
       "date '2026-02-30' does not exist"},
      {Action(A::kExtend), R"({"reason": "x", "new_due_at": "01/12/2026"})", "new_due_at",
       "date '01/12/2026' must look like YYYY-MM-DD"},
      {Action(A::kExtend), R"({"reason": "x", "new_due_at": 1764583200})", "new_due_at", "must be a string"},
      // approve, return
      {Action(A::kApproveResult), R"({"signer": "Lê Văn Cường"})", "result", "is required"},
      {Action(A::kApproveResult), R"({"result": "x", "signer": ")" + s301 + "\"}", "signer",
       "must be at most 300 bytes long"},
      {Action(A::kReturnResult), R"({"note": "x"})", "method", "is required"},
      {Action(A::kReturnResult), R"({"method": "email"})", "method", "must be one of: counter, post, online"},
      {Action(A::kReturnResult), R"({"method": "COUNTER"})", "method", "must be one of: counter, post, online"},
      // fees, payments
      {Action(A::kAssessFee), R"({"description": "x"})", "amount", "is required"},
      {Action(A::kAssessFee), R"({"amount": 50000})", "description", "is required"},
      {Action(A::kAssessFee), R"({"amount": -1, "description": "x"})", "amount",
       "must be an integer from 0 to 1000000000000"},
      {Action(A::kAssessFee), R"({"amount": 1000000000001, "description": "x"})", "amount",
       "must be an integer from 0 to 1000000000000"},
      {Action(A::kAssessFee), R"({"amount": 50000.5, "description": "x"})", "amount",
       "must be an integer from 0 to 1000000000000"},
      {Action(A::kAssessFee), R"({"amount": "50.000", "description": "x"})", "amount",
       "must be an integer from 0 to 1000000000000"},
      {Action(A::kPayFee), R"({"amount": 0, "method": "counter"})", "amount",
       "must be an integer from 1 to 1000000000000"},
      {Action(A::kPayFee), R"({"amount": 5, "method": "post"})", "method", "must be one of: counter, online"},
      {Action(A::kPayFee), R"({"amount": 5})", "method", "is required"},
      {Action(A::kPayFee), R"({"amount": 5, "method": "online", "reference": ")" + s301 + "\"}", "reference",
       "must be at most 300 bytes long"},
      // digitize, evaluate
      {Action(A::kDigitize), R"({"file": "f.pdf"})", "component_seq", "is required"},
      {Action(A::kDigitize), R"({"component_seq": -2, "file": "f.pdf"})", "component_seq",
       "must be an integer from -1 to 999"},
      {Action(A::kDigitize), R"({"component_seq": 1})", "file", "is required"},
      {Action(A::kDigitize), R"({"component_seq": 1, "file": ")" + s501 + "\"}", "file",
       "must be at most 500 bytes long"},
      {Action(A::kEvaluate), R"({"comment": "x"})", "score", "is required"},
      {Action(A::kEvaluate), R"({"score": 0})", "score", "must be an integer from 1 to 5"},
      {Action(A::kEvaluate), R"({"score": 6})", "score", "must be an integer from 1 to 5"},
      {Action(A::kEvaluate), R"({"score": 4.5})", "score", "must be an integer from 1 to 5"},
      {Action(A::kEvaluate), R"({"score": true})", "score", "must be an integer from 1 to 5"},
      {Action(A::kEvaluate), R"({"score": 5, "comment": ")" + s2001 + "\"}", "comment",
       "must be at most 2000 bytes long"},
  };
}

TEST(ActionRequestTest, EachBadFieldIsRefusedByItsPath) {
  for (const BadCase& c : BadCases()) {
    SCOPED_TRACE(c.body.substr(0, 160));
    const Error error = ErrorOf(c.target, c.body);
    EXPECT_EQ(error.code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(error.field, c.field);
    EXPECT_EQ(error.message_en, c.message_en);
    EXPECT_FALSE(error.message_vi.empty());
  }
}

// Every endpoint, with a valid body and what the body-level checks do to it.
struct EndpointCase {
  Target target;
  const char* valid;
  const char* duplicate;        // `valid` with a key given twice
  const char* duplicate_field;  // its path
  const char* empty_field;      // the error of an empty body; "" when it is accepted
};

const EndpointCase kEndpoints[] = {
    {kIntake, R"({"procedure_code":"1.004194","applicant":{"name":"An"},"competent_agency":"000.00.25.H52"})",
     R"({"procedure_code":"1.004194","applicant":{"name":"An","name":"Bình"},"competent_agency":"X"})",
     "applicant.name", "procedure_code"},
    {kAccept, R"({"receiving_point":"05152-ttpvhcc"})",
     R"({"receiving_point":"05152-ttpvhcc","processing_time":{"amount":1,"amount":2,"unit":"day"}})",
     "processing_time.amount", ""},
    {Action(DossierAction::kRefuseReception), R"({"reason":"Không thuộc thẩm quyền"})",
     R"({"reason":"a","reason":"b"})", "reason", "reason"},
    {Action(DossierAction::kAssignStep), R"({"step":"thẩm định","assignee":"binh"})",
     R"({"step":"a","assignee":"b","step":"c"})", "step", "step"},
    {Action(DossierAction::kCompleteStep), R"({"step":"thẩm định","note":"Đạt"})",
     R"({"step":"a","note":"b","note":"c"})", "note", "step"},
    {Action(DossierAction::kTransfer), R"({"to_agency":"000.00.01.H52","reason":"Liên thông"})",
     R"({"to_agency":"a","to_agency":"b","reason":"c"})", "to_agency", "to_agency"},
    {Action(DossierAction::kRequestSupplement), R"({"reason":"Thiếu","missing":["Tờ khai"]})",
     R"({"reason":"a","missing":[],"missing":["b"]})", "missing", "reason"},
    {Action(DossierAction::kSupplement), R"({"components":[{"seq":1,"name":"Tờ khai"}]})",
     R"({"components":[{"seq":1},{"seq":2,"copies":1,"copies":2}]})", "components[1].copies", ""},
    {Action(DossierAction::kExtend), R"({"reason":"Xác minh","new_due_at":"2026-12-01T17:00:00+07:00"})",
     R"({"reason":"a","new_due_at":"2026-12-01","new_due_at":"2026-12-02"})", "new_due_at", "reason"},
    {Action(DossierAction::kRefuse), R"({"reason":"Không đủ điều kiện"})", R"({"reason":"a","reason":"a"})", "reason",
     "reason"},
    {Action(DossierAction::kWithdraw), R"({"reason":"Rút hồ sơ"})", R"({"reason":"a","reason":"b"})", "reason",
     "reason"},
    {Action(DossierAction::kCancel), R"({"reason":"Nhập trùng"})", R"({"reason":"a","reason":"b"})", "reason",
     "reason"},
    {Action(DossierAction::kApproveResult), R"({"result":"Quyết định 5","signer":"Cường"})",
     R"({"result":"a","signer":"b","signer":"c"})", "signer", "result"},
    {Action(DossierAction::kReturnResult), R"({"method":"post","note":"Bưu điện"})",
     R"({"method":"post","method":"online"})", "method", "method"},
    {Action(DossierAction::kAssessFee), R"({"amount":50000,"description":"Lệ phí"})",
     R"({"amount":50000,"amount":0,"description":"x"})", "amount", "amount"},
    {Action(DossierAction::kPayFee), R"({"amount":50000,"method":"online","reference":"VNPAY-1"})",
     R"({"amount":1,"method":"online","reference":"a","reference":"b"})", "reference", "amount"},
    {Action(DossierAction::kDigitize), R"({"component_seq":1,"file":"files/a.pdf"})",
     R"({"component_seq":1,"file":"a","file":"b"})", "file", "component_seq"},
    {Action(DossierAction::kEvaluate), R"({"score":4,"comment":"Tốt"})", R"({"score":4,"score":5})", "score", "score"},
};

TEST(ActionRequestTest, EveryEndpointAcceptsItsValidBody) {
  for (const EndpointCase& c : kEndpoints) {
    SCOPED_TRACE(c.valid);
    EXPECT_EQ(ErrorOf(c.target, c.valid).field, "");
    EXPECT_EQ(ErrorOf(c.target, c.valid).message_en, "");
  }
}

TEST(ActionRequestTest, EveryEndpointRefusesABodyThatIsNotOneJsonObject) {
  for (const EndpointCase& c : kEndpoints) {
    SCOPED_TRACE(c.valid);
    const std::string valid = c.valid;
    const std::string bodies[] = {
        "[" + valid + "]",
        "\"" + valid.substr(1, 10) + "\"",
        "null",
        "42",
        valid.substr(0, valid.size() - 1),  // truncated
        valid.substr(0, valid.size() / 2),  // truncated in the middle
        valid + valid,
        valid + ",",
    };
    for (const std::string& body : bodies) {
      SCOPED_TRACE(body);
      EXPECT_EQ(ErrorOf(c.target, body).field, "body");
    }
  }
}

TEST(ActionRequestTest, EveryEndpointRefusesInvalidUtf8InsideAString) {
  for (const EndpointCase& c : kEndpoints) {
    SCOPED_TRACE(c.valid);
    std::string body = c.valid;
    const std::size_t string_value = body.find("\":\"");
    ASSERT_NE(string_value, std::string::npos);
    for (const char* bad : {"\xff", "\xc3", "\xe1\xbb", "\xed\xa0\x80"}) {
      std::string with_bad = body;
      with_bad.insert(string_value + 3, bad);
      EXPECT_EQ(ErrorOf(c.target, with_bad).field, "body");
    }
  }
}

TEST(ActionRequestTest, EveryEndpointRefusesDeeplyNestedBodies) {
  const std::string deep = Repeated("[", 10000) + Repeated("]", 10000);
  for (const EndpointCase& c : kEndpoints) {
    SCOPED_TRACE(c.valid);
    const std::string valid = c.valid;
    EXPECT_EQ(ErrorOf(c.target, Repeated("[", 10000)).field, "body");
    EXPECT_EQ(ErrorOf(c.target, "{\"x\":" + deep + "," + valid.substr(1)).field, "body");
    EXPECT_EQ(ErrorOf(c.target, Repeated("{\"x\":", 10000) + valid + Repeated("}", 10000)).field, "body");
  }
}

TEST(ActionRequestTest, EveryEndpointRefusesAnUnknownField) {
  for (const EndpointCase& c : kEndpoints) {
    SCOPED_TRACE(c.valid);
    const std::string valid = c.valid;
    const Error first = ErrorOf(c.target, R"({"unexpected":1,)" + valid.substr(1));
    EXPECT_EQ(first.field, "unexpected");
    EXPECT_EQ(first.message_en, "unknown field");
    const Error last = ErrorOf(c.target, valid.substr(0, valid.size() - 1) + R"(,"zz":null})");
    EXPECT_EQ(last.field, "zz");
  }
}

TEST(ActionRequestTest, EveryEndpointRefusesAKeyGivenTwice) {
  for (const EndpointCase& c : kEndpoints) {
    SCOPED_TRACE(c.duplicate);
    const Error error = ErrorOf(c.target, c.duplicate);
    EXPECT_EQ(error.field, c.duplicate_field);
    EXPECT_EQ(error.message_en, "the field is given more than once");
  }
}

TEST(ActionRequestTest, AnEmptyBodyNamesTheFirstRequiredFieldOrIsAccepted) {
  for (const EndpointCase& c : kEndpoints) {
    SCOPED_TRACE(c.valid);
    for (const char* body : {"", "{}"}) {
      const Error error = ErrorOf(c.target, body);
      EXPECT_EQ(error.field, c.empty_field);
      if (*c.empty_field != '\0') {
        EXPECT_EQ(error.message_en, "is required");
      }
    }
  }
}

// --- Path segments ---------------------------------------------------------------------------------------------------

TEST(ActionPathSegmentTest, EveryActionWithASegmentRoundTrips) {
  using A = DossierAction;
  const std::pair<DossierAction, std::string_view> expected[] = {
      {A::kAccept, "accept"},         {A::kRefuseReception, "refuse-reception"},
      {A::kAssignStep, "assign"},     {A::kCompleteStep, "complete-step"},
      {A::kTransfer, "transfer"},     {A::kRequestSupplement, "request-supplement"},
      {A::kSupplement, "supplement"}, {A::kExtend, "extend"},
      {A::kRefuse, "refuse"},         {A::kWithdraw, "withdraw"},
      {A::kCancel, "cancel"},         {A::kApproveResult, "approve"},
      {A::kReturnResult, "return"},   {A::kAssessFee, "fees"},
      {A::kPayFee, "payments"},       {A::kDigitize, "digitize"},
      {A::kEvaluate, "evaluate"},
  };
  const std::vector<DossierAction> actions = ActionsWithPathSegment();
  ASSERT_EQ(actions.size(), std::size(expected));
  for (std::size_t i = 0; i < actions.size(); ++i) {
    SCOPED_TRACE(expected[i].second);
    EXPECT_EQ(actions[i], expected[i].first) << "in the order of DossierAction";
    EXPECT_EQ(ActionPathSegment(actions[i]), expected[i].second);
    EXPECT_EQ(ActionFromPathSegment(expected[i].second), expected[i].first);
  }
}

TEST(ActionPathSegmentTest, ActionsWithoutASegmentAndUnknownSegments) {
  for (DossierAction action : {DossierAction::kView, DossierAction::kReceive, DossierAction::kSubmit}) {
    EXPECT_EQ(ActionPathSegment(action), "");
  }
  for (const char* segment : {"", "view", "receive", "submit", "Accept", "accept ", "refuse_reception",
                              "refuse-reception/", "approve-result", "pay", "fee"}) {
    SCOPED_TRACE(segment);
    EXPECT_EQ(ActionFromPathSegment(segment), std::nullopt);
  }
}

}  // namespace
}  // namespace motcua::http
