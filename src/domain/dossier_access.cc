#include "domain/dossier_access.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <span>
#include <variant>
#include <vector>

namespace motcua {
namespace {

// --- Actions ---------------------------------------------------------------------------------------------

struct ActionInfo {
  DossierAction action;
  std::string_view name;
  std::string_view vi;  // a verb phrase: "vai trò X không được <vi>"
  std::string_view en;  // a verb phrase: "the x role may not <en>"
};

constexpr std::array<ActionInfo, 20> kActions{{
    {DossierAction::kView, "view", "xem hồ sơ", "view a dossier"},
    {DossierAction::kReceive, "receive", "tiếp nhận hồ sơ", "receive a dossier"},
    {DossierAction::kSubmit, "submit", "nộp hồ sơ", "submit a dossier"},
    {DossierAction::kAccept, "accept", "tiếp nhận hồ sơ đã nộp", "accept a submitted dossier"},
    {DossierAction::kRefuseReception, "refuse_reception", "từ chối tiếp nhận hồ sơ", "refuse to receive a dossier"},
    {DossierAction::kAssignStep, "assign_step", "phân công bước xử lý", "assign a processing step"},
    {DossierAction::kCompleteStep, "complete_step", "hoàn thành bước xử lý", "complete a processing step"},
    {DossierAction::kTransfer, "transfer", "chuyển hồ sơ liên thông", "transfer a dossier to another agency"},
    {DossierAction::kRequestSupplement, "request_supplement", "yêu cầu bổ sung hồ sơ", "request a supplement"},
    {DossierAction::kSupplement, "supplement", "bổ sung hồ sơ", "supplement a dossier"},
    {DossierAction::kExtend, "extend", "gia hạn thời gian giải quyết", "extend the processing time"},
    {DossierAction::kRefuse, "refuse", "từ chối giải quyết hồ sơ", "refuse a dossier"},
    {DossierAction::kWithdraw, "withdraw", "rút hồ sơ", "withdraw a dossier"},
    {DossierAction::kCancel, "cancel", "hủy hồ sơ", "cancel a dossier"},
    {DossierAction::kApproveResult, "approve_result", "phê duyệt kết quả", "approve a result"},
    {DossierAction::kReturnResult, "return_result", "trả kết quả", "return a result"},
    {DossierAction::kAssessFee, "assess_fee", "xác định phí, lệ phí", "assess a fee"},
    {DossierAction::kPayFee, "pay_fee", "nộp phí, lệ phí", "pay a fee"},
    {DossierAction::kDigitize, "digitize", "số hóa giấy tờ", "digitize a document"},
    {DossierAction::kEvaluate, "evaluate", "đánh giá việc giải quyết", "record an evaluation"},
}};

constexpr bool ActionsInOrder() {
  for (std::size_t i = 0; i < kActions.size(); ++i) {
    if (static_cast<std::size_t>(kActions[i].action) != i) return false;
  }
  return static_cast<std::size_t>(DossierAction::kEvaluate) + 1 == kActions.size();
}
static_assert(ActionsInOrder(), "kActions lists every DossierAction in declaration order");

const ActionInfo& InfoOf(DossierAction action) { return kActions[static_cast<std::size_t>(action)]; }

// --- Who may do what, and where ---------------------------------------------------------------------------

// Which dossiers a grant covers.
enum class Side {
  kAny,        // every dossier (the administrator's view)
  kReceiving,  // received at one of the account's units
  kCompetent,  // decided by one of the account's units
  kEither,     // received at or decided by one of the account's units: both sides of a boundaryless dossier
  kProvince,   // received or decided in one of the account's provinces (a supervisor's units are provinces)
  kOwn,        // the applicant is the citizen of the account
};

struct Grant {
  DossierAction action;
  Side side;
};

using A = DossierAction;

// The rules of dossier_access.h as data. An action absent from a role's list is never allowed to it.
constexpr Grant kAdministratorGrants[] = {{A::kView, Side::kAny}};
constexpr Grant kSupervisorGrants[] = {{A::kView, Side::kProvince}};
// A center's director cancels what the center received (a duplicate, an entry made by mistake).
constexpr Grant kDirectorGrants[] = {{A::kView, Side::kEither}, {A::kCancel, Side::kReceiving}};
// The counter's work (DESIGN.md §1: receive, scan, collect fees, hand results back).
constexpr Grant kReceptionistGrants[] = {
    {A::kView, Side::kEither},
    {A::kReceive, Side::kReceiving},
    {A::kSubmit, Side::kReceiving},  // registering a dossier that came by post (or online outside the portal)
    {A::kAccept, Side::kReceiving},
    {A::kRefuseReception, Side::kReceiving},
    {A::kSupplement, Side::kReceiving},
    {A::kWithdraw, Side::kReceiving},
    {A::kCancel, Side::kReceiving},
    {A::kAssessFee, Side::kReceiving},
    {A::kPayFee, Side::kReceiving},
    {A::kDigitize, Side::kReceiving},
    {A::kReturnResult, Side::kReceiving},
    {A::kEvaluate, Side::kReceiving},
};
// The processing, by the competent unit.
constexpr Grant kSpecialistGrants[] = {
    {A::kView, Side::kEither},         {A::kAssignStep, Side::kCompetent},        {A::kCompleteStep, Side::kCompetent},
    {A::kTransfer, Side::kCompetent},  {A::kRequestSupplement, Side::kCompetent}, {A::kExtend, Side::kCompetent},
    {A::kAssessFee, Side::kCompetent}, {A::kDigitize, Side::kCompetent},
};
constexpr Grant kLeaderGrants[] = {
    {A::kView, Side::kEither},         {A::kAssignStep, Side::kCompetent},        {A::kCompleteStep, Side::kCompetent},
    {A::kTransfer, Side::kCompetent},  {A::kRequestSupplement, Side::kCompetent}, {A::kExtend, Side::kCompetent},
    {A::kAssessFee, Side::kCompetent}, {A::kDigitize, Side::kCompetent},          {A::kApproveResult, Side::kCompetent},
    {A::kRefuse, Side::kCompetent},
};
constexpr Grant kCitizenGrants[] = {
    {A::kView, Side::kOwn},     {A::kSubmit, Side::kOwn}, {A::kSupplement, Side::kOwn},
    {A::kWithdraw, Side::kOwn}, {A::kPayFee, Side::kOwn}, {A::kEvaluate, Side::kOwn},
};

struct RoleGrants {
  Role role;
  std::span<const Grant> grants;
};

constexpr std::array<RoleGrants, 7> kRoleGrants{{
    {Role::kAdministrator, kAdministratorGrants},
    {Role::kSupervisor, kSupervisorGrants},
    {Role::kDirector, kDirectorGrants},
    {Role::kReceptionist, kReceptionistGrants},
    {Role::kSpecialist, kSpecialistGrants},
    {Role::kLeader, kLeaderGrants},
    {Role::kCitizen, kCitizenGrants},
}};

constexpr bool RolesInOrder() {
  for (std::size_t i = 0; i < kRoleGrants.size(); ++i) {
    if (static_cast<std::size_t>(kRoleGrants[i].role) != i) return false;
  }
  return static_cast<std::size_t>(Role::kCitizen) + 1 == kRoleGrants.size();
}
static_assert(RolesInOrder(), "kRoleGrants lists every Role in declaration order");

const Grant* FindGrant(Role role, DossierAction action) {
  for (const Grant& grant : kRoleGrants[static_cast<std::size_t>(role)].grants) {
    if (grant.action == action) return &grant;
  }
  return nullptr;
}

bool Has(const std::vector<std::string>& units, const std::string& code) {
  return !code.empty() && std::ranges::find(units, code) != units.end();
}

// An account limited to agencies is on a side only through one of them (dossier_access.h, "Agencies").
bool AgencyAllows(const Account& account, const std::string& agency) {
  return account.agencies.empty() || Has(account.agencies, agency);
}

bool OnReceivingSide(const Account& account, const DossierParties& parties) {
  return Has(account.units, parties.receiving_unit) && AgencyAllows(account, parties.receiving_agency);
}

bool OnCompetentSide(const Account& account, const DossierParties& parties) {
  return Has(account.units, parties.competent_unit) && AgencyAllows(account, parties.competent_agency);
}

bool Covers(Side side, const Account& account, const DossierParties& parties) {
  switch (side) {
    case Side::kAny:
      return true;
    case Side::kReceiving:
      return OnReceivingSide(account, parties);
    case Side::kCompetent:
      return OnCompetentSide(account, parties);
    case Side::kEither:
      return OnReceivingSide(account, parties) || OnCompetentSide(account, parties);
    case Side::kProvince:
      return Has(account.units, parties.receiving_province) || Has(account.units, parties.competent_province);
    case Side::kOwn:
      return !parties.applicant_citizen_id.empty() && parties.applicant_citizen_id == account.citizen_id;
  }
  return false;
}

// --- Reasons ----------------------------------------------------------------------------------------------

std::string Shown(const std::string& code) { return code.empty() ? "?" : code; }

Error RoleDenied(Role role, DossierAction action) {
  const ActionInfo& info = InfoOf(action);
  return Error::PermissionDenied("role",
                                 "vai trò " + std::string(RoleLabelVi(role)) + " không được " + std::string(info.vi),
                                 "the " + std::string(RoleName(role)) + " role may not " + std::string(info.en));
}

Error UnitDenied(Side side, Role role, DossierAction action, const DossierParties& p) {
  const std::string where_vi =
      "(tiếp nhận tại " + Shown(p.receiving_unit) + ", thẩm quyền " + Shown(p.competent_unit) + ")";
  const std::string where_en =
      "(received at " + Shown(p.receiving_unit) + ", decided by " + Shown(p.competent_unit) + ")";
  const std::string rule_vi =
      "; vai trò " + std::string(RoleLabelVi(role)) + " chỉ được " + std::string(InfoOf(action).vi);
  const std::string rule_en = "; the " + std::string(RoleName(role)) + " role may " + std::string(InfoOf(action).en);
  switch (side) {
    case Side::kReceiving:
      return Error::PermissionDenied("unit",
                                     "hồ sơ không được tiếp nhận tại đơn vị của bạn " + where_vi + rule_vi +
                                         " khi hồ sơ được tiếp nhận tại đơn vị mình",
                                     "the dossier was not received at your units " + where_en + rule_en +
                                         " only when the dossier was received at its units");
    case Side::kCompetent:
      return Error::PermissionDenied("unit",
                                     "hồ sơ không thuộc thẩm quyền giải quyết của đơn vị của bạn " + where_vi +
                                         rule_vi + " khi hồ sơ thuộc thẩm quyền của đơn vị mình",
                                     "the dossier is not decided by your units " + where_en + rule_en +
                                         " only when the dossier is decided by its units");
    case Side::kProvince:
      return Error::PermissionDenied("unit",
                                     "hồ sơ không thuộc tỉnh của bạn (tiếp nhận tại " + Shown(p.receiving_unit) +
                                         " thuộc tỉnh " + Shown(p.receiving_province) + ", thẩm quyền " +
                                         Shown(p.competent_unit) + " thuộc tỉnh " + Shown(p.competent_province) + ")",
                                     "the dossier is not of your province (received at " + Shown(p.receiving_unit) +
                                         " in province " + Shown(p.receiving_province) + ", decided by " +
                                         Shown(p.competent_unit) + " in province " + Shown(p.competent_province) + ")");
    case Side::kEither:
    case Side::kAny:  // never denied
    case Side::kOwn:  // denied on "applicant" instead
      break;
  }
  return Error::PermissionDenied("unit", "hồ sơ không thuộc đơn vị của bạn " + where_vi,
                                 "the dossier is not of your units " + where_en);
}

std::string Listed(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

// The unit is the account's, the agency is not one it works for.
Error AgencyDenied(const Account& account, const DossierParties& p) {
  return Error::PermissionDenied(
      "agency",
      "hồ sơ không thuộc cơ quan của bạn (tiếp nhận qua " + Shown(p.receiving_agency) + ", thẩm quyền " +
          Shown(p.competent_agency) + "); tài khoản chỉ làm việc cho: " + Listed(account.agencies),
      "the dossier is not of your agencies (received through " + Shown(p.receiving_agency) + ", decided by " +
          Shown(p.competent_agency) + "); the account works for: " + Listed(account.agencies));
}

// The other person's citizen ID is not repeated back: the message must not disclose it.
Error ApplicantDenied(const Account& account, const DossierParties& parties) {
  if (account.citizen_id.empty()) {
    return Error::PermissionDenied("applicant", "tài khoản công dân của bạn chưa có số định danh cá nhân",
                                   "your citizen account has no citizen ID");
  }
  if (parties.applicant_citizen_id.empty()) {
    return Error::PermissionDenied(
        "applicant", "hồ sơ đứng tên một tổ chức, không phải của bạn; công dân chỉ thao tác trên hồ sơ của chính mình",
        "the dossier is an organisation's, not yours; a citizen acts only on their own dossiers");
  }
  return Error::PermissionDenied(
      "applicant", "hồ sơ không đứng tên số định danh của bạn; công dân chỉ thao tác trên hồ sơ của chính mình",
      "the dossier is not in the name of your citizen ID; a citizen acts only on their own dossiers");
}

template <typename... Fs>
struct Overloaded : Fs... {
  using Fs::operator()...;
};

}  // namespace

std::string_view DossierActionName(DossierAction action) { return InfoOf(action).name; }

DossierAction ActionOf(const EventPayload& payload) {
  // One overload per payload type and no catch-all: a new event type does not compile until it is mapped here.
  return std::visit(Overloaded{
                        [](const Submitted&) { return A::kSubmit; },
                        [](const Received&) { return A::kReceive; },
                        [](const ReceptionRefused&) { return A::kRefuseReception; },
                        [](const StepAssigned&) { return A::kAssignStep; },
                        [](const StepCompleted&) { return A::kCompleteStep; },
                        [](const Transferred&) { return A::kTransfer; },
                        [](const SupplementRequested&) { return A::kRequestSupplement; },
                        [](const Supplemented&) { return A::kSupplement; },
                        [](const Extended&) { return A::kExtend; },
                        [](const Refused&) { return A::kRefuse; },
                        [](const Withdrawn&) { return A::kWithdraw; },
                        [](const Cancelled&) { return A::kCancel; },
                        [](const ResultApproved&) { return A::kApproveResult; },
                        [](const ResultReturned&) { return A::kReturnResult; },
                        [](const FeeAssessed&) { return A::kAssessFee; },
                        [](const FeePaid&) { return A::kPayFee; },
                        [](const Digitized&) { return A::kDigitize; },
                        [](const Evaluated&) { return A::kEvaluate; },
                    },
                    payload);
}

bool RoleMay(Role role, DossierAction action) { return FindGrant(role, action) != nullptr; }

Result<void> AuthorizeDossierAction(const Account& account, DossierAction action, const DossierParties& parties) {
  if (account.disabled) {
    return Fail(Error::PermissionDenied("role", "tài khoản đã bị vô hiệu hóa, không được thao tác trên hồ sơ",
                                        "the account is disabled and may not act on any dossier"));
  }
  const Grant* grant = FindGrant(account.role, action);
  if (grant == nullptr) return Fail(RoleDenied(account.role, action));
  if (Covers(grant->side, account, parties)) return {};
  if (grant->side == Side::kOwn) return Fail(ApplicantDenied(account, parties));
  Account unlimited = account;
  unlimited.agencies.clear();
  if (Covers(grant->side, unlimited, parties)) return Fail(AgencyDenied(account, parties));
  return Fail(UnitDenied(grant->side, account.role, action, parties));
}

}  // namespace motcua
