#include "store/sql/sql_dossier_rows.h"

#include <cstdio>

#include "store/dossier_event_codec.h"
#include "store/sql/connection.h"
#include "store/sql/sql_upsert.h"

namespace motcua::store {
namespace {

using nlohmann::json;

sql::Value OptionalTime(const std::optional<Instant>& instant) {
  return instant ? sql::Value(UtcText(*instant)) : sql::Value(nullptr);
}

sql::Value OptionalInt(const std::optional<int>& value) {
  return value ? sql::Value(std::int64_t{*value}) : sql::Value(nullptr);
}

}  // namespace

std::string UtcText(Instant instant) {
  const auto day = std::chrono::floor<std::chrono::days>(instant);
  const std::chrono::year_month_day date(day);
  const std::chrono::hh_mm_ss time(instant - day);
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return text;
}

Result<DossierEvent> ReadEventRow(sql::Statement& row) {
  json event = json::object();
  event["dossier_code"] = row.Text(0);
  event["seq"] = row.Int(1);
  event["type"] = row.Text(2);
  event["actor"] = {{"user", row.Text(3)}, {"role", row.Text(4)}, {"unit", row.Text(5)}};
  event["occurred_at"] = row.Text(6);
  event["recorded_at"] = row.Text(7);
  event["imported"] = static_cast<int>(row.Int(8)) != 0;
  event["imported_by"] = row.Text(9);
  // A payload that is not JSON parses to a "discarded" value, which the decoder rejects as not an object.
  event["payload"] = json::parse(row.Text(10), nullptr, /*allow_exceptions=*/false);
  event["prev_hash"] = row.Text(11);
  event["hash"] = row.Text(12);
  return DecodeDossierEvent(event);
}

void InsertEventRow(sql::Connection& db, const DossierEvent& event, const std::string& province) {
  sql::Statement cached(db, std::string("INSERT INTO dossier_events (") + kEventColumns +
                                ", province_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  sql::Statement& insert = cached;
  insert.Bind(1, event.dossier_code);
  insert.Bind(2, static_cast<int64_t>(event.seq));
  insert.Bind(3, std::string(EventTypeName(event.payload)));
  insert.Bind(4, event.actor.user);
  insert.Bind(5, event.actor.role);
  insert.Bind(6, event.actor.unit);
  insert.Bind(7, UtcText(event.occurred_at));
  insert.Bind(8, UtcText(event.recorded_at));
  insert.Bind(9, event.imported ? 1 : 0);
  insert.Bind(10, event.imported_by);
  insert.Bind(11, EncodeDossierEvent(event)["payload"].dump(-1, ' ', false, json::error_handler_t::replace));
  insert.Bind(12, event.prev_hash);
  insert.Bind(13, event.hash);
  insert.Bind(14, province);
  insert.Execute();
}

const std::vector<std::string>& DossierRowColumns() {
  static const std::vector<std::string> columns = {"code",
                                                   "status",
                                                   "procedure_code",
                                                   "channel",
                                                   "receiving_unit",
                                                   "receiving_point",
                                                   "competent_agency",
                                                   "competent_unit",
                                                   "applicant_citizen_id",
                                                   "applicant_name",
                                                   "applicant_phone",
                                                   "current_step",
                                                   "assignee",
                                                   "submitted_at",
                                                   "received_at",
                                                   "due_at",
                                                   "original_due_at",
                                                   "suspended_at",
                                                   "completed_at",
                                                   "returned_at",
                                                   "supplement_requests",
                                                   "extensions",
                                                   "fees_assessed_vnd",
                                                   "fees_paid_vnd",
                                                   "fees_paid_online_vnd",
                                                   "evaluation",
                                                   "last_seq",
                                                   "last_hash",
                                                   "updated_at",
                                                   "statutory_due_at",
                                                   "province_code"};
  return columns;
}

std::vector<sql::Value> DossierRowValues(const DossierState& s, Instant updated_at, const std::string& province) {
  return {s.code,
          std::string(DossierStatusName(s.status)),
          s.procedure_code,
          std::string(ChannelName(s.channel)),
          s.receiving_unit,
          s.receiving_point,
          s.competent_agency,
          s.competent_unit,
          s.applicant.citizen_id,
          s.applicant.name,
          s.applicant.phone,
          s.current_step,
          s.assignee,
          OptionalTime(s.submitted_at),
          OptionalTime(s.received_at),
          OptionalTime(s.due_at),
          OptionalTime(s.original_due_at),
          OptionalTime(s.suspended_at),
          OptionalTime(s.completed_at),
          OptionalTime(s.returned_at),
          std::int64_t{s.supplement_requests},
          std::int64_t{s.extensions},
          s.fees_assessed.dong(),
          s.fees_paid.dong(),
          s.fees_paid_online.dong(),
          OptionalInt(s.evaluation),
          s.last_seq,
          s.last_hash,
          UtcText(updated_at),
          OptionalTime(s.statutory_due_at),
          province};
}

void WriteDossierRow(sql::Connection& db, const DossierState& s, Instant updated_at, const std::string& province) {
  SqlUpsert upsert(db, "dossiers", DossierRowColumns(), 1);
  TableChanges ignored;
  upsert.Write(DossierRowValues(s, updated_at, province), ignored);
}

std::optional<std::string> ProjectionDifference(sql::Connection& db, const DossierState& s, Instant updated_at,
                                                const std::string& province) {
  const std::vector<std::string>& columns = DossierRowColumns();
  std::string select = "SELECT ";
  for (std::size_t i = 0; i < columns.size(); ++i) select += (i == 0 ? "" : ", ") + columns[i];
  sql::Statement row(db, select + " FROM dossiers WHERE code = ?");
  row.Bind(1, s.code);
  if (!row.Step()) return "no row";
  const std::vector<sql::Value> expected = DossierRowValues(s, updated_at, province);
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (row.Any(static_cast<int>(i)) != expected[i]) return columns[i];
  }
  return std::nullopt;
}

}  // namespace motcua::store
