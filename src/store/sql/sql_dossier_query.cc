#include "store/sql/sql_dossier_query.h"

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "store/sql/connection.h"
#include "store/sql/sql_dossier_rows.h"

namespace motcua::store {
namespace {

constexpr std::size_t kMaxLimit = 500;
constexpr std::string_view kByCodeCursor = "c1:";
constexpr std::string_view kByDueCursor = "d1:";
// Stands for "no appointment" in the sort key and in cursors; it sorts after every date (which starts with a
// digit), which puts dossiers without an appointment last.
constexpr std::string_view kNoDue = "none";
// The sort key of DossierOrder::kByDueAt, spelled exactly as the index dossiers_by_due_order (0004) is.
constexpr const char* kDueKey = "coalesce(due_at, 'none')";

constexpr const char* kSummaryColumns =
    "code, status, procedure_code, channel, receiving_unit, receiving_point, competent_agency, competent_unit, "
    "applicant_name, applicant_citizen_id, current_step, assignee, submitted_at, received_at, due_at, "
    "completed_at, last_seq, updated_at, statutory_due_at";

// A piece of WHERE clause with its parameters, which are only ever bound, never spliced into the text.
struct Clause {
  std::string sql;
  std::vector<std::string> values;
};

// Where the next page starts: after the dossier with this sort key (kNoDue or a UTC time; unused by
// kByCode) and this code.
struct Cursor {
  std::string due_key;
  std::string code;
};

std::string Placeholders(std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) text += i == 0 ? "?" : ", ?";
  return text;
}

std::vector<std::string> Twice(const std::vector<std::string>& values) {
  std::vector<std::string> doubled = values;
  doubled.insert(doubled.end(), values.begin(), values.end());
  return doubled;
}

// The criteria joined by `glue` (" OR ", " AND "), in parentheses.
Clause Join(const std::vector<Clause>& clauses, std::string_view glue) {
  Clause joined{"(", {}};
  for (const Clause& clause : clauses) {
    if (joined.sql.size() > 1) joined.sql += glue;
    joined.sql += clause.sql;
    joined.values.insert(joined.values.end(), clause.values.begin(), clause.values.end());
  }
  joined.sql += ")";
  return joined;
}

Clause ReceivingOrCompetentIn(const std::vector<std::string>& units) {
  const std::string in = " IN (" + Placeholders(units.size()) + ")";
  return {"(receiving_unit" + in + " OR competent_unit" + in + ")", Twice(units)};
}

// As ReceivingOrCompetentIn, each side only through one of `agencies` (store.h DossierScope::agencies).
Clause ThroughAgenciesOf(const std::vector<std::string>& units, const std::vector<std::string>& agencies) {
  const std::string in_units = " IN (" + Placeholders(units.size()) + ")";
  const std::string in_agencies = " IN (" + Placeholders(agencies.size()) + ")";
  Clause clause{"((receiving_unit" + in_units + " AND (receiving_point IN (SELECT id FROM receiving_points WHERE " +
                    "agency_id" + in_agencies + ") OR (receiving_point = '' AND competent_agency" + in_agencies +
                    "))) OR (competent_unit" + in_units + " AND competent_agency" + in_agencies + "))",
                units};
  for (const auto* part : {&agencies, &agencies, &units, &agencies}) {
    clause.values.insert(clause.values.end(), part->begin(), part->end());
  }
  return clause;
}

// A unit is in a province when it is the province itself or one of its communes.
Clause UnitInProvinces(const char* column, const std::vector<std::string>& provinces) {
  const std::string in = " IN (" + Placeholders(provinces.size()) + ")";
  return {std::string("(") + column + in + " OR " + column + " IN (SELECT code FROM communes WHERE province_code" + in +
              "))",
          Twice(provinces)};
}

// The scope as one clause (the union of its criteria), or nullopt when it lets nothing through.
std::optional<Clause> ScopeClause(const DossierScope& scope) {
  if (scope.everything) return Clause{"TRUE", {}};
  std::vector<Clause> any;
  if (!scope.units.empty()) {
    any.push_back(scope.agencies.empty() ? ReceivingOrCompetentIn(scope.units)
                                         : ThroughAgenciesOf(scope.units, scope.agencies));
  }
  if (!scope.provinces.empty()) {
    any.push_back(UnitInProvinces("receiving_unit", scope.provinces));
    any.push_back(UnitInProvinces("competent_unit", scope.provinces));
  }
  // An empty ID is nobody: it must not open the dossiers whose applicant ID was left blank.
  if (scope.applicant_citizen_id && !scope.applicant_citizen_id->empty()) {
    any.push_back({"applicant_citizen_id = ?", {*scope.applicant_citizen_id}});
  }
  if (any.empty()) return std::nullopt;
  return Join(any, " OR ");
}

void AddEqual(std::vector<Clause>& all, const char* column, const std::optional<std::string>& value) {
  if (value) all.push_back({std::string(column) + " = ?", {*value}});
}

void AddIn(std::vector<Clause>& all, const char* column, const std::vector<std::string>& values) {
  if (!values.empty()) all.push_back({std::string(column) + " IN (" + Placeholders(values.size()) + ")", values});
}

std::vector<std::string> StatusNames(const std::vector<DossierStatus>& statuses) {
  std::vector<std::string> names;
  for (DossierStatus status : statuses) names.emplace_back(DossierStatusName(status));
  return names;
}

// The filters of `query`, each of which must hold. Unset ones add nothing, so that the indexes fit the rest.
std::vector<Clause> FilterClauses(const DossierQuery& query) {
  std::vector<Clause> all;
  if (query.unit) all.push_back(ReceivingOrCompetentIn({*query.unit}));
  AddIn(all, "receiving_unit", query.receiving_units);
  AddIn(all, "competent_unit", query.competent_units);
  AddEqual(all, "competent_agency", query.agency);
  AddIn(all, "status", StatusNames(query.statuses));
  AddEqual(all, "procedure_code", query.procedure_code);
  if (query.due_from) all.push_back({"due_at >= ?", {UtcText(*query.due_from)}});
  if (query.due_to) all.push_back({"due_at < ?", {UtcText(*query.due_to)}});
  if (query.statutory_due_from) all.push_back({"statutory_due_at >= ?", {UtcText(*query.statutory_due_from)}});
  if (query.statutory_due_to) all.push_back({"statutory_due_at < ?", {UtcText(*query.statutory_due_to)}});
  AddEqual(all, "assignee", query.assignee);
  AddEqual(all, "applicant_citizen_id", query.applicant_citizen_id);
  return all;
}

Error BadCursor() {
  return Error::InvalidArgument("cursor", "con trỏ trang không hợp lệ cho truy vấn này: hãy tải lại từ trang đầu",
                                "the page cursor is not valid for this query: start again from the first page");
}

// A due key is what UtcText writes (checked by writing it again) or kNoDue.
bool IsDueKey(std::string_view text) {
  if (text == kNoDue) return true;
  auto instant = ParseIsoInstant(text, "cursor");
  return instant && UtcText(*instant) == text;
}

std::optional<Cursor> ParseCursorText(std::string_view text, DossierOrder order) {
  if (order == DossierOrder::kByCode) {
    if (!text.starts_with(kByCodeCursor) || text.size() == kByCodeCursor.size()) return std::nullopt;
    return Cursor{"", std::string(text.substr(kByCodeCursor.size()))};
  }
  if (!text.starts_with(kByDueCursor)) return std::nullopt;
  text.remove_prefix(kByDueCursor.size());
  const std::size_t comma = text.find(',');  // due keys hold no comma; codes may
  if (comma == std::string_view::npos || comma + 1 == text.size() || !IsDueKey(text.substr(0, comma))) {
    return std::nullopt;
  }
  return Cursor{std::string(text.substr(0, comma)), std::string(text.substr(comma + 1))};
}

Result<std::optional<Cursor>> ParseCursor(const std::optional<std::string>& after, DossierOrder order) {
  if (!after) return std::optional<Cursor>();
  auto cursor = ParseCursorText(*after, order);
  if (!cursor) return Fail(BadCursor());
  return cursor;
}

std::string MakeCursor(const DossierSummary& last, DossierOrder order) {
  if (order == DossierOrder::kByCode) return std::string(kByCodeCursor) + last.code;
  const std::string due_key = last.due_at ? UtcText(*last.due_at) : std::string(kNoDue);
  return std::string(kByDueCursor) + due_key + "," + last.code;
}

Clause KeysetClause(const Cursor& cursor, DossierOrder order) {
  if (order == DossierOrder::kByCode) return {"code > ?", {cursor.code}};
  // (due key, code) > (cursor), spelled so that the leading >= lets SQLite seek in dossiers_by_due_order
  // (a row-value comparison on an expression makes it scan the index from the start instead).
  const std::string key = kDueKey;
  return {"(" + key + " >= ? AND (" + key + " > ? OR code > ?))", {cursor.due_key, cursor.due_key, cursor.code}};
}

std::string OrderBy(DossierOrder order) {
  return order == DossierOrder::kByCode ? " ORDER BY code" : std::string(" ORDER BY ") + kDueKey + ", code";
}

Error CorruptRow(const std::string& code, const std::string& why) {
  return Error::Internal("dòng hồ sơ " + code + " bị hỏng: " + why,
                         "the row of dossier " + code + " is corrupt: " + why);
}

// Stored times were written by UtcText; a row edited into something else is an error, not a guess.
Result<std::optional<Instant>> ReadOptionalInstant(sql::Statement& row, int column) {
  if (row.Null(column)) return std::optional<Instant>();
  auto instant = ParseIsoInstant(row.Text(column), row.Name(column));
  if (!instant) return Fail(instant.error());
  return std::optional<Instant>(*instant);
}

Result<void> ReadTimes(sql::Statement& row, DossierSummary& s) {
  std::optional<Instant>* const targets[] = {&s.submitted_at, &s.received_at, &s.due_at, &s.completed_at};
  for (int i = 0; i < 4; ++i) {
    auto instant = ReadOptionalInstant(row, 12 + i);
    if (!instant) return Fail(instant.error());
    *targets[i] = *instant;
  }
  auto updated_at = ParseIsoInstant(row.Text(17), "updated_at");
  if (!updated_at) return Fail(updated_at.error());
  s.updated_at = *updated_at;
  auto statutory_due_at = ReadOptionalInstant(row, 18);
  if (!statutory_due_at) return Fail(statutory_due_at.error());
  s.statutory_due_at = *statutory_due_at;
  return {};
}

Result<DossierSummary> ReadSummary(sql::Statement& row) {
  auto text = [&](int column) { return row.Text(column); };
  DossierSummary s;
  s.code = text(0);
  auto status = ParseDossierStatus(text(1));
  auto channel = ParseChannel(text(3));
  if (!status || !channel) return Fail(CorruptRow(s.code, "status " + text(1) + ", channel " + text(3)));
  s.status = *status;
  s.procedure_code = text(2);
  s.channel = *channel;
  s.receiving_unit = text(4);
  s.receiving_point = text(5);
  s.competent_agency = text(6);
  s.competent_unit = text(7);
  s.applicant_name = text(8);
  s.applicant_citizen_id = text(9);
  s.current_step = text(10);
  s.assignee = text(11);
  s.last_seq = row.Int(16);
  if (auto times = ReadTimes(row, s); !times) return Fail(CorruptRow(s.code, times.error().message_en));
  return s;
}

void Bind(sql::Statement& statement, const Clause& where, std::size_t limit) {
  int index = 0;
  for (const std::string& value : where.values) statement.Bind(++index, value);
  statement.Bind(++index, static_cast<std::int64_t>(limit));
}

Result<void> CheckLimit(std::size_t limit) {
  if (limit >= 1 && limit <= kMaxLimit) return {};
  return Fail(Error::InvalidArgument("limit", "số hồ sơ mỗi trang phải từ 1 đến 500",
                                     "the number of dossiers per page must be 1 to 500"));
}

}  // namespace

Result<DossierPage> SqlDossierQuery::List(const DossierQuery& query) {
  if (auto limit = CheckLimit(query.limit); !limit) return Fail(limit.error());
  auto cursor = ParseCursor(query.after, query.order);
  if (!cursor) return Fail(cursor.error());
  auto scope = ScopeClause(query.scope);
  if (!scope) return DossierPage{};
  std::vector<Clause> all = FilterClauses(query);
  all.push_back(*scope);
  if (*cursor) all.push_back(KeysetClause(**cursor, query.order));
  const Clause where = Join(all, " AND ");
  // One row more than the page: its presence is what says that there is a next page.
  sql::Statement cached(db_, std::string("SELECT ") + kSummaryColumns + " FROM dossiers WHERE " + where.sql +
                                 OrderBy(query.order) + " LIMIT ?");
  sql::Statement& rows = cached;
  Bind(rows, where, query.limit + 1);
  DossierPage page;
  while (rows.Step()) {
    if (page.items.size() == query.limit) {
      page.next_cursor = MakeCursor(page.items.back(), query.order);
      break;
    }
    auto summary = ReadSummary(rows);
    if (!summary) return Fail(summary.error());
    page.items.push_back(std::move(*summary));
  }
  return page;
}

}  // namespace motcua::store
