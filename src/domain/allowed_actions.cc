#include "domain/allowed_actions.h"

namespace motcua {
namespace {

using A = DossierAction;

constexpr DossierAction kActionsOnADossier[] = {
    A::kAccept,       A::kRefuseReception, A::kAssignStep, A::kCompleteStep, A::kTransfer, A::kRequestSupplement,
    A::kSupplement,   A::kExtend,          A::kRefuse,     A::kWithdraw,     A::kCancel,   A::kApproveResult,
    A::kReturnResult, A::kAssessFee,       A::kPayFee,     A::kDigitize,     A::kEvaluate,
};

}  // namespace

std::vector<DossierAction> AllowedActions(const Account& account, const DossierParties& parties,
                                          const DossierState& state, const LifecycleLimits& limits) {
  std::vector<DossierAction> allowed;
  for (DossierAction action : kActionsOnADossier) {
    if (CheckActionNow(state, action, limits) && AuthorizeDossierAction(account, action, parties)) {
      allowed.push_back(action);
    }
  }
  return allowed;
}

}  // namespace motcua
