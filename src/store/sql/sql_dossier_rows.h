#pragma once
// How dossier events and dossier states map to rows of dossier_events and dossiers
// (migrations/0002_dossiers.sql). Functions here may throw sql::DbError; the store turns it into an Error.

#include <optional>
#include <string>

#include "domain/dossier_event.h"
#include "domain/dossier_state.h"
#include "store/sql/connection.h"

namespace motcua::store {

// The columns of dossier_events, in the order ReadEventRow expects them at the start of a row.
inline constexpr const char* kEventColumns =
    "dossier_code, seq, type, actor_user, actor_role, actor_unit, occurred_at, recorded_at, imported, "
    "imported_by, payload, prev_hash, hash";

// "2026-01-12T00:30:00Z": UTC, fixed width, so that text order is time order in SQL.
std::string UtcText(Instant instant);

// Rebuilds the event from a row whose first columns are kEventColumns, through the strict decoder, so that a
// row edited outside motcua is either a valid event (then its hash tells) or an error here.
Result<DossierEvent> ReadEventRow(sql::Statement& row);

// Inserts one event (with its seq, prev_hash and hash already set) under its dossier's province
// (store/dossier_province.h).
void InsertEventRow(sql::Connection& db, const DossierEvent& event, const std::string& province);

// Writes the projection row of `state`, kept under `province`; `updated_at` is when its last event was recorded.
void WriteDossierRow(sql::Connection& db, const DossierState& state, Instant updated_at, const std::string& province);

// The first column of the stored projection row of `state.code` that is not what `state` (the fold of its events)
// and `province` (the one its events are kept under) make it, "no row" when there is none; nullopt when the row is
// exactly that (motcua verify).
std::optional<std::string> ProjectionDifference(sql::Connection& db, const DossierState& state, Instant updated_at,
                                                const std::string& province);

}  // namespace motcua::store
