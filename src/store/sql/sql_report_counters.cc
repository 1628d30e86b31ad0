#include "store/sql/sql_report_counters.h"

#include <limits>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "store/counter_buckets.h"
#include "store/counter_query.h"
#include "store/counter_rows.h"
#include "store/sql/connection.h"
#include "store/sql/sql_dossier_rows.h"
#include "store/sql/sql_unit_province.h"
#include "store/sql/transaction.h"

namespace motcua::store {
namespace {

// Stored history is replayed without limits (as SqlDossierStore does): it was accepted under the limits in
// force when it was written.
constexpr LifecycleLimits kReplayLimits{std::numeric_limits<int>::max(), std::numeric_limits<int>::max()};

// The two tables the counters are kept in (0005 and 0009): where they live, where a rebuild puts its copy, their
// key in the order of the primary key (`value` follows it in every statement here), and the order in which a
// rebuild reports the first difference (earliest bucket and period first).
struct CounterTable {
  const char* name;
  const char* rebuilt;
  std::vector<const char*> key;
  const char* difference_order;
};

const CounterTable kCounters{"report_counters",
                             "report_counters_rebuilt",
                             {"receiving_unit", "bucket", "period", "measure", "competent_unit", "agency",
                              "procedure_code", "channel", "official", "receiving_province", "competent_province"},
                             "bucket, period, measure, receiving_unit, competent_unit, agency, procedure_code, "
                             "channel, official"};

const CounterTable kTotals{"report_totals",
                           "report_totals_rebuilt",
                           {"side", "province", "measure", "bucket", "period", "unit", "agency"},
                           "bucket, period, measure, side, unit, agency, province"};

// The units whose counters each province's reports read (0010): one row (side, province, unit) per unit and
// province its counters were written under. Kept and rebuilt beside the counters, never compared by value.
const CounterTable kUnits{"report_units", "report_units_rebuilt", {"side", "province", "unit"}, "side, province, unit"};

std::string Main(const sql::Connection& db, const CounterTable& table) { return db.dialect().Stored(table.name); }
std::string Rebuilt(const sql::Connection& db, const CounterTable& table) {
  return db.dialect().Scratch(table.rebuilt);
}

std::string KeyList(const CounterTable& table) {
  std::string list;
  for (const char* column : table.key) list += (list.empty() ? "" : ", ") + std::string(column);
  return list;
}

// "a = ? AND b = ? ..." over the key.
std::string KeyMatch(const CounterTable& table) {
  std::string match;
  for (const char* column : table.key) match += (match.empty() ? "" : " AND ") + std::string(column) + " = ?";
  return match;
}

// "?, ?, ..." for the key and the value.
std::string Placeholders(const CounterTable& table) {
  std::string marks = "?";
  for (std::size_t i = 0; i < table.key.size(); ++i) marks += ", ?";
  return marks;
}

std::string UpsertInto(const CounterTable& table, const std::string& name) {
  return "INSERT INTO " + name + " AS t (" + KeyList(table) + ", value) VALUES (" + Placeholders(table) +
         ") ON CONFLICT (" + KeyList(table) + ") DO UPDATE SET value = t.value + excluded.value";
}

std::string Quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

// Writes added-up deltas into the counters and the totals (or their rebuilt copies): upserts each row that
// changes, and lists each unit under its province for the province's reports. Looks each unit's province up once.
class CounterWriter {
 public:
  CounterWriter(sql::Connection& db, bool rebuilt)
      : upsert_counter_(db, UpsertInto(kCounters, rebuilt ? Rebuilt(db, kCounters) : Main(db, kCounters))),
        upsert_total_(db, UpsertInto(kTotals, rebuilt ? Rebuilt(db, kTotals) : Main(db, kTotals))),
        list_unit_(db, "INSERT INTO " + (rebuilt ? Rebuilt(db, kUnits) : Main(db, kUnits)) +
                           " (side, province, unit) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"),
        db_(db) {}

  void Write(const PendingCounters& pending) {
    std::set<std::tuple<std::string_view, std::string, std::string>> units;
    for (const auto& [row, value] : pending.counters) {
      if (value == 0) continue;
      const std::string& receiving_province = ProvinceOf(row.key.receiving_unit);
      const std::string& competent_province = ProvinceOf(row.key.competent_unit);
      Upsert(upsert_counter_,
             {row.key.receiving_unit, std::string(1, row.bucket), row.period, std::string(MeasureName(row.measure)),
              row.key.competent_unit, row.key.agency, row.key.procedure_code, std::string(ChannelName(row.key.channel)),
              row.key.official, receiving_province, competent_province},
             value);
      units.emplace(kReceivingSide, receiving_province, row.key.receiving_unit);
      units.emplace(kCompetentSide, competent_province, row.key.competent_unit);
    }
    for (const auto& [side, province, unit] : units) {
      list_unit_.Reset();
      list_unit_.Bind(1, std::string(side));
      list_unit_.Bind(2, province);
      list_unit_.Bind(3, unit);
      list_unit_.Execute();
    }
    for (const auto& [row, value] : pending.totals) {
      if (value == 0) continue;
      Upsert(upsert_total_,
             {std::string(row.side), ProvinceOf(row.unit), std::string(MeasureName(row.measure)),
              std::string(1, row.bucket), row.period, row.unit, row.agency},
             value);
    }
  }

 private:
  static void Upsert(sql::Statement& upsert, const std::vector<std::string>& key, std::int64_t value) {
    upsert.Reset();
    for (std::size_t i = 0; i < key.size(); ++i) upsert.Bind(static_cast<int>(i + 1), key[i]);
    upsert.Bind(static_cast<int>(key.size() + 1), value);
    upsert.Execute();
  }

  // The province each of the unit's rows is kept under.
  const std::string& ProvinceOf(const std::string& unit) {
    auto [found, inserted] = provinces_.try_emplace(unit);
    if (inserted) found->second = CatalogueProvince(db_, unit);
    return found->second;
  }

  sql::Statement upsert_counter_;
  sql::Statement upsert_total_;
  sql::Statement list_unit_;
  sql::Connection& db_;
  std::map<std::string, std::string> provinces_;
};

// Where a query reads: the table, the column that holds its side's unit, and the condition that keeps the
// rows of its side (the totals hold both sides; the counters hold both units in each row) and scope, with the
// unit or province as parameter ?1.
struct Source {
  std::string table;
  const char* unit;
  std::string scope_condition;
};

Source SourceOf(const sql::Connection& db, const CounterQuery& query) {
  const bool competent = query.side == ReportSide::kCompetent;
  const std::string side = Quoted(competent ? kCompetentSide : kReceivingSide);
  if (TotalsAnswer(query)) {
    // Named for a unit's reads: with the list of measures, SQLite's planner would otherwise walk the primary key
    // from the side alone (all provinces' rows: 300 ms instead of 5).
    return {Main(db, kTotals) + (query.unit ? db.dialect().UseIndex("report_totals_by_unit") : ""), "unit",
            "side = " + side + (query.unit ? " AND unit = ?1" : " AND province = ?1")};
  }
  const char* unit = competent ? "competent_unit" : "receiving_unit";
  if (query.unit) return {Main(db, kCounters), unit, std::string(unit) + " = ?1"};
  // A province's counters are its units' (0010): each unit's range of the primary key or of the competent
  // units' index, keeping the rows written under this province.
  return {Main(db, kCounters), unit,
          std::string(unit) + " IN (SELECT unit FROM " + Main(db, kUnits) + " WHERE side = " + side +
              " AND province = ?1) AND " + (competent ? "competent_province" : "receiving_province") + " = ?1"};
}

std::string GroupExpression(const sql::Connection& db, ReportGrouping grouping, const Source& source) {
  switch (grouping) {
    case ReportGrouping::kProcedure:
      return "procedure_code";
    case ReportGrouping::kOfficial:
      return "official";
    case ReportGrouping::kUnit:
      // "+": grouped by a plain column, SQLite's planner walks an index in that column's order rather than read
      // the scope's range (report_totals_by_unit from the side alone: 7 s instead of 5 ms for a province-year).
      return db.dialect().Unindexed(source.unit);
    case ReportGrouping::kAgency:
      return "agency";
    case ReportGrouping::kChannel:
      return "channel";
    case ReportGrouping::kNone:
      break;
  }
  return "''";
}

// An empty scratch table of exactly the shape of `table`, whatever migrations did to it.
Result<void> CreateRebuilt(sql::Connection& db, const CounterTable& table) {
  db.ExecuteScript("DROP TABLE IF EXISTS " + Rebuilt(db, table));
  if (const std::string copy = db.dialect().CopyShape(table.name, Rebuilt(db, table)); !copy.empty()) {
    db.ExecuteScript(copy);
    return {};
  }
  sql::Statement schema(db, "SELECT sql FROM main.sqlite_schema WHERE name = ?");
  schema.Bind(1, table.name);
  const std::string prefix = std::string("CREATE TABLE ") + table.name;
  const std::string create = schema.Step() ? schema.Text(0) : "";
  if (!create.starts_with(prefix)) {
    return Fail(Error::Internal(std::string("không đọc được định nghĩa bảng ") + table.name,
                                std::string("cannot read the definition of ") + table.name));
  }
  db.ExecuteScript("CREATE TABLE " + Rebuilt(db, table) + create.substr(prefix.size()));
  return {};
}

// The first row of `table` (earliest bucket and period first) where the maintained and the rebuilt rows differ,
// rows of value 0 counting as missing.
std::optional<CounterMismatch> FirstDifference(sql::Connection& db, const CounterTable& table) {
  const std::string key = KeyList(table);
  const std::string maintained = "SELECT " + key + ", value FROM " + Main(db, table) + " WHERE value <> 0";
  const std::string rebuilt = "SELECT " + key + ", value FROM " + Rebuilt(db, table) + " WHERE value <> 0";
  sql::Statement first(db, "SELECT " + key + " FROM (" + maintained + " EXCEPT " + rebuilt + ") AS a UNION SELECT " +
                               key + " FROM (" + rebuilt + " EXCEPT " + maintained + ") AS b ORDER BY " +
                               table.difference_order + " LIMIT 1");
  if (!first.Step()) return std::nullopt;
  std::vector<std::string> values(table.key.size());
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = first.Text(static_cast<int>(i));
  auto value_in = [&](const std::string& name) -> std::int64_t {
    sql::Statement row(db, "SELECT value FROM " + name + " WHERE " + KeyMatch(table));
    for (std::size_t i = 0; i < values.size(); ++i) row.Bind(static_cast<int>(i + 1), values[i]);
    return row.Step() ? row.Int(0) : 0;
  };
  std::string where;
  for (std::size_t i = 0; i < values.size(); ++i) {
    where += (where.empty() ? "" : ", ") + std::string(table.key[i]) + " '" + values[i] + "'";
  }
  return CounterMismatch{std::string(table.name == kCounters.name ? "report counter " : "report total ") + where +
                         ": maintained " + std::to_string(value_in(Main(db, table))) + ", rebuilt " +
                         std::to_string(value_in(Rebuilt(db, table)))};
}

// The first unit (by side, province, unit) whose rebuilt counters its province's reports would not read:
// report_units does not list it under the province its rows are kept under.
std::optional<CounterMismatch> FirstUnlistedUnit(sql::Connection& db) {
  const std::string key = KeyList(kUnits);
  sql::Statement first(db, "SELECT " + key + " FROM " + Rebuilt(db, kUnits) + " EXCEPT SELECT " + key + " FROM " +
                               Main(db, kUnits) + " ORDER BY " + kUnits.difference_order + " LIMIT 1");
  if (!first.Step()) return std::nullopt;
  return CounterMismatch{"report unit side '" + first.Text(0) + "', province '" + first.Text(1) + "', unit '" +
                         first.Text(2) +
                         "': not listed, so its province's reports by procedure, official or channel miss it"};
}

}  // namespace

SqlReportCounters::SqlReportCounters(sql::Connection& db) : db_(db) { db_.set_observer(this); }

SqlReportCounters::~SqlReportCounters() { db_.set_observer(nullptr); }

void SqlReportCounters::Apply(std::span<const CounterDelta> deltas) {
  if (deltas.empty()) return;
  if (!levels_.empty()) {
    levels_.back().Add(deltas);
    return;
  }
  PendingCounters now;
  now.Add(deltas);
  CounterWriter(db_, /*rebuilt=*/false).Write(now);
}

void SqlReportCounters::Opened() { levels_.emplace_back(); }

void SqlReportCounters::Released() {
  if (levels_.size() < 2) return;  // the enclosing level was open before this object watched
  levels_.back().AddTo(levels_[levels_.size() - 2]);
  levels_.pop_back();
}

void SqlReportCounters::Committing() {
  if (levels_.empty() || levels_.back().Empty()) return;
  CounterWriter(db_, /*rebuilt=*/false).Write(levels_.back());
}

void SqlReportCounters::Closed() {
  if (!levels_.empty()) levels_.pop_back();
}

Result<std::vector<CounterTotals>> SqlReportCounters::Sum(const CounterQuery& query) {
  if (auto ok = CheckCounterQuery(query); !ok) return Fail(ok.error());
  const Source source = SourceOf(db_, query);
  // One statement per kind of range. The measures are listed (not "NOT IN balances") so that the totals, keyed
  // by ([side,] province or unit, measure, bucket, period), are read as one short range per measure.
  const std::string select = "SELECT " + GroupExpression(db_, query.group_by, source) + ", measure, sum(value) FROM " +
                             source.table + " WHERE " + source.scope_condition +
                             " AND bucket = ? AND period >= ? AND period < ?" +
                             (query.agency ? " AND agency = ?" : "") + " AND measure IN ";
  // Every range read from one snapshot, so that an append committed meanwhile is in all the figures or none.
  sql::Transaction snapshot(db_, sql::TxMode::kRead);
  sql::Statement flows(db_, select + MeasureList(false) + " GROUP BY 1, 2");
  sql::Statement balance(db_, select + MeasureList(true) + " GROUP BY 1, 2");

  CounterSums sums;
  for (const CounterRead& read : CounterReads(query)) {
    sql::Statement& statement = read.part == CounterPart::kFlows ? flows : balance;
    statement.Reset();
    statement.Bind(1, query.unit ? *query.unit : *query.province);
    statement.Bind(2, std::string(1, read.range.bucket));
    statement.Bind(3, read.range.from);
    statement.Bind(4, read.range.to);
    if (query.agency) statement.Bind(5, *query.agency);
    while (statement.Step()) {
      sums.Add(statement.Text(0), statement.Text(1), read.part, read.sign * statement.Int(2));
    }
  }
  snapshot.Commit();
  return std::move(sums).Totals(query.group_by);
}

Result<std::optional<CounterMismatch>> SqlReportCounters::Rebuild(const DeadlinePolicy& policy, bool replace) {
  // Without `replace` only the TEMP tables are written, and the transaction stays a reader of the main database.
  sql::Transaction transaction(db_, replace ? sql::TxMode::kWrite : sql::TxMode::kRead);
  for (const CounterTable* table : {&kCounters, &kTotals, &kUnits}) {
    if (auto created = CreateRebuilt(db_, *table); !created) return Fail(created.error());
  }
  if (auto replayed = ReplayIntoRebuilt(policy); !replayed) return Fail(replayed.error());
  std::optional<CounterMismatch> mismatch = FirstDifference(db_, kCounters);
  if (!mismatch) mismatch = FirstDifference(db_, kTotals);
  if (!mismatch) mismatch = FirstUnlistedUnit(db_);
  for (const CounterTable* table : {&kCounters, &kTotals}) {
    if (mismatch && replace) {
      db_.ExecuteScript("DELETE FROM " + Main(db_, *table));
      db_.ExecuteScript("INSERT INTO " + Main(db_, *table) + " (" + KeyList(*table) + ", value) SELECT " +
                        KeyList(*table) + ", value FROM " + Rebuilt(db_, *table) + " WHERE value <> 0");
    }
    db_.ExecuteScript("DROP TABLE " + Rebuilt(db_, *table));
  }
  // Units are only ever added: one listed without counters costs its province's reports an empty range.
  if (mismatch && replace) {
    // "WHERE TRUE": without a WHERE, SQLite would read ON CONFLICT as part of the SELECT's join.
    db_.ExecuteScript("INSERT INTO " + Main(db_, kUnits) + " (" + KeyList(kUnits) + ") SELECT " + KeyList(kUnits) +
                      " FROM " + Rebuilt(db_, kUnits) + " WHERE TRUE ON CONFLICT DO NOTHING");
  }
  db_.ExecuteScript("DROP TABLE " + Rebuilt(db_, kUnits));
  transaction.Commit();
  return mismatch;
}

// Streams every event, dossier by dossier in seq order, holding one dossier's state at a time and the rows of
// whole dossiers until there are many.
Result<void> SqlReportCounters::ReplayIntoRebuilt(const DeadlinePolicy& policy) {
  constexpr std::size_t kRowsHeld = 100'000;
  CounterWriter writer(db_, /*rebuilt=*/true);
  PendingCounters pending;
  sql::Statement rows(db_, std::string("SELECT ") + kEventColumns + " FROM " + db_.dialect().Stored("dossier_events") +
                               " ORDER BY province_code, dossier_code, seq");
  std::string code;
  DossierState state;
  while (rows.Step()) {
    const std::string row_code = rows.Text(0);
    if (row_code != code) {
      if (pending.counters.size() > kRowsHeld) {
        writer.Write(pending);
        pending = PendingCounters{};
      }
      code = row_code;
      state = DossierState{};
    }
    auto fail = [&](const Error& error) {
      return Fail(Error::Internal("lịch sử đã lưu của hồ sơ " + code + " không dựng lại được: " + error.message_vi,
                                  "the stored history of dossier " + code + " does not replay: " + error.message_en));
    };
    auto event = ReadEventRow(rows);
    if (!event) return fail(event.error());
    auto next = ApplyEvent(state, *event, kReplayLimits);
    if (!next) return fail(next.error());
    pending.Add(CounterDeltas(state, *next, *event, policy));
    state = std::move(*next);
  }
  writer.Write(pending);
  return {};
}

}  // namespace motcua::store
