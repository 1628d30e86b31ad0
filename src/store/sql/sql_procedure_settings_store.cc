#include "store/sql/sql_procedure_settings_store.h"

#include <nlohmann/json.hpp>

#include "store/sql/connection.h"
#include "store/sql/sql_dossier_rows.h"

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

Result<void> SqlProcedureSettingsStore::Save(const ProcedureSettings& s) {
  sql::Statement exists(db_, "SELECT 1 FROM procedures WHERE code = ?");
  exists.Bind(1, s.procedure_code);
  if (!exists.Step()) {
    return Fail(Error::NotFound("procedure_code", "không có thủ tục mã '" + s.procedure_code + "'",
                                "no procedure has code '" + s.procedure_code + "'"));
  }
  sql::Statement upsert(db_,
                        "INSERT INTO procedure_settings (procedure_code, processing_times, steps, boundaryless, "
                        "updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (procedure_code) DO UPDATE "
                        "SET processing_times = excluded.processing_times, steps = excluded.steps, "
                        "boundaryless = excluded.boundaryless, updated_by = excluded.updated_by, "
                        "updated_at = excluded.updated_at");
  upsert.Bind(1, s.procedure_code);
  upsert.Bind(2, TimesText(s.processing_times));
  upsert.Bind(3, StepsText(s.steps));
  if (s.boundaryless) {
    upsert.Bind(4, *s.boundaryless ? 1 : 0);
  } else {
    upsert.Bind(4, nullptr);
  }
  upsert.Bind(5, s.updated_by);
  upsert.Bind(6, UtcText(s.updated_at));
  upsert.Execute();
  return {};
}

std::optional<ProcedureSettings> SqlProcedureSettingsStore::Find(std::string_view procedure_code) {
  // Cached: every reception reads its procedure's settings.
  sql::Statement cached(db_,
                        "SELECT procedure_code, processing_times, steps, boundaryless, updated_by, updated_at "
                        "FROM procedure_settings WHERE procedure_code = ?");
  sql::Statement& row = cached;
  row.Bind(1, std::string(procedure_code));
  if (!row.Step()) return std::nullopt;
  ProcedureSettings s;
  s.procedure_code = row.Text(0);
  s.processing_times = ReadTimes(row.Text(1));
  s.steps = ReadSteps(row.Text(2));
  if (!row.Null(3)) s.boundaryless = static_cast<int>(row.Int(3)) == 1;
  s.updated_by = row.Text(4);
  s.updated_at = ParseIsoInstant(row.Text(5), "updated_at").value_or(Instant{});
  return s;
}

}  // namespace motcua::store
