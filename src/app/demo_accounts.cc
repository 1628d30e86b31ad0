#include "app/demo_accounts.h"

namespace motcua::app {

Result<std::vector<DemoAccount>> CreateDemoAccounts(Accounts& accounts, store::Store& store, const DemoPlan& plan,
                                                    const std::string& province, const std::string& password) {
  const std::vector<NewAccount> wanted = {
      {"quan.tri", "administrator", {}, "Quản trị hệ thống", ""},
      {"giam.sat", "supervisor", {province}, "Giám sát tỉnh", ""},
      {"giam.doc", "director", {plan.unit}, "Giám đốc Trung tâm", ""},
      {"tiep.nhan", "receptionist", {plan.unit}, "Cán bộ tiếp nhận", ""},
      {"chuyen.vien", "specialist", {plan.unit}, "Chuyên viên", ""},
      {"lanh.dao", "leader", {plan.unit}, "Lãnh đạo UBND xã", ""},
      {"cong.dan", "citizen", {}, "Nguyễn Thị Mai", plan.citizen_id},
  };
  std::vector<DemoAccount> made;
  for (const NewAccount& account : wanted) {
    auto existing = store.FindAccount(account.login);
    if (!existing) return Fail(existing.error());
    if (!*existing) {
      if (auto added = accounts.AddUser(account, password); !added) return Fail(added.error());
    }
    made.push_back({account.login, account.role, !*existing});
  }
  return made;
}

}  // namespace motcua::app
