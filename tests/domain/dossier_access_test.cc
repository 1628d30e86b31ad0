// Who may do what to a dossier (domain/dossier_access.h). The expected answers are written out from the rules in
// the header's comment (DESIGN.md §1), never computed by the code under test.
#include "domain/dossier_access.h"

#include <gtest/gtest.h>

#include <array>
#include <set>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace motcua {
namespace {

constexpr std::size_t kActionCount = static_cast<std::size_t>(DossierAction::kEvaluate) + 1;

std::vector<DossierAction> AllActions() {
  std::vector<DossierAction> actions;
  for (std::size_t i = 0; i < kActionCount; ++i) actions.push_back(static_cast<DossierAction>(i));
  return actions;
}

// Units of Cao Bằng (04): A receives, B decides a boundaryless dossier, C is a third commune. Hà Nội is 01.
const std::string kA = "05152";
const std::string kB = "05155";
const std::string kC = "05170";
const std::string kMyId = "004099001234";
const std::string kOtherId = "001185006789";

Account Staff(Role role, std::vector<std::string> units) {
  Account account;
  account.login = "staff";
  account.role = role;
  account.units = std::move(units);
  return account;
}

Account Citizen(std::string citizen_id) {
  Account account;
  account.login = "citizen";
  account.role = Role::kCitizen;
  account.citizen_id = std::move(citizen_id);
  return account;
}

DossierParties Dossier(std::string receiving, std::string competent, std::string applicant = kMyId) {
  auto province = [](const std::string& unit) { return unit.size() == 2 ? unit : std::string("04"); };
  return {receiving, province(receiving), competent, province(competent), std::move(applicant)};
}

const DossierParties kHome = Dossier(kA, kA);          // received and decided in A
const DossierParties kBoundaryless = Dossier(kA, kB);  // received in A, decided in B

// The account that works for the home dossier's unit (or province, or is its applicant).
Account HomeAccount(Role role) {
  switch (role) {
    case Role::kAdministrator:
      return Staff(role, {});
    case Role::kSupervisor:
      return Staff(role, {"04"});
    case Role::kCitizen:
      return Citizen(kMyId);
    default:
      return Staff(role, {kA});
  }
}

void ExpectAllowed(const Account& account, DossierAction action, const DossierParties& parties) {
  auto result = AuthorizeDossierAction(account, action, parties);
  EXPECT_TRUE(result.has_value()) << RoleName(account.role) << " " << DossierActionName(action) << ": "
                                  << (result ? "" : result.error().message_en);
}

void ExpectDenied(const Account& account, DossierAction action, const DossierParties& parties,
                  const std::string& field) {
  auto result = AuthorizeDossierAction(account, action, parties);
  ASSERT_FALSE(result.has_value()) << RoleName(account.role) << " " << DossierActionName(action);
  EXPECT_EQ(result.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(result.error().field, field) << RoleName(account.role) << " " << DossierActionName(action) << ": "
                                         << result.error().message_en;
  EXPECT_FALSE(result.error().message_vi.empty());
  EXPECT_FALSE(result.error().message_en.empty());
}

// --- Every role × every action, on a dossier of the account's own unit ----------------------------------------

struct RoleRow {
  Role role;
  // One mark per action in DossierAction order: Y allowed, . denied ("role": the role never does it); spaces
  // only group the marks.
  const char* marks;
};

// Columns, in DossierAction order, in groups of five:
//   view      receive        submit    accept              refuse_reception
//   assign    complete_step  transfer  request_supplement  supplement
//   extend    refuse         withdraw  cancel              approve_result
//   return    assess_fee     pay_fee   digitize            evaluate
// clang-format off
const RoleRow kExpected[] = {
    {Role::kAdministrator, "Y.... ..... ..... ....."},
    {Role::kSupervisor,    "Y.... ..... ..... ....."},
    {Role::kDirector,      "Y.... ..... ...Y. ....."},
    {Role::kReceptionist,  "YYYYY ....Y ..YY. YYYYY"},
    {Role::kSpecialist,    "Y.... YYYY. Y.... .Y.Y."},
    {Role::kLeader,        "Y.... YYYY. YY..Y .Y.Y."},
    {Role::kCitizen,       "Y.Y.. ....Y ..Y.. ..Y.Y"},
};
// clang-format on

std::vector<bool> Marks(const char* marks) {
  std::vector<bool> allowed;
  for (const char* c = marks; *c != '\0'; ++c) {
    if (*c == 'Y') allowed.push_back(true);
    if (*c == '.') allowed.push_back(false);
  }
  return allowed;
}

TEST(DossierAccessTest, EveryRoleAndEveryActionOnADossierOfItsUnit) {
  ASSERT_EQ(std::size(kExpected), 7u) << "one row per role";
  for (const RoleRow& row : kExpected) {
    const std::vector<bool> allowed = Marks(row.marks);
    ASSERT_EQ(allowed.size(), kActionCount) << RoleName(row.role);
    const Account account = HomeAccount(row.role);
    for (DossierAction action : AllActions()) {
      if (allowed[static_cast<std::size_t>(action)]) {
        ExpectAllowed(account, action, kHome);
      } else {
        ExpectDenied(account, action, kHome, "role");
      }
    }
  }
}

TEST(DossierAccessTest, TheRowsCoverEveryRoleOnce) {
  std::set<Role> roles;
  for (const RoleRow& row : kExpected) roles.insert(row.role);
  EXPECT_EQ(roles.size(), 7u);
}

// --- Sides of a boundaryless dossier ------------------------------------------------------------------------

TEST(DossierAccessTest, ReceptionistOfTheReceivingUnitDoesTheCounterWorkButDoesNotDecide) {
  const Account receptionist = Staff(Role::kReceptionist, {kA});
  for (DossierAction action :
       {DossierAction::kView, DossierAction::kReceive, DossierAction::kAccept, DossierAction::kRefuseReception,
        DossierAction::kSupplement, DossierAction::kWithdraw, DossierAction::kCancel, DossierAction::kAssessFee,
        DossierAction::kPayFee, DossierAction::kDigitize, DossierAction::kReturnResult, DossierAction::kEvaluate}) {
    ExpectAllowed(receptionist, action, kBoundaryless);
  }
  ExpectDenied(receptionist, DossierAction::kApproveResult, kBoundaryless, "role");
  ExpectDenied(receptionist, DossierAction::kAssignStep, kBoundaryless, "role");
}

TEST(DossierAccessTest, ReceptionistOfTheCompetentUnitSeesButDoesNoCounterWork) {
  const Account receptionist = Staff(Role::kReceptionist, {kB});
  ExpectAllowed(receptionist, DossierAction::kView, kBoundaryless);
  ExpectDenied(receptionist, DossierAction::kReceive, kBoundaryless, "unit");
  ExpectDenied(receptionist, DossierAction::kReturnResult, kBoundaryless, "unit");
  ExpectDenied(receptionist, DossierAction::kPayFee, kBoundaryless, "unit");
}

TEST(DossierAccessTest, LeaderOfTheCompetentUnitDecidesButDoesNotHandOver) {
  const Account leader = Staff(Role::kLeader, {kB});
  for (DossierAction action :
       {DossierAction::kView, DossierAction::kApproveResult, DossierAction::kRefuse, DossierAction::kAssignStep,
        DossierAction::kCompleteStep, DossierAction::kTransfer, DossierAction::kRequestSupplement,
        DossierAction::kExtend, DossierAction::kAssessFee, DossierAction::kDigitize}) {
    ExpectAllowed(leader, action, kBoundaryless);
  }
  ExpectDenied(leader, DossierAction::kReturnResult, kBoundaryless, "role");
  ExpectDenied(leader, DossierAction::kReceive, kBoundaryless, "role");
}

TEST(DossierAccessTest, LeaderAndSpecialistOfTheReceivingUnitSeeButDoNotProcess) {
  const Account leader = Staff(Role::kLeader, {kA});
  ExpectAllowed(leader, DossierAction::kView, kBoundaryless);
  ExpectDenied(leader, DossierAction::kApproveResult, kBoundaryless, "unit");
  ExpectDenied(leader, DossierAction::kRefuse, kBoundaryless, "unit");
  const Account specialist = Staff(Role::kSpecialist, {kA});
  ExpectAllowed(specialist, DossierAction::kView, kBoundaryless);
  ExpectDenied(specialist, DossierAction::kAssignStep, kBoundaryless, "unit");
  ExpectDenied(specialist, DossierAction::kDigitize, kBoundaryless, "unit");
}

TEST(DossierAccessTest, SpecialistOfAThirdUnitSeesNothing) {
  const Account specialist = Staff(Role::kSpecialist, {kC});
  // The actions the role has are refused for the unit, the others for the role.
  const std::set<DossierAction> specialist_actions = {
      DossierAction::kView,      DossierAction::kAssignStep,        DossierAction::kCompleteStep,
      DossierAction::kTransfer,  DossierAction::kRequestSupplement, DossierAction::kExtend,
      DossierAction::kAssessFee, DossierAction::kDigitize};
  for (DossierAction action : AllActions()) {
    ExpectDenied(specialist, action, kBoundaryless, specialist_actions.contains(action) ? "unit" : "role");
  }
}

TEST(DossierAccessTest, DirectorSeesBothSidesAndCancelsWhatItsCenterReceived) {
  const Account receiving = Staff(Role::kDirector, {kA});
  ExpectAllowed(receiving, DossierAction::kView, kBoundaryless);
  ExpectAllowed(receiving, DossierAction::kCancel, kBoundaryless);
  const Account competent = Staff(Role::kDirector, {kB});
  ExpectAllowed(competent, DossierAction::kView, kBoundaryless);
  ExpectDenied(competent, DossierAction::kCancel, kBoundaryless, "unit");
  const Account third = Staff(Role::kDirector, {kC});
  ExpectDenied(third, DossierAction::kView, kBoundaryless, "unit");
  ExpectDenied(third, DossierAction::kCancel, kBoundaryless, "unit");
  ExpectDenied(receiving, DossierAction::kApproveResult, kBoundaryless, "role");
}

TEST(DossierAccessTest, DirectorOfAProvinceCenterWorksOnDossiersReceivedAtTheProvince) {
  const Account director = Staff(Role::kDirector, {"04"});
  const DossierParties at_province = Dossier("04", kB);
  ExpectAllowed(director, DossierAction::kView, at_province);
  ExpectAllowed(director, DossierAction::kCancel, at_province);
  // A province code is a unit of its own, not the communes of the province: that is a supervisor's view.
  ExpectDenied(director, DossierAction::kView, kBoundaryless, "unit");
}

TEST(DossierAccessTest, SupervisorSeesTheDossiersOfItsProvinceOnly) {
  ExpectAllowed(Staff(Role::kSupervisor, {"04"}), DossierAction::kView, kBoundaryless);
  ExpectDenied(Staff(Role::kSupervisor, {"01"}), DossierAction::kView, kBoundaryless, "unit");
  ExpectDenied(Staff(Role::kSupervisor, {"04"}), DossierAction::kCancel, kBoundaryless, "role");
  // Received in Hà Nội for a Cao Bằng agency (a delegated reception): both provinces' supervisors see it.
  const DossierParties across{"00004", "01", kB, "04", ""};
  ExpectAllowed(Staff(Role::kSupervisor, {"01"}), DossierAction::kView, across);
  ExpectAllowed(Staff(Role::kSupervisor, {"04"}), DossierAction::kView, across);
  ExpectDenied(Staff(Role::kSupervisor, {"79"}), DossierAction::kView, across, "unit");
  // A supervisor's unit is a province: a commune code in its list matches no province.
  ExpectDenied(Staff(Role::kSupervisor, {kA}), DossierAction::kView, kBoundaryless, "unit");
}

TEST(DossierAccessTest, AdministratorSeesEveryDossierAndActsOnNone) {
  const Account admin = Staff(Role::kAdministrator, {});
  ExpectAllowed(admin, DossierAction::kView, kBoundaryless);
  ExpectAllowed(admin, DossierAction::kView, Dossier("00004", "00004", ""));
  ExpectDenied(admin, DossierAction::kCancel, kBoundaryless, "role");
}

// --- Citizens -----------------------------------------------------------------------------------------------

TEST(DossierAccessTest, CitizenActsOnTheirOwnDossierWhereverItIsProcessed) {
  const Account citizen = Citizen(kMyId);
  for (DossierAction action : {DossierAction::kView, DossierAction::kSubmit, DossierAction::kSupplement,
                               DossierAction::kWithdraw, DossierAction::kPayFee, DossierAction::kEvaluate}) {
    ExpectAllowed(citizen, action, kBoundaryless);
  }
  ExpectDenied(citizen, DossierAction::kCancel, kBoundaryless, "role");
  ExpectDenied(citizen, DossierAction::kReceive, kBoundaryless, "role");
}

TEST(DossierAccessTest, CitizenMayNotTouchAnotherPersonsOrAnOrganisationsDossier) {
  const Account citizen = Citizen(kMyId);
  const DossierParties someone_else = Dossier(kA, kB, kOtherId);
  const DossierParties organisation = Dossier(kA, kB, "");
  for (DossierAction action : {DossierAction::kView, DossierAction::kSubmit, DossierAction::kSupplement,
                               DossierAction::kWithdraw, DossierAction::kPayFee, DossierAction::kEvaluate}) {
    ExpectDenied(citizen, action, someone_else, "applicant");
    ExpectDenied(citizen, action, organisation, "applicant");
  }
  auto denied = AuthorizeDossierAction(citizen, DossierAction::kView, someone_else);
  ASSERT_FALSE(denied.has_value());
  // The other person's ID is not disclosed.
  EXPECT_EQ(denied.error().message_vi.find(kOtherId), std::string::npos);
  EXPECT_EQ(denied.error().message_en.find(kOtherId), std::string::npos);
}

TEST(DossierAccessTest, CitizenAccountWithoutAnIdDoesNotMatchAnOrganisationsEmptyId) {
  ExpectDenied(Citizen(""), DossierAction::kView, Dossier(kA, kB, ""), "applicant");
}

TEST(DossierAccessTest, StaffUnitsDoNotMatchADossierWithEmptyUnits) {
  ExpectDenied(Staff(Role::kReceptionist, {kA}), DossierAction::kView, DossierParties{}, "unit");
}

// --- Disabled accounts, several units -----------------------------------------------------------------------

TEST(DossierAccessTest, DisabledAccountIsRefusedEverything) {
  for (const RoleRow& row : kExpected) {
    Account account = HomeAccount(row.role);
    account.disabled = true;
    for (DossierAction action : AllActions()) ExpectDenied(account, action, kHome, "role");
  }
  Account admin = Staff(Role::kAdministrator, {});
  admin.disabled = true;
  auto result = AuthorizeDossierAction(admin, DossierAction::kView, kHome);
  ASSERT_FALSE(result.has_value());
  EXPECT_NE(result.error().message_vi.find("vô hiệu hóa"), std::string::npos);
  EXPECT_NE(result.error().message_en.find("disabled"), std::string::npos);
}

TEST(DossierAccessTest, AccountWithSeveralUnitsActsForAnyOfThem) {
  const Account specialist = Staff(Role::kSpecialist, {kC, kB});
  ExpectAllowed(specialist, DossierAction::kAssignStep, kBoundaryless);
  ExpectAllowed(specialist, DossierAction::kAssignStep, Dossier(kC, kC));
  ExpectDenied(specialist, DossierAction::kAssignStep, kHome, "unit");
  const Account receptionist = Staff(Role::kReceptionist, {kB, kA});
  ExpectAllowed(receptionist, DossierAction::kReceive, kBoundaryless);
  ExpectAllowed(receptionist, DossierAction::kReceive, Dossier(kB, kC));
  ExpectDenied(receptionist, DossierAction::kReceive, Dossier(kC, kB), "unit");
}

// --- Accounts limited to agencies ------------------------------------------------------------------------------

// Unit A has two agencies: its People's Committee and its commune police. The account is limited to the police.
const std::string kCommittee = "000.00.25.H52";
const std::string kPolice = "000.05.25.H52";

DossierParties Through(const std::string& receiving_agency, const std::string& competent_agency) {
  DossierParties parties = kHome;
  parties.receiving_agency = receiving_agency;
  parties.competent_agency = competent_agency;
  return parties;
}

Account PoliceAccount(Role role) {
  Account account = Staff(role, {kA});
  account.agencies = {kPolice};
  return account;
}

struct AgencyRow {
  Role role;
  // As kExpected, one mark per action: Y allowed, . denied on "role", a denied on "agency".
  const char* marks;
};

// Written from the rules: counter actions follow the receiving agency, processing actions the competent one,
// viewing either; what the role never does stays a "role" denial.
// clang-format off
const AgencyRow kThroughThePolice[] = {  // received at the police's point, decided by the police
    {Role::kDirector,     "Y.... ..... ...Y. ....."},
    {Role::kReceptionist, "YYYYY ....Y ..YY. YYYYY"},
    {Role::kSpecialist,   "Y.... YYYY. Y.... .Y.Y."},
    {Role::kLeader,       "Y.... YYYY. YY..Y .Y.Y."},
};
const AgencyRow kThroughTheCommittee[] = {  // received and decided by the committee
    {Role::kDirector,     "a.... ..... ...a. ....."},
    {Role::kReceptionist, "aaaaa ....a ..aa. aaaaa"},
    {Role::kSpecialist,   "a.... aaaa. a.... .a.a."},
    {Role::kLeader,       "a.... aaaa. aa..a .a.a."},
};
const AgencyRow kReceivedByTheCommitteeForThePolice[] = {
    {Role::kDirector,     "Y.... ..... ...a. ....."},
    {Role::kReceptionist, "Yaaaa ....a ..aa. aaaaa"},
    {Role::kSpecialist,   "Y.... YYYY. Y.... .Y.Y."},
    {Role::kLeader,       "Y.... YYYY. YY..Y .Y.Y."},
};
const AgencyRow kReceivedByThePoliceForTheCommittee[] = {
    {Role::kDirector,     "Y.... ..... ...Y. ....."},
    {Role::kReceptionist, "YYYYY ....Y ..YY. YYYYY"},
    {Role::kSpecialist,   "Y.... aaaa. a.... .a.a."},
    {Role::kLeader,       "Y.... aaaa. aa..a .a.a."},
};
// clang-format on

void ExpectAgencyTable(std::span<const AgencyRow> rows, const DossierParties& parties) {
  ASSERT_EQ(rows.size(), 4u) << "one row per role that may have agencies";
  for (const AgencyRow& row : rows) {
    ASSERT_TRUE(RoleMayHaveAgencies(row.role));
    std::vector<char> marks;
    for (const char* c = row.marks; *c != '\0'; ++c) {
      if (*c != ' ') marks.push_back(*c);
    }
    ASSERT_EQ(marks.size(), kActionCount) << RoleName(row.role);
    const Account account = PoliceAccount(row.role);
    for (DossierAction action : AllActions()) {
      const char mark = marks[static_cast<std::size_t>(action)];
      if (mark == 'Y') {
        ExpectAllowed(account, action, parties);
      } else {
        ExpectDenied(account, action, parties, mark == 'a' ? "agency" : "role");
      }
    }
  }
}

TEST(DossierAccessTest, AnAccountLimitedToAnAgencyWorksOnlyThroughIt) {
  ExpectAgencyTable(kThroughThePolice, Through(kPolice, kPolice));
  ExpectAgencyTable(kThroughTheCommittee, Through(kCommittee, kCommittee));
  ExpectAgencyTable(kReceivedByTheCommitteeForThePolice, Through(kCommittee, kPolice));
  ExpectAgencyTable(kReceivedByThePoliceForTheCommittee, Through(kPolice, kCommittee));
}

TEST(DossierAccessTest, AnAccountWithoutAgenciesWorksForEveryAgencyOfItsUnits) {
  for (const RoleRow& row : kExpected) {
    const std::vector<bool> allowed = Marks(row.marks);
    const Account account = HomeAccount(row.role);
    for (DossierAction action : AllActions()) {
      if (allowed[static_cast<std::size_t>(action)]) ExpectAllowed(account, action, Through(kCommittee, kPolice));
    }
  }
}

TEST(DossierAccessTest, AnAgencyOfTheAccountDoesNotOpenAnotherUnit) {
  // Another unit's dossier stays a "unit" denial, whatever its agencies are called.
  DossierParties elsewhere = Dossier(kC, kC);
  elsewhere.receiving_agency = kPolice;
  elsewhere.competent_agency = kPolice;
  ExpectDenied(PoliceAccount(Role::kSpecialist), DossierAction::kView, elsewhere, "unit");
  ExpectDenied(PoliceAccount(Role::kLeader), DossierAction::kApproveResult, elsewhere, "unit");
  // A dossier whose agencies are unknown is nobody's agency.
  ExpectDenied(PoliceAccount(Role::kSpecialist), DossierAction::kView, kHome, "agency");
}

TEST(DossierAccessTest, AgencyDenialNamesTheDossiersAgenciesAndTheAccounts) {
  auto denied = AuthorizeDossierAction(PoliceAccount(Role::kLeader), DossierAction::kApproveResult,
                                       Through(kCommittee, kCommittee));
  ASSERT_FALSE(denied.has_value());
  EXPECT_EQ(denied.error().field, "agency");
  EXPECT_EQ(denied.error().message_vi,
            "hồ sơ không thuộc cơ quan của bạn (tiếp nhận qua 000.00.25.H52, thẩm quyền 000.00.25.H52); tài khoản "
            "chỉ làm việc cho: 000.05.25.H52");
  EXPECT_EQ(denied.error().message_en,
            "the dossier is not of your agencies (received through 000.00.25.H52, decided by 000.00.25.H52); the "
            "account works for: 000.05.25.H52");
}

// --- The reasons ---------------------------------------------------------------------------------------------

TEST(DossierAccessTest, RoleDenialNamesTheRoleAndTheActionInBothLanguages) {
  auto result = AuthorizeDossierAction(Staff(Role::kSpecialist, {kA}), DossierAction::kApproveResult, kHome);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().field, "role");
  EXPECT_EQ(result.error().message_vi, "vai trò Chuyên viên xử lý không được phê duyệt kết quả");
  EXPECT_EQ(result.error().message_en, "the specialist role may not approve a result");
}

TEST(DossierAccessTest, UnitDenialNamesWhereTheDossierWasReceivedAndDecided) {
  auto view = AuthorizeDossierAction(Staff(Role::kSpecialist, {kC}), DossierAction::kView, kBoundaryless);
  ASSERT_FALSE(view.has_value());
  EXPECT_EQ(view.error().message_vi, "hồ sơ không thuộc đơn vị của bạn (tiếp nhận tại 05152, thẩm quyền 05155)");
  EXPECT_EQ(view.error().message_en, "the dossier is not of your units (received at 05152, decided by 05155)");

  auto approve = AuthorizeDossierAction(Staff(Role::kLeader, {kA}), DossierAction::kApproveResult, kBoundaryless);
  ASSERT_FALSE(approve.has_value());
  EXPECT_NE(approve.error().message_vi.find("thẩm quyền"), std::string::npos);
  EXPECT_NE(approve.error().message_vi.find("phê duyệt kết quả"), std::string::npos);
  EXPECT_NE(approve.error().message_vi.find("05155"), std::string::npos);
  EXPECT_NE(approve.error().message_en.find("not decided by your units"), std::string::npos);
  EXPECT_NE(approve.error().message_en.find("approve a result"), std::string::npos);

  auto receive = AuthorizeDossierAction(Staff(Role::kReceptionist, {kB}), DossierAction::kReceive, kBoundaryless);
  ASSERT_FALSE(receive.has_value());
  EXPECT_NE(receive.error().message_vi.find("không được tiếp nhận tại đơn vị của bạn"), std::string::npos);
  EXPECT_NE(receive.error().message_vi.find("05152"), std::string::npos);
  EXPECT_NE(receive.error().message_en.find("not received at your units"), std::string::npos);

  auto province = AuthorizeDossierAction(Staff(Role::kSupervisor, {"01"}), DossierAction::kView, kBoundaryless);
  ASSERT_FALSE(province.has_value());
  EXPECT_NE(province.error().message_vi.find("tỉnh 04"), std::string::npos);
  EXPECT_NE(province.error().message_en.find("province 04"), std::string::npos);
}

TEST(DossierAccessTest, ApplicantDenialSaysTheDossierIsNotTheirs) {
  auto other = AuthorizeDossierAction(Citizen(kMyId), DossierAction::kView, Dossier(kA, kA, kOtherId));
  ASSERT_FALSE(other.has_value());
  EXPECT_NE(other.error().message_vi.find("của chính mình"), std::string::npos);
  EXPECT_NE(other.error().message_en.find("own dossiers"), std::string::npos);
  auto organisation = AuthorizeDossierAction(Citizen(kMyId), DossierAction::kView, Dossier(kA, kA, ""));
  ASSERT_FALSE(organisation.has_value());
  EXPECT_NE(organisation.error().message_vi.find("tổ chức"), std::string::npos);
  EXPECT_NE(organisation.error().message_en.find("organisation"), std::string::npos);
}

// --- Names and payloads -------------------------------------------------------------------------------------

TEST(DossierActionNameTest, EveryActionHasItsOwnSnakeCaseName) {
  const char* expected[] = {"view",          "receive",          "submit",
                            "accept",        "refuse_reception", "assign_step",
                            "complete_step", "transfer",         "request_supplement",
                            "supplement",    "extend",           "refuse",
                            "withdraw",      "cancel",           "approve_result",
                            "return_result", "assess_fee",       "pay_fee",
                            "digitize",      "evaluate"};
  ASSERT_EQ(std::size(expected), kActionCount);
  std::set<std::string_view> names;
  for (DossierAction action : AllActions()) {
    const std::string_view name = DossierActionName(action);
    EXPECT_EQ(name, expected[static_cast<std::size_t>(action)]);
    EXPECT_TRUE(names.insert(name).second) << name << " is used twice";
  }
}

TEST(ActionOfTest, EveryPayloadTypeMapsToItsAction) {
  struct Case {
    EventPayload payload;
    DossierAction action;
  };
  const Case cases[] = {
      {Submitted{}, DossierAction::kSubmit},
      {Received{}, DossierAction::kReceive},
      {ReceptionRefused{}, DossierAction::kRefuseReception},
      {StepAssigned{}, DossierAction::kAssignStep},
      {StepCompleted{}, DossierAction::kCompleteStep},
      {Transferred{}, DossierAction::kTransfer},
      {SupplementRequested{}, DossierAction::kRequestSupplement},
      {Supplemented{}, DossierAction::kSupplement},
      {Extended{}, DossierAction::kExtend},
      {Refused{}, DossierAction::kRefuse},
      {Withdrawn{}, DossierAction::kWithdraw},
      {Cancelled{}, DossierAction::kCancel},
      {ResultApproved{}, DossierAction::kApproveResult},
      {ResultReturned{}, DossierAction::kReturnResult},
      {FeeAssessed{}, DossierAction::kAssessFee},
      {FeePaid{}, DossierAction::kPayFee},
      {Digitized{}, DossierAction::kDigitize},
      {Evaluated{}, DossierAction::kEvaluate},
  };
  ASSERT_EQ(std::size(cases), std::variant_size_v<EventPayload>);
  std::set<std::size_t> indexes;
  for (const Case& c : cases) {
    indexes.insert(c.payload.index());
    EXPECT_EQ(ActionOf(c.payload), c.action) << EventTypeName(c.payload);
  }
  EXPECT_EQ(indexes.size(), std::variant_size_v<EventPayload>) << "each payload type once";
}

}  // namespace
}  // namespace motcua
