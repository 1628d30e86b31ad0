#pragma once
// The dossier half of the SQL store: the append-only, hash-chained dossier_events table and the dossiers
// projection (migrations/0002_dossiers.sql), both kept under the dossier's province (0018_province_keys.sql).
// SqlStore owns the connection and forwards the Store's dossier methods here, turning database exceptions into
// Errors; the contracts are in store/store.h.
// Each append also adds its events' report counter deltas through the SqlReportCounters it is given.
// Thread-safety: as the connection it is given (one thread at a time).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/sql/connection.h"
#include "store/sql/sql_event_log.h"
#include "store/sql/sql_report_counters.h"
#include "store/store.h"

namespace motcua::store {

class SqlDossierStore {
 public:
  // `counters` works on the same connection.
  SqlDossierStore(sql::Connection& db, SqlReportCounters& counters) : db_(db), counters_(counters), log_(db) {}

  // The connection it writes on (for a write that must commit with its appends).
  sql::Connection& db() { return db_; }

  // May throw sql::DbError (after rolling back).
  Result<DossierState> Append(std::span<const DossierEvent> events, const LifecycleLimits& limits,
                              const DeadlinePolicy& policy);
  // Store::AppendNewDossier. May throw sql::DbError (after rolling back).
  Result<DossierState> AppendNew(std::string_view sequence_prefix, const Store::DossierCodeOf& code_of,
                                 std::span<const DossierEvent> events, const LifecycleLimits& limits,
                                 const DeadlinePolicy& policy);
  Result<std::vector<DossierEvent>> Events(std::string_view code);
  Result<std::optional<DossierState>> Load(std::string_view code);
  std::vector<std::string> Codes(const DossierFilter& filter);
  std::optional<ChainBreak> VerifyChains();

 private:
  // The next number of the sequence `prefix` (1 the first time), in the caller's transaction (AppendNew's).
  std::int64_t NextSequence(std::string_view prefix);
  // The current state of `code` (an empty state for a new dossier), replayed from its stored events.
  Result<DossierState> Replay(std::string_view code);
  // As Replay, but from recent_ when the state kept there is the one the projection names (same last event
  // and hash): a dossier's next event then costs no replay of its history. A state kept by an append that was
  // rolled back afterwards names an event the projection does not have, so it is never used.
  Result<DossierState> Current(const std::string& code);
  void Remember(const DossierState& state);
  // Where a dossier's rows are kept: their province (store/dossier_province.h) and its code, the key's order.
  struct KeptDossier {
    std::string province;
    std::string code;
    auto operator<=>(const KeptDossier&) const = default;
  };
  // The province the dossier row of `code` is kept under ("" when there is no row).
  std::string StoredProvince(const std::string& code);
  // Writes the province of the sequence `prefix`, once, when its first dossier is stored.
  void KeepSequenceUnder(std::string_view prefix, const std::string& province);
  std::optional<ChainBreak> CheckProjection(const std::string& code, std::int64_t seq, const std::string& hash);
  std::optional<KeptDossier> FirstDossierWithoutEvents();

  // Past this many dossiers kept, recent_ starts again: the dossiers being worked on come back quickly.
  static constexpr std::size_t kRecentStates = 4096;

  sql::Connection& db_;
  SqlReportCounters& counters_;
  SqlEventLog log_;                                       // every appended event, in the same transaction
  std::unordered_map<std::string, DossierState> recent_;  // by code: states this connection appended
};

}  // namespace motcua::store
