// Property test of the dossier state machine: random but deterministic event sequences (fixed seeds of a
// std::mt19937), applied one by one with ApplyEvent; the accepted ones are kept and the lifecycle invariants
// checked after every step, accepted or rejected.
#include <gtest/gtest.h>

#include <array>
#include <map>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "domain/dossier_state.h"
#include "support/describe_state.h"

namespace motcua {
namespace {

using namespace std::chrono_literals;

constexpr int kSeeds = 2000;
constexpr int kMaxEvents = 40;
constexpr const char* kCode = "000.00.10.H29-260302-0001";

using test_support::Describe;
using test_support::Show;

// Makes plausible events for a dossier: mostly well-formed, sometimes not (an empty reason, an earlier
// appointment, an overpayment, a score out of range, a broken envelope), so that both paths are exercised.
class EventGenerator {
 public:
  explicit EventGenerator(unsigned seed)
      : rng_(seed), now_(ParseIsoInstant("2026-03-02T08:00:00+07:00", "test").value()) {}

  DossierEvent Next(const DossierState& state) {
    Advance();
    DossierEvent event;
    event.dossier_code = kCode;
    event.seq = state.last_seq + 1;
    event.payload = Payload(state);
    event.actor = {"cv01", "specialist", "00004"};
    event.occurred_at = now_;
    event.recorded_at = now_;
    event.prev_hash = state.last_hash;
    event.hash = "h" + std::to_string(event.seq);
    if (Chance(4)) BreakEnvelope(event);
    return event;
  }

 private:
  int Uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool Chance(int percent) { return Uniform(1, 100) <= percent; }
  std::string Reason() { return Chance(90) ? "lý do " + std::to_string(Uniform(1, 99)) : ""; }

  // Times only move forward: by minutes most of the time, sometimes by hours or days.
  void Advance() {
    if (Chance(70)) {
      now_ += std::chrono::minutes(Uniform(1, 240));
    } else {
      now_ += std::chrono::hours(Uniform(1, 72));
    }
  }

  void BreakEnvelope(DossierEvent& event) {
    switch (Uniform(0, 3)) {
      case 0:
        event.seq += Uniform(0, 1) == 0 ? 1 : -1;
        break;
      case 1:
        event.prev_hash += "x";
        break;
      case 2:
        event.dossier_code = "000.00.10.H29-260302-0002";
        break;
      default:
        event.seq = 0;
        break;
    }
  }

  Instant Later(const std::optional<Instant>& than) {
    Instant base = than && *than > now_ ? *than : now_;
    return base + std::chrono::hours(Uniform(0, 240));
  }

  // The payload type (index in EventPayload): often one that fits the status, so that histories go deep,
  // otherwise any type, so that every status meets every type.
  int Type(const DossierState& s) {
    static const std::vector<int> kNew = {0, 1};
    static const std::vector<int> kSubmitted = {1, 14, 15, 16};
    static const std::vector<int> kProcessing = {3, 4, 5, 6, 8, 12, 14, 15, 16, 17};
    static const std::vector<int> kWaiting = {7, 7, 7, 15, 16};
    static const std::vector<int> kReady = {13, 15, 16, 17};
    if (Chance(40)) return Uniform(0, 17);
    const std::vector<int>* likely = nullptr;
    if (s.last_seq == 0) {
      likely = &kNew;
    } else if (s.status == DossierStatus::kSubmitted) {
      likely = &kSubmitted;
    } else if (s.status == DossierStatus::kProcessing) {
      likely = &kProcessing;
    } else if (s.status == DossierStatus::kWaitingSupplement) {
      likely = &kWaiting;
    } else if (s.status == DossierStatus::kResultReady) {
      likely = &kReady;
    } else {
      return Uniform(0, 17);
    }
    return (*likely)[Uniform(0, static_cast<int>(likely->size()) - 1)];
  }

  EventPayload Payload(const DossierState& s) {
    switch (Type(s)) {
      case 0:
        return MakeSubmitted();
      case 1:
        return MakeReceived(s);
      case 2:
        return ReceptionRefused{Reason()};
      case 3:
        return StepAssigned{kSteps[Uniform(0, 2)], "specialist", "UBND", "cv0" + std::to_string(Uniform(1, 3))};
      case 4:
        return StepCompleted{Chance(80) ? s.current_step : kSteps[Uniform(0, 2)], ""};
      case 5:
        return Transferred{"Sở " + std::to_string(Uniform(1, 5)), Chance(50) ? "01" : "", "liên thông"};
      case 6:
        return SupplementRequested{Reason(), {"Tờ khai"}};
      case 7:
        return MakeSupplemented(s);
      case 8:
        return MakeExtended(s);
      case 9:
        return Refused{Reason()};
      case 10:
        return Withdrawn{Reason()};
      case 11:
        return Cancelled{Reason()};
      case 12:
        return ResultApproved{"GCN " + std::to_string(Uniform(1, 999)), "Chủ tịch"};
      case 13:
        return ResultReturned{static_cast<ReturnMethod>(Uniform(0, 2)), ""};
      case 14:
        return FeeAssessed{Money::Dong(Chance(5) ? 0 : Uniform(1, 50) * 10'000), "phí"};
      case 15:
        return MakeFeePaid(s);
      case 16:
        return Digitized{Chance(30) ? -1 : Uniform(0, 5), "file"};
      default:
        return Evaluated{Uniform(0, 6), ""};
    }
  }

  Submitted MakeSubmitted() {
    Submitted p;
    p.procedure_code = "1.001612";
    p.channel = Chance(5) ? Channel::kDirect : (Chance(70) ? Channel::kOnline : Channel::kPostal);
    p.applicant.name = "Trần Thị Bình";
    p.components = {{1, "Tờ khai", 1, 0}};
    p.receiving_unit = "00004";
    p.competent_agency = "UBND phường";
    return p;
  }

  Received MakeReceived(const DossierState& s) {
    Received p;
    p.procedure_code = "1.001612";
    p.channel = s.last_seq == 0 ? Channel::kDirect : s.channel;
    p.applicant.name = "Trần Thị Bình";
    p.components = {{1, "Tờ khai", 1, 0}, {2, "CCCD", 0, 1}};
    p.receiving_point = "Trung tâm phục vụ hành chính công";
    p.processing_amount = Uniform(1, 15);
    p.clock_started_at = now_ + std::chrono::minutes(Chance(50) ? 0 : Uniform(1, 900));
    p.due_at = Chance(5) ? p.clock_started_at - 1h : p.clock_started_at + std::chrono::hours(Uniform(1, 360));
    return p;
  }

  Supplemented MakeSupplemented(const DossierState& s) {
    Supplemented p;
    p.components = {{3, "Bổ sung", 0, 1}};
    p.due_at = Chance(10) && s.due_at ? *s.due_at - std::chrono::hours(Uniform(1, 48)) : Later(s.due_at);
    return p;
  }

  Extended MakeExtended(const DossierState& s) {
    Extended p;
    p.reason = Reason();
    p.new_due_at = Chance(10) && s.due_at ? *s.due_at - std::chrono::hours(Uniform(0, 48)) : Later(s.due_at) + 1h;
    return p;
  }

  FeePaid MakeFeePaid(const DossierState& s) {
    FeePaid p;
    std::int64_t owed = (s.fees_assessed - s.fees_paid).dong();
    std::int64_t amount =
        owed >= 1'000 && Chance(75) ? Uniform(1, static_cast<int>(owed / 1'000)) * 1'000 : Uniform(0, 60) * 10'000;
    p.amount = Money::Dong(amount);
    p.method = Chance(50) ? PaymentMethod::kOnline : PaymentMethod::kCounter;
    p.reference = "GD" + std::to_string(Uniform(1, 9999));
    return p;
  }

  static constexpr std::array<const char*, 3> kSteps = {"thẩm định", "trình ký", "phê duyệt"};

  std::mt19937 rng_;
  Instant now_;
};

// The invariants between a state and the one an accepted event made of it.
void CheckAcceptedStep(const DossierState& before, const DossierState& after, const DossierEvent& event,
                       const LifecycleLimits& limits) {
  if (IsClosed(before.status)) {
    EXPECT_TRUE(IsClosed(after.status)) << "reopened: " << DossierStatusName(before.status) << " → "
                                        << DossierStatusName(after.status) << " by " << EventTypeName(event.payload);
  }
  // The clock never runs while suspended.
  if (after.status == DossierStatus::kWaitingSupplement) {
    EXPECT_TRUE(after.suspended_at.has_value());
    EXPECT_EQ(Show(after.due_at), Show(before.due_at)) << "due_at changed while waiting";
    if (before.status == DossierStatus::kWaitingSupplement) {
      EXPECT_EQ(Show(after.suspended_at), Show(before.suspended_at));
    } else {
      EXPECT_EQ(Show(after.suspended_at), Show(event.occurred_at));
    }
  } else {
    EXPECT_FALSE(after.suspended_at.has_value()) << "suspended while " << DossierStatusName(after.status);
  }
  if (before.due_at) {
    ASSERT_TRUE(after.due_at.has_value()) << "due_at lost by " << EventTypeName(event.payload);
    EXPECT_GE(*after.due_at, *before.due_at) << "due_at moved earlier by " << EventTypeName(event.payload);
  }
  EXPECT_LE(after.extensions, limits.max_extensions);
  EXPECT_LE(after.supplement_requests, limits.max_supplement_requests);
  EXPECT_LE(after.fees_paid, after.fees_assessed);
  EXPECT_LE(after.fees_paid_online, after.fees_paid);
  EXPECT_GE(after.fees_paid_online, before.fees_paid_online);
  EXPECT_EQ(after.last_seq, event.seq);
  EXPECT_EQ(after.last_hash, event.hash);
}

struct Coverage {
  std::map<std::string, int> statuses;  // reached by an accepted event
  std::map<std::string, int> accepted;  // by event type
  std::map<std::string, int> rejected;  // by event type
  int sequences = 0;
  int events = 0;
};

void RunSequence(unsigned seed, const LifecycleLimits& limits, Coverage& coverage) {
  EventGenerator generator(seed);
  std::mt19937 length_rng(seed ^ 0x9e3779b9u);
  const int length = std::uniform_int_distribution<int>(1, kMaxEvents)(length_rng);
  DossierState state;
  std::vector<DossierEvent> accepted;
  for (int i = 0; i < length; ++i) {
    const DossierEvent event = generator.Next(state);
    SCOPED_TRACE("seed " + std::to_string(seed) + ", event " + std::to_string(i) + " (seq " +
                 std::to_string(event.seq) + ", " + std::string(EventTypeName(event.payload)) + ", from " +
                 std::string(DossierStatusName(state.status)) + ")");
    const std::string described_before = Describe(state);
    auto next = ApplyEvent(state, event, limits);
    ++coverage.events;
    if (!next) {
      ++coverage.rejected[std::string(EventTypeName(event.payload))];
      EXPECT_TRUE(next.error().code == ErrorCode::kInvalidArgument ||
                  next.error().code == ErrorCode::kFailedPrecondition)
          << next.error().field;
      EXPECT_FALSE(next.error().field.empty());
      EXPECT_EQ(Describe(state), described_before) << "a rejected event changed the state";
      continue;
    }
    CheckAcceptedStep(state, *next, event, limits);
    if (::testing::Test::HasFatalFailure()) return;
    state = std::move(*next);
    accepted.push_back(event);
    ++coverage.accepted[std::string(EventTypeName(event.payload))];
    ++coverage.statuses[std::string(DossierStatusName(state.status))];

    EXPECT_EQ(state.last_seq, static_cast<std::int64_t>(accepted.size()));
    auto folded = FoldEvents(accepted, limits);
    if (!folded) {
      ADD_FAILURE() << "FoldEvents rejects the accepted events: " << folded.error().field << ": "
                    << folded.error().message_en;
      return;
    }
    EXPECT_EQ(Describe(*folded), Describe(state));
  }
  ++coverage.sequences;
}

void RunAll(const LifecycleLimits& limits, unsigned first_seed) {
  Coverage coverage;
  for (unsigned seed = first_seed; seed < first_seed + kSeeds; ++seed) {
    RunSequence(seed, limits, coverage);
    if (::testing::Test::HasFailure()) return;  // one seed's report is enough to reproduce
  }
  EXPECT_EQ(coverage.sequences, kSeeds);
  // The generator reaches every status and gets every event type accepted and rejected at least once;
  // otherwise the invariants above would hold vacuously.
  for (DossierStatus status :
       {DossierStatus::kSubmitted, DossierStatus::kProcessing, DossierStatus::kWaitingSupplement,
        DossierStatus::kResultReady, DossierStatus::kReturned, DossierStatus::kRefused, DossierStatus::kWithdrawn,
        DossierStatus::kCancelled, DossierStatus::kReceptionRefused}) {
    EXPECT_GT(coverage.statuses[std::string(DossierStatusName(status))], 0) << DossierStatusName(status);
  }
  for (const char* type :
       {"submitted", "received", "reception_refused", "step_assigned", "step_completed", "transferred",
        "supplement_requested", "supplemented", "extended", "refused", "withdrawn", "cancelled", "result_approved",
        "result_returned", "fee_assessed", "fee_paid", "digitized", "evaluated"}) {
    EXPECT_GT(coverage.accepted[type], 0) << type << " never accepted";
    EXPECT_GT(coverage.rejected[type], 0) << type << " never rejected";
  }
}

TEST(DossierPropertyTest, RandomHistoriesKeepTheInvariants) { RunAll(LifecycleLimits{}, 1); }

TEST(DossierPropertyTest, RandomHistoriesKeepTheInvariantsWithTwoSupplementRequests) {
  RunAll(LifecycleLimits{2, 1}, 10'001);
}

}  // namespace
}  // namespace motcua
