#pragma once
// Tamper evidence for the dossier history: each event's hash covers its whole content and its predecessor's
// hash (prev_hash), so editing, removing or reordering a stored event breaks the chain from that point on
// (Store::VerifyDossierChains finds where). Pure functions; thread-safe.
#include <string>

#include "domain/dossier_event.h"

namespace motcua::store {

// The bytes that are hashed: the event's JSON (dossier_event_codec.h) without the "hash" field, keys in
// lexicographic order, no whitespace, as nlohmann::json::dump() writes it. Text that is not valid UTF-8 is
// written as U+FFFD, so the store refuses such text before it appends (see AppendDossierEvents).
std::string CanonicalEventText(const DossierEvent& event);

// Lowercase hexadecimal SHA-256 of CanonicalEventText(event): 64 characters. Ignores event.hash.
std::string EventHash(const DossierEvent& event);

}  // namespace motcua::store
