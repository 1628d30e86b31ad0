#pragma once
// How `motcua backup` prints a backup and `motcua serve` logs its scheduled ones: the same figures, so that an
// officer comparing a manual backup with the scheduled ones reads the same numbers.
#include <cstdint>
#include <string>

#include "app/backup.h"
#include "cli/cli_output.h"

namespace motcua::cli {

// "12.3 MB", "512 B": sizes as people read them (powers of 1000, as disk sizes are sold).
std::string DescribeBytes(std::uint64_t bytes);

// The report as lines for a person, in the output's language: where, what it holds, how big, how long.
std::string DescribeBackup(const app::BackupReport& report, const CliOutput& out);

}  // namespace motcua::cli
