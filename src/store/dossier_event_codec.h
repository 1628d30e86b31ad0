#pragma once
// Dossier events as JSON: one object per event, the form in which the store keeps payloads, hashes events
// (event_hash.h) and imports/exports dossiers as JSON Lines. The format is specified in docs/events-jsonl.md;
// change it only together with that page and a migration, because stored hashes depend on it.
//
// Times are written in Viet Nam time with their offset ("2026-01-12T07:30:00+07:00"), money as integer
// đồng, enumerations as snake_case names. Pure functions; thread-safe.
#include <nlohmann/json.hpp>

#include "domain/dossier_event.h"
#include "domain/error.h"

namespace motcua::store {

// The event as one JSON object, with every field present ("prev_hash" and "hash" as stored, possibly "").
// Never throws.
nlohmann::json EncodeDossierEvent(const DossierEvent& event);

// Reads an event written by EncodeDossierEvent (or by hand, for a backfill). Strict: an unknown "type", a
// missing or wrongly typed field, an unknown field, a time that does not parse, or an unknown enumeration
// value is an InvalidArgument whose `field` is the path of the culprit ("payload.due_at",
// "payload.components[2].copies"). "imported_by", "prev_hash" and "hash" may be omitted (the importer and
// the store set them). Never throws.
Result<DossierEvent> DecodeDossierEvent(const nlohmann::json& json);

}  // namespace motcua::store
