#pragma once
// Who may read a document file (domain/document_file.h): whoever uploaded it, and whoever may see a dossier it
// is attached to (by a "digitized" event naming it; domain/dossier_access.h says who sees a dossier). Attaching
// a file to a dossier needs the same right, so that knowing a file's id is never enough to reach it: the id is
// a hash, and a person who has the content could compute it.
// Thread-safety: as the Store it is given (the calling thread's own).
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/account.h"
#include "store/store.h"

namespace motcua::app {

// Whether the account may see the dossier `code` (allowed, or the access rules' PermissionDenied).
using DossierViewCheck = std::function<Result<void>(const std::string& code)>;

// The uploads of `id` (at least one), whoever asks: InvalidArgument on "file" for a malformed id, NotFound on
// "file" when no such file was uploaded. The first half of AuthorizeDocumentRead; the import checks an imported
// history's files with it (app/counter_replay.h).
Result<std::vector<DocumentUpload>> StoredDocument(store::Store& store, std::string_view id);

// The uploads of `id` (at least one) when `account` may read it. InvalidArgument on "file" for a malformed id,
// NotFound on "file" when no such file was uploaded, PermissionDenied on "file" when the account neither
// uploaded it nor may see a dossier it is attached to.
Result<std::vector<DocumentUpload>> AuthorizeDocumentRead(store::Store& store, const Account& account,
                                                          std::string_view id, const DossierViewCheck& may_view);

}  // namespace motcua::app
