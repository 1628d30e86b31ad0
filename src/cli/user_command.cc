// motcua user add|passwd|disable: manage accounts. Passwords come from standard input (the first line),
// never from the command line, where other users of the machine could read them (ps, shell history).
#include <fmt/core.h>
#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/accounts.h"
#include "app/sodium_password_hasher.h"
#include "cli/command.h"

namespace motcua::cli {
namespace {

struct UserOptions {
  std::string login;
  std::string role;
  std::vector<std::string> units;
  std::vector<std::string> agencies;
  std::string name;
  std::string citizen_id;
};

// Reads one line from standard input; at a terminal, prompts on stderr and turns echo off while typing.
std::optional<std::string> ReadLine(const std::string& prompt) {
  const bool terminal = isatty(STDIN_FILENO) == 1;
  termios saved{};
  if (terminal) {
    fmt::print(stderr, "{}", prompt);
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  const bool read = static_cast<bool>(std::getline(std::cin, line));
  if (terminal) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    fmt::print(stderr, "\n");
  }
  if (!read) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// The new password: the first line of standard input; at a terminal, typed twice.
Result<std::string> ReadNewPassword(const GlobalOptions& global) {
  auto password = ReadLine(std::string(global.out.Say("Mật khẩu: ", "Password: ")));
  if (!password || password->empty()) {
    return Fail(Error::InvalidArgument("password", "chưa nhập mật khẩu (dòng đầu của đầu vào chuẩn)",
                                       "no password given (the first line of standard input)"));
  }
  if (isatty(STDIN_FILENO) == 1) {
    auto again = ReadLine(std::string(global.out.Say("Nhập lại mật khẩu: ", "Password again: ")));
    if (!again || *again != *password) {
      return Fail(Error::InvalidArgument("password", "hai lần nhập mật khẩu không khớp", "the passwords differ"));
    }
  }
  return std::move(*password);
}

// Runs `body` with the accounts use cases over the store named by --db.
template <typename F>
int WithAccounts(const GlobalOptions& global, F body) {
  int exit_code = 0;
  auto store = OpenStoreOrReport(global, exit_code);
  if (!store) return exit_code;
  app::SystemClock clock;
  app::SodiumPasswordHasher hasher;
  app::SodiumTokenSource tokens;
  app::Accounts accounts(*store, clock, hasher, tokens);
  return body(accounts);
}

int RunAdd(const GlobalOptions& global, const UserOptions& o) {
  return WithAccounts(global, [&](app::Accounts& accounts) {
    auto password = ReadNewPassword(global);
    if (!password) return global.out.ReportError(password.error());
    auto added = accounts.AddUser({o.login, o.role, o.units, o.name, o.citizen_id, o.agencies}, *password);
    if (!added) return global.out.ReportError(added.error());
    fmt::print("{} {} ({})\n", global.out.Say("Đã tạo tài khoản", "Created the account"), added->login,
               global.out.Say(RoleLabelVi(added->role), RoleName(added->role)));
    return 0;
  });
}

int RunPasswd(const GlobalOptions& global, const UserOptions& o) {
  return WithAccounts(global, [&](app::Accounts& accounts) {
    auto password = ReadNewPassword(global);
    if (!password) return global.out.ReportError(password.error());
    if (auto changed = accounts.ChangePassword(o.login, *password); !changed) {
      return global.out.ReportError(changed.error());
    }
    fmt::print("{} {}\n", global.out.Say("Đã đổi mật khẩu của", "Changed the password of"), o.login);
    return 0;
  });
}

int RunDisable(const GlobalOptions& global, const UserOptions& o) {
  return WithAccounts(global, [&](app::Accounts& accounts) {
    if (auto disabled = accounts.DisableUser(o.login); !disabled) return global.out.ReportError(disabled.error());
    fmt::print("{} {}\n", global.out.Say("Đã vô hiệu hoá tài khoản", "Disabled the account"), o.login);
    return 0;
  });
}

int RunEnable(const GlobalOptions& global, const UserOptions& o) {
  return WithAccounts(global, [&](app::Accounts& accounts) {
    if (auto enabled = accounts.EnableUser(o.login); !enabled) return global.out.ReportError(enabled.error());
    fmt::print("{} {}\n", global.out.Say("Đã cho phép lại tài khoản", "Enabled the account"), o.login);
    return 0;
  });
}

int RunUnlock(const GlobalOptions& global, const UserOptions& o) {
  return WithAccounts(global, [&](app::Accounts& accounts) {
    if (auto unlocked = accounts.UnlockUser(o.login); !unlocked) return global.out.ReportError(unlocked.error());
    fmt::print("{} {}\n", global.out.Say("Đã mở khóa đăng nhập của", "Unlocked the logins of"), o.login);
    return 0;
  });
}

}  // namespace

CommandRun SetUpUser(CLI::App& command, GlobalOptions& global) {
  auto o = std::make_shared<UserOptions>();
  auto run = std::make_shared<CommandRun>();
  command.require_subcommand(1);
  CLI::App* add = command.add_subcommand("add", "Create an account; the password is read from standard input");
  AddDbOption(*add, global);
  add->add_option("login", o->login, "Login name: 3-64 characters of a-z 0-9 . _ -")->required();
  add->add_option("--role", o->role, "administrator, supervisor, director, receptionist, specialist, leader, citizen")
      ->required();
  add->add_option("--unit", o->units, "A unit code the account works for (repeatable; a province for a supervisor)");
  add->add_option("--agency", o->agencies,
                  "An agency of those units the account is limited to (repeatable; none: every agency of them)");
  add->add_option("--name", o->name, "Display name");
  add->add_option("--citizen-id", o->citizen_id, "The citizen's 12-digit ID (citizen accounts)");
  add->final_callback([&global, o, run] { *run = [&global, o] { return RunAdd(global, *o); }; });
  CLI::App* passwd = command.add_subcommand("passwd", "Set a new password, read from standard input");
  AddDbOption(*passwd, global);
  passwd->add_option("login", o->login, "Login name")->required();
  passwd->final_callback([&global, o, run] { *run = [&global, o] { return RunPasswd(global, *o); }; });
  CLI::App* disable = command.add_subcommand("disable", "Disable an account and end its sessions");
  AddDbOption(*disable, global);
  disable->add_option("login", o->login, "Login name")->required();
  disable->final_callback([&global, o, run] { *run = [&global, o] { return RunDisable(global, *o); }; });
  CLI::App* enable = command.add_subcommand("enable", "Let a disabled account log in again");
  AddDbOption(*enable, global);
  enable->add_option("login", o->login, "Login name")->required();
  enable->final_callback([&global, o, run] { *run = [&global, o] { return RunEnable(global, *o); }; });
  CLI::App* unlock = command.add_subcommand("unlock", "Lift the lock that failed logins put on an account");
  AddDbOption(*unlock, global);
  unlock->add_option("login", o->login, "Login name")->required();
  unlock->final_callback([&global, o, run] { *run = [&global, o] { return RunUnlock(global, *o); }; });
  return [run]() -> int { return *run ? (*run)() : 2; };
}

}  // namespace motcua::cli
