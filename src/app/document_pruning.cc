#include "app/document_pruning.h"

namespace motcua::app {

Result<PruneSummary> PruneUnattachedDocuments(store::Store& store, store::BlobStore& blobs, Instant now,
                                              std::chrono::days grace, bool dry_run) {
  if (grace < std::chrono::days(0)) {
    return Fail(
        Error::InvalidArgument("older_than", "thời hạn giữ tệp không được âm", "the grace period cannot be negative"));
  }
  // Last uploaded `grace` or more ago: before the second after the cutoff (times are whole seconds).
  auto unattached = store.UnattachedDocuments(now - grace + std::chrono::seconds(1));
  if (!unattached) return Fail(unattached.error());
  PruneSummary summary;
  for (const std::string& id : *unattached) {
    auto uploads = store.DocumentUploads(id);
    if (!uploads) return Fail(uploads.error());
    const std::int64_t size = uploads->empty() ? 0 : uploads->front().size;
    if (!dry_run) {
      auto removed = blobs.Remove(id);
      if (!removed) return Fail(removed.error());
      // Recorded even when the bytes were already gone (a restore without them): the record says they are.
      if (auto recorded = store.RecordDocumentRemoved(id, now); !recorded) return Fail(recorded.error());
    }
    ++summary.files;
    summary.bytes += size;
  }
  return summary;
}

}  // namespace motcua::app
