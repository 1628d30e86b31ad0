#include "cli/backup_output.h"

#include <fmt/core.h>

#include <array>

namespace motcua::cli {

std::string DescribeBytes(std::uint64_t bytes) {
  static constexpr std::array<const char*, 5> kUnits = {"B", "kB", "MB", "GB", "TB"};
  double value = static_cast<double>(bytes);
  std::size_t unit = 0;
  while (value >= 1000 && unit + 1 < kUnits.size()) {
    value /= 1000;
    ++unit;
  }
  return unit == 0 ? fmt::format("{} B", bytes) : fmt::format("{:.1f} {}", value, kUnits[unit]);
}

std::string DescribeBackup(const app::BackupReport& report, const CliOutput& out) {
  const app::BackupManifest& m = report.manifest;
  const std::uint64_t database_bytes = m.files.empty() ? 0 : m.files.front().size;
  const double database_seconds = static_cast<double>(report.database_time.count()) / 1000;
  const double total_seconds = static_cast<double>(report.total_time.count()) / 1000;
  const std::size_t files = report.files_linked + report.files_copied;
  std::string text = fmt::format("{} {}\n", out.Say("Đã sao lưu:", "Backed up:"), report.folder.string());
  text += fmt::format(
      fmt::runtime(std::string(out.Say("  cơ sở dữ liệu: {} (lược đồ {}, {} hồ sơ, {} sự kiện), chép trong {:.2f} s\n",
                                       "  database: {} (schema {}, {} dossiers, {} events), copied in {:.2f} s\n"))),
      DescribeBytes(database_bytes), m.facts.schema_version, m.facts.dossiers, m.facts.events, database_seconds);
  text += fmt::format(fmt::runtime(std::string(out.Say("  tệp tài liệu: {} ({} liên kết cứng, {} bản chép)\n",
                                                       "  document files: {} ({} hard links, {} copies)\n"))),
                      files, report.files_linked, report.files_copied);
  text += fmt::format(fmt::runtime(std::string(out.Say("  tổng: {}, {:.2f} s\n", "  total: {}, {:.2f} s\n"))),
                      DescribeBytes(report.bytes), total_seconds);
  return text;
}

}  // namespace motcua::cli
