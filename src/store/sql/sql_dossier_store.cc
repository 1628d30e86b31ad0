#include "store/sql/sql_dossier_store.h"

#include <limits>

#include "store/dossier_event_codec.h"
#include "store/dossier_province.h"
#include "store/event_hash.h"
#include "store/sql/connection.h"
#include "store/sql/sql_dossier_rows.h"
#include "store/sql/sql_unit_province.h"
#include "store/sql/transaction.h"

namespace motcua::store {
namespace {

// Stored history is replayed without limits: it was accepted under the limits in force when it was written,
// and a province that lowers a limit later must still be able to read its old dossiers.
constexpr LifecycleLimits kReplayLimits{std::numeric_limits<int>::max(), std::numeric_limits<int>::max()};

Error BadBatch(std::string vi, std::string en) {
  return Error::InvalidArgument("events", std::move(vi), std::move(en));
}

// The hash covers the JSON text, which must be valid UTF-8 to be the same text for every reader.
bool IsUtf8(const DossierEvent& event) {
  try {
    (void)EncodeDossierEvent(event).dump();
    return true;
  } catch (const nlohmann::json::type_error&) {
    return false;
  }
}

Result<void> CheckBatch(std::span<const DossierEvent> events) {
  if (events.empty()) return Fail(BadBatch("không có sự kiện nào để ghi", "there are no events to append"));
  for (const DossierEvent& event : events) {
    if (event.dossier_code != events.front().dossier_code) {
      return Fail(BadBatch("các sự kiện phải cùng một hồ sơ", "the events must belong to one dossier"));
    }
    if (!IsUtf8(event)) return Fail(BadBatch("văn bản không phải UTF-8 hợp lệ", "text is not valid UTF-8"));
  }
  return {};
}

// In a batch of several events, errors say which one ("events[1].payload.reason").
Error InBatch(Error error, std::size_t index, std::size_t size) {
  if (size > 1) error.field = "events[" + std::to_string(index) + "]" + (error.field.empty() ? "" : ".") + error.field;
  return error;
}

ChainBreak Break(std::string code, std::int64_t seq, std::string what) {
  return ChainBreak{std::move(code), seq, std::move(what)};
}

}  // namespace

Result<DossierState> SqlDossierStore::Append(std::span<const DossierEvent> events, const LifecycleLimits& limits,
                                             const DeadlinePolicy& policy) {
  if (auto ok = CheckBatch(events); !ok) return Fail(ok.error());
  // IMMEDIATE takes the write lock before reading the state, so no other writer can append in between.
  sql::Transaction transaction(db_, sql::TxMode::kWrite);
  auto state = Current(events.front().dossier_code);
  if (!state) return Fail(state.error());
  // A stored dossier keeps its province; a new one takes it from its first event (store/dossier_province.h).
  std::optional<std::string> province;
  if (state->last_seq > 0) province = StoredProvince(state->code);
  std::vector<CounterDelta> deltas;
  for (std::size_t i = 0; i < events.size(); ++i) {
    DossierEvent event = events[i];
    if (event.seq == 0) event.seq = state->last_seq + 1;
    event.prev_hash = state->last_hash;
    event.hash = EventHash(event);
    auto next = ApplyEvent(*state, event, limits);
    if (!next) return Fail(InBatch(next.error(), i, events.size()));  // the transaction rolls back
    std::vector<CounterDelta> more = CounterDeltas(*state, *next, event, policy);
    deltas.insert(deltas.end(), more.begin(), more.end());
    *state = std::move(*next);
    if (!province) province = CatalogueProvince(db_, DossierHomeUnit(*state));
    InsertEventRow(db_, event, *province);
    log_.Append(event);
  }
  WriteDossierRow(db_, *state, events.back().recorded_at, *province);
  counters_.Apply(deltas);
  transaction.Commit();
  Remember(*state);
  return state;
}

Result<DossierState> SqlDossierStore::AppendNew(std::string_view sequence_prefix, const Store::DossierCodeOf& code_of,
                                                std::span<const DossierEvent> events, const LifecycleLimits& limits,
                                                const DeadlinePolicy& policy) {
  sql::Transaction transaction(db_, sql::TxMode::kWrite);
  const std::int64_t sequence = NextSequence(sequence_prefix);
  auto code = code_of(sequence);
  if (!code) return Fail(code.error());  // the transaction rolls back: the number is not taken
  std::vector<DossierEvent> named(events.begin(), events.end());
  for (DossierEvent& event : named) event.dossier_code = *code;
  auto state = Append(named, limits, policy);
  if (!state) return state;
  // A sequence is kept under the province of the first dossier it numbers (0018_province_keys.sql).
  if (sequence == 1) KeepSequenceUnder(sequence_prefix, StoredProvince(*code));
  transaction.Commit();
  return state;
}

std::string SqlDossierStore::StoredProvince(const std::string& code) {
  sql::Statement row(db_, "SELECT province_code FROM dossiers WHERE code = ?");
  row.Bind(1, code);
  return row.Step() ? row.Text(0) : std::string();
}

void SqlDossierStore::KeepSequenceUnder(std::string_view prefix, const std::string& province) {
  sql::Statement keep(db_, "UPDATE dossier_code_sequences SET province_code = ? WHERE prefix = ?");
  keep.Bind(1, province);
  keep.Bind(2, std::string(prefix));
  keep.Execute();
}

Result<DossierState> SqlDossierStore::Current(const std::string& code) {
  auto kept = recent_.find(code);
  if (kept == recent_.end()) return Replay(code);
  sql::Statement cached(db_, "SELECT last_seq, last_hash FROM dossiers WHERE code = ?");
  sql::Statement& row = cached;
  row.Bind(1, code);
  if (row.Step() && row.Int(0) == kept->second.last_seq && row.Text(1) == kept->second.last_hash) {
    return kept->second;
  }
  recent_.erase(kept);
  return Replay(code);
}

void SqlDossierStore::Remember(const DossierState& state) {
  if (recent_.size() >= kRecentStates) recent_.clear();
  recent_.insert_or_assign(state.code, state);
}

Result<std::vector<DossierEvent>> SqlDossierStore::Events(std::string_view code) {
  // Under the province its dossier row names: the key's first column (0018_province_keys.sql).
  sql::Statement cached(db_, std::string("SELECT ") + kEventColumns +
                                 " FROM dossier_events WHERE province_code = "
                                 "(SELECT province_code FROM dossiers WHERE code = ?1) AND dossier_code = ?1 "
                                 "ORDER BY seq");
  sql::Statement& rows = cached;
  rows.Bind(1, std::string(code));
  std::vector<DossierEvent> events;
  while (rows.Step()) {
    auto event = ReadEventRow(rows);
    if (!event) {
      return Fail(Error::Internal("sự kiện " + std::to_string(events.size() + 1) + " của hồ sơ " + std::string(code) +
                                      " bị hỏng: " + event.error().message_vi,
                                  "event " + std::to_string(events.size() + 1) + " of dossier " + std::string(code) +
                                      " is corrupt: " + event.error().message_en));
    }
    events.push_back(std::move(*event));
  }
  return events;
}

Result<DossierState> SqlDossierStore::Replay(std::string_view code) {
  auto events = Events(code);
  if (!events) return Fail(events.error());
  auto state = FoldEvents(*events, kReplayLimits);
  if (!state) {
    return Fail(Error::Internal(
        "lịch sử đã lưu của hồ sơ " + std::string(code) + " không hợp lệ: " + state.error().message_vi,
        "the stored history of dossier " + std::string(code) + " does not replay: " + state.error().message_en));
  }
  return state;
}

Result<std::optional<DossierState>> SqlDossierStore::Load(std::string_view code) {
  auto state = Replay(code);
  if (!state) return Fail(state.error());
  if (state->last_seq == 0) return std::optional<DossierState>();
  return std::optional<DossierState>(std::move(*state));
}

std::int64_t SqlDossierStore::NextSequence(std::string_view prefix) {
  // One statement, so the increment and the read cannot be split (in autocommit mode it is its own transaction;
  // in AppendNew's, it is rolled back with the append).
  sql::Statement cached(db_,
                        "INSERT INTO dossier_code_sequences AS t (prefix, last) VALUES (?, 1) "
                        "ON CONFLICT (prefix) DO UPDATE SET last = t.last + 1 RETURNING last");
  sql::Statement& next = cached;
  next.Bind(1, std::string(prefix));
  next.Step();
  return next.Int(0);
}

std::vector<std::string> SqlDossierStore::Codes(const DossierFilter& filter) {
  // Only the criteria that are set go into the SQL, so that the unit indexes can serve the query.
  std::string sql = "SELECT code FROM dossiers WHERE TRUE";
  std::vector<std::string> params;
  if (filter.unit) {
    sql += " AND (receiving_unit = ? OR competent_unit = ?)";
    params.insert(params.end(), {*filter.unit, *filter.unit});
  }
  if (filter.from) {
    sql += " AND coalesce(received_at, submitted_at) >= ?";
    params.push_back(UtcText(*filter.from));
  }
  if (filter.to) {
    sql += " AND coalesce(received_at, submitted_at) < ?";
    params.push_back(UtcText(*filter.to));
  }
  sql::Statement rows(db_, sql + " ORDER BY code");
  for (std::size_t i = 0; i < params.size(); ++i) rows.Bind(static_cast<int>(i + 1), params[i]);
  std::vector<std::string> codes;
  while (rows.Step()) codes.push_back(rows.Text(0));
  return codes;
}

// Walks dossier_events in primary-key order (province, dossier, seq), holding only the previous event's seq and
// hash: each event's hash must match its content, link to its predecessor, and follow it without a gap; each
// dossier's last event must be the one its projection row names, under the province its events are kept under.
// Besides the chain: the fold of each dossier's events must be its projection row, column for column, so that a
// due date or a name edited in the dossiers table shows ("projection differs: due_at"), and so must a history
// the state machine refuses ("events do not apply").
std::optional<ChainBreak> SqlDossierStore::VerifyChains() {
  const std::optional<KeptDossier> orphan = FirstDossierWithoutEvents();
  sql::Statement rows(db_, std::string("SELECT ") + kEventColumns +
                               ", province_code FROM dossier_events ORDER BY province_code, dossier_code, seq");
  constexpr int kProvinceColumn = 13;
  KeptDossier dossier;
  std::string hash;
  std::int64_t seq = 0;
  DossierState state;
  Instant recorded_at{};
  auto dossier_ends = [&]() -> std::optional<ChainBreak> {
    if (auto broken = CheckProjection(dossier.code, seq, hash)) return broken;
    if (auto column = ProjectionDifference(db_, state, recorded_at, dossier.province)) {
      return Break(dossier.code, seq, "projection differs from its events: " + *column);
    }
    return std::nullopt;
  };
  while (rows.Step()) {
    KeptDossier row_dossier{rows.Text(kProvinceColumn), rows.Text(0)};
    const std::int64_t row_seq = rows.Int(1);
    if (row_dossier != dossier) {
      if (!dossier.code.empty()) {
        if (auto broken = dossier_ends()) return broken;
      }
      if (orphan && *orphan < row_dossier) return Break(orphan->code, 1, "missing event");
      dossier = std::move(row_dossier);
      seq = 0;
      hash.clear();
      state = DossierState{};
    }
    if (row_seq != seq + 1) return Break(dossier.code, seq + 1, "missing event");
    auto event = ReadEventRow(rows);
    if (!event) return Break(dossier.code, row_seq, "undecodable payload");
    if (EventHash(*event) != event->hash) return Break(dossier.code, row_seq, "hash mismatch");
    if (event->prev_hash != hash) return Break(dossier.code, row_seq, "broken link");
    // Limits as the importer's: an imported history may hold more supplements than today's settings allow.
    auto next = ApplyEvent(state, *event, LifecycleLimits{1 << 20, 1 << 20});
    if (!next) return Break(dossier.code, row_seq, "events do not apply: " + next.error().message_en);
    state = std::move(*next);
    recorded_at = event->recorded_at;
    seq = row_seq;
    hash = event->hash;
  }
  if (!dossier.code.empty()) {
    if (auto broken = dossier_ends()) return broken;
  }
  if (orphan) return Break(orphan->code, 1, "missing event");
  return std::nullopt;
}

// Catches the removal of a dossier's last events, which leaves a chain that is intact but too short.
std::optional<ChainBreak> SqlDossierStore::CheckProjection(const std::string& code, std::int64_t seq,
                                                           const std::string& hash) {
  sql::Statement row(db_, "SELECT last_seq, last_hash FROM dossiers WHERE code = ?");
  row.Bind(1, code);
  if (!row.Step()) return Break(code, seq, "projection mismatch");
  const std::int64_t last_seq = row.Int(0);
  if (last_seq > seq) return Break(code, seq + 1, "missing event");
  if (last_seq != seq || row.Text(1) != hash) return Break(code, seq, "projection mismatch");
  return std::nullopt;
}

std::optional<SqlDossierStore::KeptDossier> SqlDossierStore::FirstDossierWithoutEvents() {
  sql::Statement row(db_,
                     "SELECT province_code, code FROM dossiers d WHERE NOT EXISTS "
                     "(SELECT 1 FROM dossier_events e WHERE e.province_code = d.province_code "
                     "AND e.dossier_code = d.code) ORDER BY province_code, code LIMIT 1");
  if (!row.Step()) return std::nullopt;
  return KeptDossier{row.Text(0), row.Text(1)};
}

}  // namespace motcua::store
