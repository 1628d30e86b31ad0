#include "domain/dossier_state.h"
#include "support/describe_state.h"

#include <gtest/gtest.h>

#include <array>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace motcua {
namespace {

// The dossier's transitions, written from the lifecycle rules (DESIGN.md §5, docs/law/deadlines.md), not from
// the code's output: every status, reached by a short valid history, against every payload type.

using namespace std::chrono_literals;

const Instant kT0 = ParseIsoInstant("2026-03-02T08:00:00+07:00", "test").value();  // a Monday
const Instant kClockStart = kT0 + 24h;  // later than every event of the short histories
const Instant kDue = kT0 + 24h * 5;     // the appointment on the receipt
const Instant kLaterDue = kT0 + 24h * 10;
constexpr const char* kCode = "000.00.10.H29-260302-0001";
const Money kAssessed = Money::Dong(100'000);

using test_support::Describe;

// The event that follows `state`: next seq, linked to the previous hash, one hour after the previous event.
DossierEvent After(const DossierState& state, EventPayload payload) {
  DossierEvent event;
  event.dossier_code = kCode;
  event.seq = state.last_seq + 1;
  event.payload = std::move(payload);
  event.actor = {"tiepnhan01", "receptionist", "10"};
  event.occurred_at = kT0 + std::chrono::hours(event.seq);
  event.recorded_at = event.occurred_at;
  event.prev_hash = state.last_hash;
  event.hash = "h" + std::to_string(event.seq);
  return event;
}

Submitted OnlineSubmission() {
  Submitted p;
  p.procedure_code = "1.001612";
  p.channel = Channel::kOnline;
  p.applicant = {"Nguyễn Văn An", "001090012345", "0912345678", "", "Hà Nội", ""};
  p.components = {{1, "Tờ khai", 1, 0}};
  p.receiving_unit = "00004";
  p.competent_agency = "UBND phường Ba Đình";
  p.competent_unit = "00004";
  return p;
}

Received Receipt(Channel channel) {
  Received p;
  p.procedure_code = "1.001612";
  p.channel = channel;
  p.applicant = {"Nguyễn Văn An", "001090012345", "0912345678", "", "Hà Nội", ""};
  p.components = {{1, "Tờ khai", 1, 0}};
  p.receiving_unit = "00004";
  p.receiving_point = "Trung tâm phục vụ hành chính công phường Ba Đình";
  p.competent_agency = "UBND phường Ba Đình";
  p.competent_unit = "00004";
  p.processing_amount = 3;
  p.processing_unit = TimeUnit::kWorkingDay;
  p.clock_started_at = kClockStart;
  p.due_at = kDue;
  return p;
}

// The statuses of the table, each reached by a short valid history.
enum class Start {
  kNew,  // no event yet
  kSubmitted,
  kReceivedDirectly,
  kProcessingWithStep,
  kWaitingSupplement,
  kResultReady,
  kReturned,
  kRefused,
  kWithdrawn,
  kCancelled,
  kReceptionRefused,
  kWithdrawnBeforeReceipt,
  kCancelledBeforeReceipt,
  kSupplementedOnce,  // processing again after one supplement round (for the limits)
  kExtendedOnce,      // processing with one extension (for the limits)
};

std::vector<EventPayload> History(Start start) {
  const EventPayload submitted = OnlineSubmission();
  const EventPayload received = Receipt(Channel::kDirect);
  const EventPayload fee = FeeAssessed{kAssessed, "Lệ phí"};
  const EventPayload approved = ResultApproved{"Giấy chứng nhận số 12/GCN", "Chủ tịch UBND"};
  switch (start) {
    case Start::kNew:
      return {};
    case Start::kSubmitted:
      return {submitted, fee};
    case Start::kReceivedDirectly:
      return {received, fee};
    case Start::kProcessingWithStep:
      return {received, fee, StepAssigned{"thẩm định", "specialist", "UBND", "cv01"}};
    case Start::kWaitingSupplement:
      return {received, fee, SupplementRequested{"Thiếu bản sao giấy khai sinh", {}}};
    case Start::kResultReady:
      return {received, fee, approved};
    case Start::kReturned:
      return {received, fee, approved, ResultReturned{ReturnMethod::kCounter, ""}};
    case Start::kRefused:
      return {received, fee, Refused{"Không đủ điều kiện"}};
    case Start::kWithdrawn:
      return {received, fee, Withdrawn{"Người nộp xin rút"}};
    case Start::kCancelled:
      return {received, fee, Cancelled{"Nhập trùng"}};
    case Start::kWithdrawnBeforeReceipt:
      return {submitted, fee, Withdrawn{"Người nộp xin rút"}};
    case Start::kCancelledBeforeReceipt:
      return {submitted, fee, Cancelled{"Nộp trùng"}};
    case Start::kReceptionRefused:
      return {submitted, fee, ReceptionRefused{"Không thuộc thẩm quyền"}};
    case Start::kSupplementedOnce:
      return {received, fee, SupplementRequested{"Thiếu bản sao", {}}, Supplemented{{}, kLaterDue}};
    case Start::kExtendedOnce:
      return {received, fee, Extended{"Cần xác minh thêm", kLaterDue}};
  }
  return {};
}

Result<DossierState> Reach(Start start, const LifecycleLimits& limits = {}) {
  DossierState state;
  for (EventPayload& payload : History(start)) {
    auto next = ApplyEvent(state, After(state, std::move(payload)), limits);
    if (!next) return next;
    state = std::move(*next);
  }
  return state;
}

// --- The transition table ------------------------------------------------------------------------------

constexpr int kColumns = 19;  // the 18 payload types, Digitized twice (a component, then the result)

constexpr std::array<const char*, kColumns> kColumnNames = {"Submitted",
                                                            "Received",
                                                            "ReceptionRefused",
                                                            "StepAssigned",
                                                            "StepCompleted",
                                                            "Transferred",
                                                            "SupplementRequested",
                                                            "Supplemented",
                                                            "Extended",
                                                            "Refused",
                                                            "Withdrawn",
                                                            "Cancelled",
                                                            "ResultApproved",
                                                            "ResultReturned",
                                                            "FeeAssessed",
                                                            "FeePaid",
                                                            "Digitized(component 1)",
                                                            "Digitized(result)",
                                                            "Evaluated"};

// A valid payload of each column, so that only the status decides.
EventPayload Column(int column, const DossierState& state) {
  switch (column) {
    case 0:
      return OnlineSubmission();
    case 1:
      return Receipt(state.last_seq == 0 ? Channel::kDirect : state.channel);
    case 2:
      return ReceptionRefused{"Hồ sơ không thuộc thẩm quyền"};
    case 3:
      return StepAssigned{"phê duyệt", "leader", "UBND", "ld01"};
    case 4:
      return StepCompleted{state.current_step, "xong"};
    case 5:
      return Transferred{"Sở Tư pháp", "01", "liên thông"};
    case 6:
      return SupplementRequested{"Thiếu bản sao giấy khai sinh", {"Giấy khai sinh"}};
    case 7:
      return Supplemented{{{2, "Giấy khai sinh", 0, 1}}, kLaterDue};
    case 8:
      return Extended{"Cần xác minh thêm", kLaterDue};
    case 9:
      return Refused{"Không đủ điều kiện"};
    case 10:
      return Withdrawn{"Người nộp xin rút"};
    case 11:
      return Cancelled{"Nhập trùng"};
    case 12:
      return ResultApproved{"Giấy chứng nhận số 12/GCN", "Chủ tịch UBND"};
    case 13:
      return ResultReturned{ReturnMethod::kCounter, ""};
    case 14:
      return FeeAssessed{Money::Dong(20'000), "Phí bổ sung"};
    case 15:
      return FeePaid{Money::Dong(50'000), PaymentMethod::kCounter, "BL-001"};
    case 16:
      return Digitized{1, "files/1.pdf"};
    case 17:
      return Digitized{-1, "files/result.pdf"};
    default:
      return Evaluated{5, "Tốt"};
  }
}

// Allowed, to this status; or rejected with this code.
struct Outcome {
  std::optional<DossierStatus> status;
  ErrorCode error = ErrorCode::kInternal;
};

constexpr Outcome To(DossierStatus status) { return {status, ErrorCode::kInternal}; }
constexpr Outcome kToSubmitted = To(DossierStatus::kSubmitted);
constexpr Outcome kToProcessing = To(DossierStatus::kProcessing);
constexpr Outcome kToWaiting = To(DossierStatus::kWaitingSupplement);
constexpr Outcome kToReady = To(DossierStatus::kResultReady);
constexpr Outcome kToReturned = To(DossierStatus::kReturned);
constexpr Outcome kToRefused = To(DossierStatus::kRefused);
constexpr Outcome kToWithdrawn = To(DossierStatus::kWithdrawn);
constexpr Outcome kToCancelled = To(DossierStatus::kCancelled);
constexpr Outcome kToReceptionRefused = To(DossierStatus::kReceptionRefused);
constexpr Outcome kNo = {std::nullopt, ErrorCode::kFailedPrecondition};  // may not happen now

struct Row {
  const char* name;
  Start start;
  std::optional<DossierStatus> status;  // the status the history reaches
  std::array<Outcome, kColumns> expected;
};

// Columns: Submitted, Received, ReceptionRefused, StepAssigned, StepCompleted, Transferred,
// SupplementRequested, Supplemented, Extended, Refused, Withdrawn, Cancelled, ResultApproved, ResultReturned,
// FeeAssessed, FeePaid, Digitized(component), Digitized(result), Evaluated.
const Row kTransitions[] = {
    {"new dossier (no event)",
     Start::kNew,
     std::nullopt,
     {kToSubmitted, kToProcessing, kNo, kNo, kNo, kNo,  //
      kNo, kNo, kNo, kNo, kNo, kNo, kNo, kNo,           //
      kNo, kNo, kNo, kNo, kNo}},
    {"submitted online",
     Start::kSubmitted,
     DossierStatus::kSubmitted,
     {kNo, kToProcessing, kToReceptionRefused, kNo, kNo, kNo,    //
      kNo, kNo, kNo, kNo, kToWithdrawn, kToCancelled, kNo, kNo,  //
      kToSubmitted, kToSubmitted, kToSubmitted, kNo, kNo}},
    {"received directly",
     Start::kReceivedDirectly,
     DossierStatus::kProcessing,
     {kNo, kNo, kNo, kToProcessing, kToProcessing, kToProcessing,                             //
      kToWaiting, kNo, kToProcessing, kToRefused, kToWithdrawn, kToCancelled, kToReady, kNo,  //
      kToProcessing, kToProcessing, kToProcessing, kNo, kToProcessing}},
    {"processing with a step assigned",
     Start::kProcessingWithStep,
     DossierStatus::kProcessing,
     {kNo, kNo, kNo, kToProcessing, kToProcessing, kToProcessing,                             //
      kToWaiting, kNo, kToProcessing, kToRefused, kToWithdrawn, kToCancelled, kToReady, kNo,  //
      kToProcessing, kToProcessing, kToProcessing, kNo, kToProcessing}},
    {"waiting for a supplement",
     Start::kWaitingSupplement,
     DossierStatus::kWaitingSupplement,
     {kNo, kNo, kNo, kNo, kNo, kNo,                                               //
      kNo, kToProcessing, kNo, kToRefused, kToWithdrawn, kToCancelled, kNo, kNo,  //
      kToWaiting, kToWaiting, kToWaiting, kNo, kToWaiting}},
    {"result ready",
     Start::kResultReady,
     DossierStatus::kResultReady,
     {kNo, kNo, kNo, kNo, kNo, kNo,                    //
      kNo, kNo, kNo, kNo, kNo, kNo, kNo, kToReturned,  //
      kToReady, kToReady, kToReady, kToReady, kToReady}},
    {"returned",
     Start::kReturned,
     DossierStatus::kReturned,
     {kNo, kNo, kNo, kNo, kNo, kNo,            //
      kNo, kNo, kNo, kNo, kNo, kNo, kNo, kNo,  //
      kNo, kToReturned, kToReturned, kToReturned, kToReturned}},
    {"refused",
     Start::kRefused,
     DossierStatus::kRefused,
     {kNo, kNo, kNo, kNo, kNo, kNo,                   //
      kNo, kNo, kNo, kNo, kNo, kNo, kNo, kToRefused,  //
      kNo, kNo, kToRefused, kToRefused, kToRefused}},
    {"withdrawn",
     Start::kWithdrawn,
     DossierStatus::kWithdrawn,
     {kNo, kNo, kNo, kNo, kNo, kNo,            //
      kNo, kNo, kNo, kNo, kNo, kNo, kNo, kNo,  //
      kNo, kNo, kToWithdrawn, kNo, kToWithdrawn}},
    {"cancelled",
     Start::kCancelled,
     DossierStatus::kCancelled,
     {kNo, kNo, kNo, kNo, kNo, kNo,            //
      kNo, kNo, kNo, kNo, kNo, kNo, kNo, kNo,  //
      kNo, kNo, kToCancelled, kNo, kToCancelled}},
    {"withdrawn before receipt",
     Start::kWithdrawnBeforeReceipt,
     DossierStatus::kWithdrawn,
     {kNo, kNo, kNo, kNo, kNo, kNo,            //
      kNo, kNo, kNo, kNo, kNo, kNo, kNo, kNo,  //
      kNo, kNo, kToWithdrawn, kNo, kToWithdrawn}},
    {"cancelled before receipt",
     Start::kCancelledBeforeReceipt,
     DossierStatus::kCancelled,
     {kNo, kNo, kNo, kNo, kNo, kNo,            //
      kNo, kNo, kNo, kNo, kNo, kNo, kNo, kNo,  //
      kNo, kNo, kToCancelled, kNo, kToCancelled}},
    {"reception refused",
     Start::kReceptionRefused,
     DossierStatus::kReceptionRefused,
     {kNo, kNo, kNo, kNo, kNo, kNo,            //
      kNo, kNo, kNo, kNo, kNo, kNo, kNo, kNo,  //
      kNo, kNo, kNo, kNo, kNo}},
};

std::string CellName(const Row& row, int column) { return std::string(row.name) + " × " + kColumnNames[column]; }

TEST(DossierStateTest, HistoriesReachTheirStatus) {
  for (const Row& row : kTransitions) {
    SCOPED_TRACE(row.name);
    auto state = Reach(row.start);
    ASSERT_TRUE(state.has_value()) << state.error().field << ": " << state.error().message_en;
    EXPECT_EQ(state->last_seq, static_cast<std::int64_t>(History(row.start).size()));
    if (row.status) {
      EXPECT_EQ(DossierStatusName(state->status), DossierStatusName(*row.status));
    }
  }
}

TEST(DossierStateTest, EveryStatusAgainstEveryEventType) {
  for (const Row& row : kTransitions) {
    auto reached = Reach(row.start);
    ASSERT_TRUE(reached.has_value()) << row.name;
    const DossierState& before = *reached;
    const std::string described_before = Describe(before);
    for (int column = 0; column < kColumns; ++column) {
      SCOPED_TRACE(CellName(row, column));
      const Outcome& expected = row.expected[column];
      auto after = ApplyEvent(before, After(before, Column(column, before)));
      if (expected.status && !after) {
        ADD_FAILURE() << "expected → " << DossierStatusName(*expected.status) << ", rejected: " << after.error().field
                      << ": " << after.error().message_en;
      } else if (expected.status) {
        EXPECT_EQ(DossierStatusName(after->status), DossierStatusName(*expected.status));
        EXPECT_EQ(after->last_seq, before.last_seq + 1);
        EXPECT_EQ(after->last_hash, "h" + std::to_string(before.last_seq + 1));
      } else if (after) {
        ADD_FAILURE() << "expected a rejection, accepted → " << DossierStatusName(after->status);
      } else {
        EXPECT_EQ(after.error().code, expected.error) << after.error().field << ": " << after.error().message_en;
        EXPECT_FALSE(after.error().message_vi.empty());
      }
      EXPECT_EQ(Describe(before), described_before) << "ApplyEvent changed its input";
    }
  }
}

// The hand-written table itself obeys "closed dossiers never reopen".
TEST(DossierStateTest, TableNeverReopensAClosedDossier) {
  for (const Row& row : kTransitions) {
    if (!row.status || !IsClosed(*row.status)) continue;
    for (int column = 0; column < kColumns; ++column) {
      const Outcome& cell = row.expected[column];
      if (cell.status) {
        EXPECT_TRUE(IsClosed(*cell.status)) << CellName(row, column);
      }
    }
  }
}

// --- Content and limits ----------------------------------------------------------------------------------

struct ContentCase {
  const char* name;
  Start start;
  EventPayload payload;
  LifecycleLimits limits;
  std::optional<DossierStatus> status;  // accepted, to this status
  ErrorCode error;                      // else rejected with this code
  const char* field;                    // naming this field ("" when the rule names none)
};

Received ReceiptDueBeforeClockStart() {
  Received p = Receipt(Channel::kDirect);
  p.due_at = p.clock_started_at - 1h;
  return p;
}

Received OnlineReceiptDueBeforeClockStart() {
  Received p = ReceiptDueBeforeClockStart();
  p.channel = Channel::kOnline;
  return p;
}

Submitted Submission(Channel channel) {
  Submitted p = OnlineSubmission();
  p.channel = channel;
  return p;
}

constexpr LifecycleLimits kDefault{};
constexpr LifecycleLimits kTwoSupplements{2, 1};
constexpr ErrorCode kOk = ErrorCode::kInternal;  // unused when accepted
constexpr ErrorCode kInvalid = ErrorCode::kInvalidArgument;
constexpr ErrorCode kNotNow = ErrorCode::kFailedPrecondition;

const ContentCase kContent[] = {
    // Submitted: never with channel direct.
    {"submitted online", Start::kNew, Submission(Channel::kOnline), kDefault, DossierStatus::kSubmitted, kOk, ""},
    {"submitted by post", Start::kNew, Submission(Channel::kPostal), kDefault, DossierStatus::kSubmitted, kOk, ""},
    {"submitted with channel direct", Start::kNew, Submission(Channel::kDirect), kDefault, std::nullopt, kInvalid,
     "payload.channel"},
    // Received: the due moment may not precede the clock start.
    {"received, due before the clock start", Start::kNew, ReceiptDueBeforeClockStart(), kDefault, std::nullopt,
     kInvalid, "payload.due_at"},
    {"received after submission, due before the clock start", Start::kSubmitted, OnlineReceiptDueBeforeClockStart(),
     kDefault, std::nullopt, kInvalid, "payload.due_at"},
    // Accepting a submission keeps the channel it was submitted on.
    {"online submission accepted as online", Start::kSubmitted, Receipt(Channel::kOnline), kDefault,
     DossierStatus::kProcessing, kOk, ""},
    {"online submission accepted as direct", Start::kSubmitted, Receipt(Channel::kDirect), kDefault, std::nullopt,
     kInvalid, "payload.channel"},
    // Reasons are required.
    {"supplement requested without a reason", Start::kReceivedDirectly, SupplementRequested{"", {"Tờ khai"}}, kDefault,
     std::nullopt, kInvalid, "payload.reason"},
    {"extended without a reason", Start::kReceivedDirectly, Extended{"", kLaterDue}, kDefault, std::nullopt, kInvalid,
     "payload.reason"},
    {"refused without a reason while processing", Start::kReceivedDirectly, Refused{""}, kDefault, std::nullopt,
     kInvalid, "payload.reason"},
    {"refused without a reason while waiting", Start::kWaitingSupplement, Refused{""}, kDefault, std::nullopt, kInvalid,
     "payload.reason"},
    {"cancelled without a reason, submitted", Start::kSubmitted, Cancelled{""}, kDefault, std::nullopt, kInvalid,
     "payload.reason"},
    {"cancelled without a reason, processing", Start::kReceivedDirectly, Cancelled{""}, kDefault, std::nullopt,
     kInvalid, "payload.reason"},
    // Limits: one supplement request and one extension by default.
    {"second supplement request", Start::kSupplementedOnce, SupplementRequested{"Thiếu tiếp", {}}, kDefault,
     std::nullopt, kNotNow, ""},
    {"second supplement request with a limit of 2", Start::kSupplementedOnce, SupplementRequested{"Thiếu tiếp", {}},
     kTwoSupplements, DossierStatus::kWaitingSupplement, kOk, ""},
    {"second extension", Start::kExtendedOnce, Extended{"Lần nữa", kLaterDue + 24h}, kDefault, std::nullopt, kNotNow,
     ""},
    {"second extension with a limit of 2 supplements", Start::kExtendedOnce, Extended{"Lần nữa", kLaterDue + 24h},
     kTwoSupplements, std::nullopt, kNotNow, ""},
    // Extended moves the appointment later.
    {"extended to a later appointment", Start::kReceivedDirectly, Extended{"Xác minh", kDue + 1min}, kDefault,
     DossierStatus::kProcessing, kOk, ""},
    {"extended to the same appointment", Start::kReceivedDirectly, Extended{"Xác minh", kDue}, kDefault, std::nullopt,
     kInvalid, "payload.new_due_at"},
    {"extended to an earlier appointment", Start::kReceivedDirectly, Extended{"Xác minh", kDue - 24h}, kDefault,
     std::nullopt, kInvalid, "payload.new_due_at"},
    // Supplemented: the new appointment is not earlier than the current one.
    {"supplemented, due unchanged", Start::kWaitingSupplement, Supplemented{{}, kDue}, kDefault,
     DossierStatus::kProcessing, kOk, ""},
    {"supplemented, due a minute earlier", Start::kWaitingSupplement, Supplemented{{}, kDue - 1min}, kDefault,
     std::nullopt, kInvalid, "payload.due_at"},
    // Fees: never more paid than assessed.
    {"paid exactly the fees assessed", Start::kSubmitted, FeePaid{kAssessed, PaymentMethod::kOnline, "GD1"}, kDefault,
     DossierStatus::kSubmitted, kOk, ""},
    {"paid one đồng more than assessed", Start::kSubmitted,
     FeePaid{kAssessed + Money::Dong(1), PaymentMethod::kCounter, "BL1"}, kDefault, std::nullopt, kInvalid,
     "payload.amount"},
    {"paid after the result, within the fees", Start::kReturned, FeePaid{kAssessed, PaymentMethod::kCounter, "BL1"},
     kDefault, DossierStatus::kReturned, kOk, ""},
    {"paid after the result, over the fees", Start::kReturned,
     FeePaid{kAssessed + Money::Dong(1), PaymentMethod::kCounter, "BL1"}, kDefault, std::nullopt, kInvalid,
     "payload.amount"},
    // Evaluated: a score of 1 to 5.
    {"evaluated 1", Start::kReturned, Evaluated{1, ""}, kDefault, DossierStatus::kReturned, kOk, ""},
    {"evaluated 5", Start::kReceivedDirectly, Evaluated{5, ""}, kDefault, DossierStatus::kProcessing, kOk, ""},
    {"evaluated 0", Start::kReturned, Evaluated{0, ""}, kDefault, std::nullopt, kInvalid, "payload.score"},
    {"evaluated 6", Start::kReturned, Evaluated{6, ""}, kDefault, std::nullopt, kInvalid, "payload.score"},
    {"evaluated -1", Start::kReturned, Evaluated{-1, ""}, kDefault, std::nullopt, kInvalid, "payload.score"},
    // The result is handed over once, also the refusal.
    {"refusal handed over", Start::kRefused, ResultReturned{ReturnMethod::kPost, ""}, kDefault, DossierStatus::kRefused,
     kOk, ""},
};

TEST(DossierStateTest, ContentAndLimits) {
  for (const ContentCase& c : kContent) {
    SCOPED_TRACE(c.name);
    auto before = Reach(c.start, c.limits);
    ASSERT_TRUE(before.has_value()) << before.error().field << ": " << before.error().message_en;
    const std::string described_before = Describe(*before);
    auto after = ApplyEvent(*before, After(*before, c.payload), c.limits);
    if (c.status && !after) {
      ADD_FAILURE() << "rejected: " << after.error().field << ": " << after.error().message_en;
    } else if (c.status) {
      EXPECT_EQ(DossierStatusName(after->status), DossierStatusName(*c.status));
    } else if (after) {
      ADD_FAILURE() << "expected a rejection, accepted → " << DossierStatusName(after->status);
    } else {
      EXPECT_EQ(after.error().code, c.error) << after.error().field << ": " << after.error().message_en;
      if (*c.field != '\0') {
        EXPECT_EQ(after.error().field, c.field);
      }
    }
    EXPECT_EQ(Describe(*before), described_before);
  }
}

TEST(DossierStateTest, ThirdSupplementRequestExceedsALimitOfTwo) {
  auto state = Reach(Start::kSupplementedOnce, kTwoSupplements);
  ASSERT_TRUE(state.has_value());
  for (EventPayload payload :
       std::vector<EventPayload>{SupplementRequested{"Lần 2", {}}, Supplemented{{}, kLaterDue}}) {
    auto next = ApplyEvent(*state, After(*state, payload), kTwoSupplements);
    ASSERT_TRUE(next.has_value()) << next.error().message_en;
    state = std::move(next);
  }
  EXPECT_EQ(state->supplement_requests, 2);
  auto third = ApplyEvent(*state, After(*state, SupplementRequested{"Lần 3", {}}), kTwoSupplements);
  ASSERT_FALSE(third.has_value());
  EXPECT_EQ(third.error().code, ErrorCode::kFailedPrecondition);
}

// --- Sequence, hash chain and dossier code ------------------------------------------------------------------

struct SequenceCase {
  const char* name;
  Start start;
  std::int64_t seq_offset;   // added to the right seq
  const char* prev_hash;     // nullptr: the right one
  const char* dossier_code;  // nullptr: the right one
  const char* field;
};

const SequenceCase kSequences[] = {
    {"first event numbered 0", Start::kNew, -1, nullptr, nullptr, "seq"},
    {"first event numbered 2", Start::kNew, +1, nullptr, nullptr, "seq"},
    {"a gap", Start::kReceivedDirectly, +1, nullptr, nullptr, "seq"},
    {"a repeat", Start::kReceivedDirectly, -1, nullptr, nullptr, "seq"},
    {"the first event with a previous hash", Start::kNew, 0, "h0", nullptr, "prev_hash"},
    {"a wrong previous hash", Start::kReceivedDirectly, 0, "h1", nullptr, "prev_hash"},
    {"an empty previous hash", Start::kReceivedDirectly, 0, "", nullptr, "prev_hash"},
    {"another dossier's event", Start::kReceivedDirectly, 0, nullptr, "000.00.10.H29-260302-0002", "dossier_code"},
    {"no dossier code", Start::kNew, 0, nullptr, "", "dossier_code"},
};

TEST(DossierStateTest, SequenceHashAndCode) {
  for (const SequenceCase& c : kSequences) {
    SCOPED_TRACE(c.name);
    auto before = Reach(c.start);
    ASSERT_TRUE(before.has_value());
    const std::string described_before = Describe(*before);
    // A payload that would be accepted in either status, so that only the envelope is at fault.
    DossierEvent event = After(
        *before, before->last_seq == 0 ? EventPayload(Receipt(Channel::kDirect)) : EventPayload(Evaluated{4, ""}));
    event.seq += c.seq_offset;
    if (c.prev_hash) event.prev_hash = c.prev_hash;
    if (c.dossier_code) event.dossier_code = c.dossier_code;
    auto after = ApplyEvent(*before, event);
    ASSERT_FALSE(after.has_value());
    EXPECT_EQ(after.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(after.error().field, c.field);
    EXPECT_EQ(Describe(*before), described_before);
  }
}

// --- What the events record -------------------------------------------------------------------------------

DossierState ApplyAll(DossierState state, const std::vector<EventPayload>& payloads) {
  for (const EventPayload& payload : payloads) {
    auto next = ApplyEvent(state, After(state, payload));
    EXPECT_TRUE(next.has_value()) << EventTypeName(payload) << ": " << next.error().message_en;
    if (!next) return state;
    state = std::move(*next);
  }
  return state;
}

TEST(DossierStateTest, FeesPaidOnlineCountOnlyOnlinePayments) {
  DossierState state = ApplyAll({}, {Receipt(Channel::kDirect), FeeAssessed{Money::Dong(300'000), "Lệ phí"},
                                     FeePaid{Money::Dong(100'000), PaymentMethod::kCounter, "BL1"},
                                     FeePaid{Money::Dong(50'000), PaymentMethod::kOnline, "GD1"},
                                     FeePaid{Money::Dong(25'000), PaymentMethod::kCounter, "BL2"}});
  EXPECT_EQ(state.fees_assessed, Money::Dong(300'000));
  EXPECT_EQ(state.fees_paid, Money::Dong(175'000));
  EXPECT_EQ(state.fees_paid_online, Money::Dong(50'000));
}

TEST(DossierStateTest, PaymentsAddUpAgainstTheAssessedTotal) {
  DossierState state = ApplyAll({}, {Receipt(Channel::kDirect), FeeAssessed{Money::Dong(100'000), "Lệ phí"},
                                     FeePaid{Money::Dong(60'000), PaymentMethod::kCounter, "BL1"}});
  auto over = ApplyEvent(state, After(state, FeePaid{Money::Dong(40'001), PaymentMethod::kOnline, "GD1"}));
  ASSERT_FALSE(over.has_value());
  EXPECT_EQ(over.error().code, ErrorCode::kInvalidArgument);
  auto exact = ApplyEvent(state, After(state, FeePaid{Money::Dong(40'000), PaymentMethod::kOnline, "GD1"}));
  ASSERT_TRUE(exact.has_value());
  EXPECT_EQ(exact->fees_paid, Money::Dong(100'000));
  EXPECT_EQ(exact->fees_paid_online, Money::Dong(40'000));
}

TEST(DossierStateTest, RefusalHandedOverStaysRefusedAndRecordsTheTime) {
  auto refused = Reach(Start::kRefused);
  ASSERT_TRUE(refused.has_value());
  EXPECT_FALSE(refused->returned_at.has_value());
  DossierEvent hand_over = After(*refused, ResultReturned{ReturnMethod::kPost, "Bưu điện"});
  auto returned = ApplyEvent(*refused, hand_over);
  ASSERT_TRUE(returned.has_value()) << returned.error().message_en;
  EXPECT_EQ(returned->status, DossierStatus::kRefused);
  ASSERT_TRUE(returned->returned_at.has_value());
  EXPECT_EQ(*returned->returned_at, hand_over.occurred_at);
  EXPECT_EQ(returned->return_method, ReturnMethod::kPost);
  auto again = ApplyEvent(*returned, After(*returned, ResultReturned{ReturnMethod::kCounter, ""}));
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kFailedPrecondition);
}

TEST(DossierStateTest, ResultReturnedRecordsTheTime) {
  auto ready = Reach(Start::kResultReady);
  ASSERT_TRUE(ready.has_value());
  DossierEvent hand_over = After(*ready, ResultReturned{ReturnMethod::kOnline, ""});
  auto returned = ApplyEvent(*ready, hand_over);
  ASSERT_TRUE(returned.has_value());
  EXPECT_EQ(returned->status, DossierStatus::kReturned);
  EXPECT_EQ(returned->returned_at, hand_over.occurred_at);
  EXPECT_EQ(returned->return_method, ReturnMethod::kOnline);
}

TEST(DossierStateTest, SupplementStopsTheClockAndSupplementRestartsIt) {
  auto waiting = Reach(Start::kWaitingSupplement);
  ASSERT_TRUE(waiting.has_value());
  EXPECT_EQ(waiting->status, DossierStatus::kWaitingSupplement);
  EXPECT_EQ(waiting->supplement_requests, 1);
  EXPECT_EQ(waiting->suspended_at, kT0 + 3h);  // the third event
  EXPECT_EQ(waiting->due_at, kDue);
  auto resumed = ApplyEvent(*waiting, After(*waiting, Supplemented{{{2, "Giấy khai sinh", 0, 1}}, kLaterDue}));
  ASSERT_TRUE(resumed.has_value());
  EXPECT_EQ(resumed->status, DossierStatus::kProcessing);
  EXPECT_FALSE(resumed->suspended_at.has_value());
  EXPECT_EQ(resumed->due_at, kLaterDue);
  EXPECT_EQ(resumed->original_due_at, kDue);
  EXPECT_EQ(resumed->components.size(), 2u);
}

TEST(DossierStateTest, ClosingWhileWaitingStopsTheSuspension) {
  for (EventPayload closing :
       std::vector<EventPayload>{Refused{"Không đủ điều kiện"}, Withdrawn{"Xin rút"}, Cancelled{"Quá hạn bổ sung"}}) {
    SCOPED_TRACE(EventTypeName(closing));
    auto waiting = Reach(Start::kWaitingSupplement);
    ASSERT_TRUE(waiting.has_value());
    auto closed = ApplyEvent(*waiting, After(*waiting, closing));
    ASSERT_TRUE(closed.has_value());
    EXPECT_TRUE(IsClosed(closed->status));
    EXPECT_FALSE(closed->suspended_at.has_value());
    EXPECT_EQ(closed->due_at, kDue);
  }
}

TEST(DossierStateTest, ExtensionMovesOnlyTheCurrentAppointment) {
  auto extended = Reach(Start::kExtendedOnce);
  ASSERT_TRUE(extended.has_value());
  EXPECT_EQ(extended->extensions, 1);
  EXPECT_EQ(extended->due_at, kLaterDue);
  EXPECT_EQ(extended->original_due_at, kDue);
}

// --- FoldEvents ---------------------------------------------------------------------------------------------

std::vector<DossierEvent> Events(const std::vector<EventPayload>& payloads) {
  std::vector<DossierEvent> events;
  DossierState state;
  for (const EventPayload& payload : payloads) {
    events.push_back(After(state, payload));
    state.last_seq = events.back().seq;
    state.last_hash = events.back().hash;
  }
  return events;
}

TEST(DossierStateTest, FoldEqualsStepByStep) {
  std::vector<EventPayload> payloads = History(Start::kReturned);
  payloads.push_back(FeePaid{kAssessed, PaymentMethod::kOnline, "GD1"});
  payloads.push_back(Digitized{-1, "files/result.pdf"});
  payloads.push_back(Evaluated{4, "Nhanh"});
  auto folded = FoldEvents(Events(payloads));
  ASSERT_TRUE(folded.has_value()) << folded.error().field << ": " << folded.error().message_en;
  EXPECT_EQ(Describe(*folded), Describe(ApplyAll({}, payloads)));
  EXPECT_EQ(folded->last_seq, 7);
  EXPECT_TRUE(folded->result_digitized);
  EXPECT_EQ(folded->evaluation, 4);
}

TEST(DossierStateTest, FoldOfNothingIsTheEmptyState) {
  auto folded = FoldEvents({});
  ASSERT_TRUE(folded.has_value());
  EXPECT_EQ(Describe(*folded), Describe(DossierState{}));
}

TEST(DossierStateTest, FoldNamesTheFailingEvent) {
  // A status error at seq 4: the dossier was refused, then someone approves a result.
  std::vector<DossierEvent> events = Events({Receipt(Channel::kDirect), FeeAssessed{kAssessed, ""},
                                             Refused{"Không đủ điều kiện"}, ResultApproved{"GCN", ""}});
  auto folded = FoldEvents(events);
  ASSERT_FALSE(folded.has_value());
  EXPECT_EQ(folded.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(folded.error().field.starts_with("events[4].")) << folded.error().field;

  // A broken hash chain at seq 3.
  events = Events({Receipt(Channel::kDirect), FeeAssessed{kAssessed, ""}, Evaluated{5, ""}});
  events[2].prev_hash = "forged";
  folded = FoldEvents(events);
  ASSERT_FALSE(folded.has_value());
  EXPECT_EQ(folded.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(folded.error().field, "events[3].prev_hash");

  // A bad score at seq 2.
  events = Events({Receipt(Channel::kDirect), Evaluated{9, ""}});
  folded = FoldEvents(events);
  ASSERT_FALSE(folded.has_value());
  EXPECT_EQ(folded.error().field, "events[2].payload.score");
}

TEST(DossierStateTest, ErrorLeavesTheInputUntouched) {
  const auto original = Reach(Start::kWaitingSupplement);
  ASSERT_TRUE(original.has_value());
  const std::string described = Describe(*original);
  const std::vector<EventPayload> rejected = {
      Extended{"Xác minh", kLaterDue},                        // not while waiting
      Supplemented{{}, kDue - 1h},                            // earlier appointment
      FeePaid{kAssessed * 2, PaymentMethod::kOnline, "GD1"},  // over the fees
      Evaluated{0, ""},                                       // out of range
      Cancelled{""},                                          // no reason
  };
  for (const EventPayload& payload : rejected) {
    SCOPED_TRACE(EventTypeName(payload));
    auto after = ApplyEvent(*original, After(*original, payload));
    EXPECT_FALSE(after.has_value());
    EXPECT_EQ(Describe(*original), described);
  }
}

}  // namespace
}  // namespace motcua
