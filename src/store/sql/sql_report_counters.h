#pragma once
// The report counters of the SQLite backend (migrations/0005_report_counters.sql, 0009_report_totals.sql,
// 0010_report_units.sql): each event's CounterDeltas (domain/report_counters.h) added to a day row and its month
// and year roll-ups, in the fine counters (by procedure, official, channel...) and in the per-unit totals, each
// unit listed under its province for the province's split reports; period sums and balances read
// from as few rows as those buckets and tables allow, and the rebuild from the history that checks them. SqliteStore
// owns the connection and turns SQLite exceptions into Errors; the contracts are in store/store.h. Thread-safety: as
// the connection it is given (one thread at a time).

#include <optional>
#include <span>
#include <vector>

#include "store/counter_rows.h"
#include "store/sql/connection.h"
#include "store/sql/transaction.h"
#include "store/store.h"

namespace motcua::store {

class SqlReportCounters : private sql::TransactionObserver {
 public:
  // Watches the connection's transactions (sql::Connection::set_observer) while it lives; one per connection.
  explicit SqlReportCounters(sql::Connection& db);
  ~SqlReportCounters() override;
  SqlReportCounters(const SqlReportCounters&) = delete;
  SqlReportCounters& operator=(const SqlReportCounters&) = delete;

  // Adds each delta to the day, month and year rows of its key and of its two units' totals, and lists its units
  // under their provinces, in the caller's transaction (the dossier store's append). Inside a sql::Transaction
  // the rows are added up in memory, level by level (a savepoint rolled back drops its own), and written just
  // before the outermost commit, so that the appends of a group commit or a bulk load write each row once; a
  // failure to write them fails that commit. Outside one, they are written at once. Sum reads what is written:
  // not the deltas of the caller's own open transaction. May throw sql::DbError.
  void Apply(std::span<const CounterDelta> deltas);

  // Store::SumCounters, from the totals when the grouping and the agency filter allow (by unit or competent
  // agency, or none), else from the counters. [from, to) is read as single days up to the first month boundary, whole
  // months up to the first year boundary, whole years, then the months and days of to's year and month; each balance is
  // the sum of every year, month and day bucket entirely before its day. With a grouping, groups whose figures
  // are all 0 are left out; without one, there is always exactly one CounterTotals (group "").
  // InvalidArgument on "unit" unless exactly one of unit and province is set, on "to" when to <= from.
  Result<std::vector<CounterTotals>> Sum(const CounterQuery& query);

  // Store::RebuildCounters: replays every dossier's events into TEMP tables of the same shapes, compares them
  // with report_counters and report_totals (rows of value 0 count as missing), then looks for a unit of the rebuilt
  // counters that report_units does not list, and returns the first difference. Runs in one transaction, so that
  // events and counters are read at the same moment; with `replace` it takes the write lock first and, when they
  // differ, replaces both tables by the rebuilt ones and lists the missing units before committing.
  Result<std::optional<CounterMismatch>> Rebuild(const DeadlinePolicy& policy, bool replace);

 private:
  Result<void> ReplayIntoRebuilt(const DeadlinePolicy& policy);

  void Opened() override;
  void Released() override;
  void Committing() override;
  void Closed() override;

  sql::Connection& db_;
  std::vector<PendingCounters> levels_;  // one per open transaction level of db_, innermost last
};

}  // namespace motcua::store
