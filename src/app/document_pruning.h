#pragma once
// Use case: removing the files no dossier took. An upload is stored before the action that attaches it (a
// receptionist scans, a citizen attaches to a submission), so a reception abandoned at the counter or an online
// submission never sent leaves files that nothing names. `motcua files prune` removes the bytes of those whose
// last upload is older than a grace period (30 days by default); a file any dossier's history names is never
// touched, whatever its age. The upload records stay, and each removal is recorded (Store::RecordDocumentRemoved):
// a history is never changed, and the same content uploaded again is stored again.
//
// Race: a file is removed only when no dossier names it at the moment it is listed; an action attaching it between
// that moment and the removal would name bytes that are gone. The grace period makes that a month-old upload
// attached in the same second as the prune: run it at night.
// Thread-safety: one call at a time per Store, like the Store; the BlobStore is shared.
#include <chrono>
#include <cstdint>

#include "domain/civil_time.h"
#include "domain/error.h"
#include "store/blob_store.h"
#include "store/store.h"

namespace motcua::app {

inline constexpr std::chrono::days kDefaultPruneGrace{30};

struct PruneSummary {
  std::int64_t files = 0;  // removed (or, in a dry run, that would be)
  std::int64_t bytes = 0;  // their size, as uploaded
};

// Removes (unless `dry_run`) the bytes of every file no dossier names whose last upload was `grace` or more
// before `now`. InvalidArgument naming "older_than" when `grace` is negative; the store's and the BlobStore's
// errors otherwise (the files removed before one stay removed and recorded).
Result<PruneSummary> PruneUnattachedDocuments(store::Store& store, store::BlobStore& blobs, Instant now,
                                              std::chrono::days grace, bool dry_run);

}  // namespace motcua::app
