#pragma once
// Use case: the accounts of a demonstration database (`motcua init --demo`), one per role, working at the
// demo plan's commune, so that every screen and endpoint can be tried at once. They share one password,
// chosen by whoever creates them (never stored in the repository). Accounts that already exist are left as
// they are, so that `init --demo` stays repeatable.
#include <string>
#include <vector>

#include "app/accounts.h"
#include "app/demo_dossiers.h"

namespace motcua::app {

struct DemoAccount {
  std::string login;
  std::string role;
  bool created = false;  // false: it existed already (its password was not changed)
};

// Creates: quan.tri (administrator), giam.sat (supervisor of the plan's province), giam.doc (director),
// tiep.nhan (receptionist), chuyen.vien (specialist), lanh.dao (leader) at the plan's unit, and cong.dan
// (the citizen whose ID is the plan's citizen_id). `province` is the plan's unit's province.
Result<std::vector<DemoAccount>> CreateDemoAccounts(Accounts& accounts, store::Store& store, const DemoPlan& plan,
                                                    const std::string& province, const std::string& password);

}  // namespace motcua::app
