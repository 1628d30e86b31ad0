#pragma once
// Where two versions of a dossier event differ: the one a store holds and the one a file brings. An import that
// meets a dossier already present compares the file's events with the stored ones: identical ones are skipped
// (an import can be rerun), and differing ones are a conflict listed field by field for a person to settle —
// the stored history is never rewritten (nothing is updated in place). Pure function.
#include <cstdint>
#include <string>
#include <vector>

#include "domain/dossier_event.h"

namespace motcua::app {

struct EventDifference {
  std::int64_t seq = 0;
  std::string field;     // the path in the JSON Lines form (docs/events-jsonl.md): "type", "payload.due_at"
  std::string stored;    // the stored value as JSON text ("" when the field is absent)
  std::string imported;  // the file's value
};

// Every field where `imported` differs from `stored`, in field order. What an import rightly changes is not
// compared: when it was recorded, the import marks, the hashes (the store computes them).
std::vector<EventDifference> DifferencesBetween(const DossierEvent& stored, const DossierEvent& imported);

}  // namespace motcua::app
