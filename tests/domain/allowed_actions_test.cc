// What may happen to a dossier now (CheckActionNow in domain/dossier_state.h) and what an account may do to it
// (domain/allowed_actions.h). The expected answers are written out from the state machine's rules, never computed
// by the code under test.
#include "domain/allowed_actions.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace motcua {
namespace {

using A = DossierAction;
using S = DossierStatus;

Instant At(const char* iso) { return ParseIsoInstant(iso, "test").value(); }

DossierState InStatus(S status) {
  DossierState state;
  state.code = "X";
  state.last_seq = 3;
  state.status = status;
  state.received_at = At("2026-03-02T09:00:00+07:00");
  state.due_at = At("2026-03-05T09:00:00+07:00");
  state.statutory_due_at = state.due_at;
  return state;
}

std::set<A> PossibleNow(const DossierState& state, const LifecycleLimits& limits = {}) {
  std::set<A> possible;
  for (int i = 0; i <= static_cast<int>(A::kEvaluate); ++i) {
    if (CheckActionNow(state, static_cast<A>(i), limits)) possible.insert(static_cast<A>(i));
  }
  return possible;
}

// Nothing assessed, so no payment; no supplement asked or extension given yet; not handed over.
const std::map<S, std::set<A>> kPossibleByStatus = {
    {S::kSubmitted,
     {A::kView, A::kReceive, A::kAccept, A::kRefuseReception, A::kWithdraw, A::kCancel, A::kAssessFee, A::kDigitize}},
    {S::kProcessing,
     {A::kView, A::kAssignStep, A::kCompleteStep, A::kTransfer, A::kRequestSupplement, A::kExtend, A::kRefuse,
      A::kWithdraw, A::kCancel, A::kApproveResult, A::kAssessFee, A::kDigitize, A::kEvaluate}},
    {S::kWaitingSupplement,
     {A::kView, A::kSupplement, A::kRefuse, A::kWithdraw, A::kCancel, A::kAssessFee, A::kDigitize, A::kEvaluate}},
    {S::kResultReady, {A::kView, A::kReturnResult, A::kAssessFee, A::kDigitize, A::kEvaluate}},
    {S::kReturned, {A::kView, A::kDigitize, A::kEvaluate}},
    {S::kRefused, {A::kView, A::kReturnResult, A::kDigitize, A::kEvaluate}},
    {S::kWithdrawn, {A::kView, A::kDigitize, A::kEvaluate}},
    {S::kCancelled, {A::kView, A::kDigitize, A::kEvaluate}},
    {S::kReceptionRefused, {A::kView}},
};

TEST(CheckActionNowTest, EachStatusAllowsItsActions) {
  for (const auto& [status, expected] : kPossibleByStatus) {
    SCOPED_TRACE(std::string(DossierStatusName(status)));
    EXPECT_EQ(PossibleNow(InStatus(status)), expected);
  }
}

TEST(CheckActionNowTest, ANewDossierCanOnlyBeReceivedOrSubmitted) {
  EXPECT_EQ(PossibleNow(DossierState{}), (std::set<A>{A::kReceive, A::kSubmit}));
}

TEST(CheckActionNowTest, LimitsOfSupplementsAndExtensions) {
  DossierState state = InStatus(S::kProcessing);
  state.supplement_requests = 1;
  state.extensions = 1;
  const auto once = PossibleNow(state, LifecycleLimits{1, 1});
  EXPECT_FALSE(once.contains(A::kRequestSupplement));
  EXPECT_FALSE(once.contains(A::kExtend));
  const auto twice = PossibleNow(state, LifecycleLimits{2, 2});
  EXPECT_TRUE(twice.contains(A::kRequestSupplement));
  EXPECT_TRUE(twice.contains(A::kExtend));
  auto refused = CheckActionNow(state, A::kExtend, LifecycleLimits{1, 1});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(refused.error().field, "type");
}

TEST(CheckActionNowTest, APaymentNeedsSomethingOwed) {
  DossierState state = InStatus(S::kProcessing);
  EXPECT_FALSE(CheckActionNow(state, A::kPayFee));
  state.fees_assessed = Money::Dong(50'000);
  EXPECT_TRUE(CheckActionNow(state, A::kPayFee));
  state.fees_paid = state.fees_assessed;
  EXPECT_FALSE(CheckActionNow(state, A::kPayFee));
  // A returned dossier may still be paid for (a fee collected when the result is handed over).
  state = InStatus(S::kReturned);
  state.fees_assessed = Money::Dong(50'000);
  EXPECT_TRUE(CheckActionNow(state, A::kPayFee));
}

TEST(CheckActionNowTest, AResultIsHandedOverOnce) {
  DossierState state = InStatus(S::kRefused);
  state.returned_at = At("2026-03-06T09:00:00+07:00");
  EXPECT_FALSE(CheckActionNow(state, A::kReturnResult));
}

// ---- AllowedActions: the state machine and the access rules together -------------------------------------

const std::string kUnit = "05152";
const std::string kApplicantId = "004099001234";

DossierParties Home() { return {kUnit, "04", kUnit, "04", kApplicantId}; }

Account Staff(Role role) {
  Account account;
  account.login = "staff";
  account.role = role;
  account.units = {kUnit};
  return account;
}

Account Citizen(std::string citizen_id) {
  Account account;
  account.login = "citizen";
  account.role = Role::kCitizen;
  account.citizen_id = std::move(citizen_id);
  return account;
}

std::vector<A> Allowed(const Account& account, const DossierState& state, DossierParties parties = Home()) {
  return AllowedActions(account, parties, state, LifecycleLimits{});
}

TEST(AllowedActionsTest, TheCounterOnASubmission) {
  EXPECT_EQ(Allowed(Staff(Role::kReceptionist), InStatus(S::kSubmitted)),
            (std::vector<A>{A::kAccept, A::kRefuseReception, A::kWithdraw, A::kCancel, A::kAssessFee, A::kDigitize}));
  EXPECT_EQ(Allowed(Staff(Role::kLeader), InStatus(S::kSubmitted)), (std::vector<A>{A::kAssessFee, A::kDigitize}));
}

TEST(AllowedActionsTest, TheLeaderAndTheSpecialistOnADossierInProcessing) {
  EXPECT_EQ(Allowed(Staff(Role::kLeader), InStatus(S::kProcessing)),
            (std::vector<A>{A::kAssignStep, A::kCompleteStep, A::kTransfer, A::kRequestSupplement, A::kExtend,
                            A::kRefuse, A::kApproveResult, A::kAssessFee, A::kDigitize}));
  EXPECT_EQ(Allowed(Staff(Role::kSpecialist), InStatus(S::kProcessing)),
            (std::vector<A>{A::kAssignStep, A::kCompleteStep, A::kTransfer, A::kRequestSupplement, A::kExtend,
                            A::kAssessFee, A::kDigitize}));
}

TEST(AllowedActionsTest, AfterTheOneSupplementRequestTheButtonGoes) {
  DossierState state = InStatus(S::kProcessing);
  state.supplement_requests = 1;
  const auto allowed = Allowed(Staff(Role::kSpecialist), state);
  EXPECT_EQ(std::ranges::count(allowed, A::kRequestSupplement), 0);
  EXPECT_EQ(std::ranges::count(allowed, A::kExtend), 1);
}

TEST(AllowedActionsTest, TheApplicantOnTheirOwnDossier) {
  DossierState state = InStatus(S::kWaitingSupplement);
  state.fees_assessed = Money::Dong(20'000);
  EXPECT_EQ(Allowed(Citizen(kApplicantId), state),
            (std::vector<A>{A::kSupplement, A::kWithdraw, A::kPayFee, A::kEvaluate}));
  EXPECT_TRUE(Allowed(Citizen("001185006789"), state).empty());  // someone else's
}

TEST(AllowedActionsTest, WatchersAndOutsidersMayDoNothing) {
  const DossierState state = InStatus(S::kProcessing);
  EXPECT_TRUE(Allowed(Staff(Role::kAdministrator), state).empty());
  Account supervisor = Staff(Role::kSupervisor);
  supervisor.units = {"04"};
  EXPECT_TRUE(Allowed(supervisor, state).empty());
  Account elsewhere = Staff(Role::kLeader);
  elsewhere.units = {"05170"};
  EXPECT_TRUE(Allowed(elsewhere, state).empty());
  Account disabled = Staff(Role::kLeader);
  disabled.disabled = true;
  EXPECT_TRUE(Allowed(disabled, state).empty());
}

TEST(AllowedActionsTest, TheDirectorCancels) {
  EXPECT_EQ(Allowed(Staff(Role::kDirector), InStatus(S::kProcessing)), (std::vector<A>{A::kCancel}));
  EXPECT_TRUE(Allowed(Staff(Role::kDirector), InStatus(S::kReturned)).empty());
}

}  // namespace
}  // namespace motcua
