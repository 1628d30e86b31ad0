#include "store/sqlite/sqlite_procedure_settings_store.h"

#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include "store/sqlite/sqlite_dossier_rows.h"
#include "store/sqlite/sqlite_statement_cache.h"

namespace motcua::store {
namespace {

using nlohmann::json;

std::string TimesText(const std::vector<ChannelTime>& times) {
  json items = json::array();
  for (const ChannelTime& t : times) {
    items.push_back({{"channel", ChannelName(t.channel)}, {"amount", t.amount}, {"unit", TimeUnitName(t.unit)}});
  }
  return items.dump();
}

std::string StepsText(const std::vector<WorkflowStep>& steps) {
  json items = json::array();
  for (const WorkflowStep& s : steps) {
    items.push_back({{"name", s.name}, {"role", RoleName(s.role)}, {"share_percent", s.share_percent}});
  }
  return items.dump(-1, ' ', false, json::error_handler_t::replace);
}

// The stored arrays were written by this file from validated settings; an entry that no longer reads (edited
// outside motcua) is skipped rather than failing every intake of the procedure.
std::vector<ChannelTime> ReadTimes(const std::string& text) {
  std::vector<ChannelTime> times;
  const json items = json::parse(text, nullptr, false);
  if (!items.is_array()) return times;
  for (const json& item : items) {
    if (!item.is_object() || !item.value("amount", json()).is_number()) continue;
    const auto channel = ParseChannel(item.value("channel", ""));
    const auto unit = ParseTimeUnit(item.value("unit", ""));
    if (channel && unit) times.push_back({*channel, item["amount"].get<double>(), *unit});
  }
  return times;
}

std::vector<WorkflowStep> ReadSteps(const std::string& text) {
  std::vector<WorkflowStep> steps;
  const json items = json::parse(text, nullptr, false);
  if (!items.is_array()) return steps;
  for (const json& item : items) {
    if (!item.is_object() || !item.value("share_percent", json()).is_number_integer()) continue;
    const auto role = ParseRole(item.value("role", ""));
    if (role) steps.push_back({item.value("name", ""), *role, item["share_percent"].get<int>()});
  }
  return steps;
}

}  // namespace

Result<void> SqliteProcedureSettingsStore::Save(const ProcedureSettings& s) {
  SQLite::Statement exists(db_, "SELECT 1 FROM procedures WHERE code = ?");
  exists.bind(1, s.procedure_code);
  if (!exists.executeStep()) {
    return Fail(Error::NotFound("procedure_code", "không có thủ tục mã '" + s.procedure_code + "'",
                                "no procedure has code '" + s.procedure_code + "'"));
  }
  SQLite::Statement upsert(db_,
                           "INSERT INTO procedure_settings (procedure_code, processing_times, steps, boundaryless, "
                           "updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (procedure_code) DO UPDATE "
                           "SET processing_times = excluded.processing_times, steps = excluded.steps, "
                           "boundaryless = excluded.boundaryless, updated_by = excluded.updated_by, "
                           "updated_at = excluded.updated_at");
  upsert.bind(1, s.procedure_code);
  upsert.bind(2, TimesText(s.processing_times));
  upsert.bind(3, StepsText(s.steps));
  if (s.boundaryless) {
    upsert.bind(4, *s.boundaryless ? 1 : 0);
  } else {
    upsert.bind(4);
  }
  upsert.bind(5, s.updated_by);
  upsert.bind(6, UtcText(s.updated_at));
  upsert.exec();
  return {};
}

std::optional<ProcedureSettings> SqliteProcedureSettingsStore::Find(std::string_view procedure_code) {
  // Cached: every reception reads its procedure's settings.
  CachedStatement cached(db_,
                         "SELECT procedure_code, processing_times, steps, boundaryless, updated_by, updated_at "
                         "FROM procedure_settings WHERE procedure_code = ?");
  SQLite::Statement& row = *cached;
  row.bind(1, std::string(procedure_code));
  if (!row.executeStep()) return std::nullopt;
  ProcedureSettings s;
  s.procedure_code = row.getColumn(0).getString();
  s.processing_times = ReadTimes(row.getColumn(1).getString());
  s.steps = ReadSteps(row.getColumn(2).getString());
  if (!row.getColumn(3).isNull()) s.boundaryless = row.getColumn(3).getInt() == 1;
  s.updated_by = row.getColumn(4).getString();
  s.updated_at = ParseIsoInstant(row.getColumn(5).getString(), "updated_at").value_or(Instant{});
  return s;
}

}  // namespace motcua::store
