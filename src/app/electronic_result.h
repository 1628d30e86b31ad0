#pragma once
// Use case: the citizen fetches the dossier's electronic result (Decree 45/2020/NĐ-CP: results returned
// electronically; docs/law/signatures.md) — the last file attached as the result, the signed copy when the leader
// signed it (app/result_signing.h). Who may have it is decided before: the receipt PIN of public tracking
// (http/signing_api.h), or the access rules for an account. Stateless; the store is the calling thread's own, the
// BlobStore shared and thread-safe.
#include <string>

#include "app/document_files.h"
#include "store/blob_store.h"
#include "store/store.h"

namespace motcua::app {

// The last result file of dossier `code` with its bytes. NotFound naming "code" for no such dossier, naming
// "result" while no result file is attached (or its bytes are gone).
Result<DocumentContent> ElectronicResult(store::Store& store, store::BlobStore& blobs, const std::string& code);

// The id of the last file the history attaches as the result; "" when none.
std::string LastResultFile(const std::vector<DossierEvent>& history);

}  // namespace motcua::app
