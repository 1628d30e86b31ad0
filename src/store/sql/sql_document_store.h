#pragma once
// The document half of the SQLite backend: the document_uploads table and the index of "digitized" events by
// file (migrations/0007_files.sql), the files removed (0017_upload_quota_and_pruning.sql). SqliteStore owns the
// connection and forwards the Store's document methods here, turning SQLite exceptions into Errors; the contracts are
// in store/store.h. Thread-safety: as the connection it is given (one thread at a time).

#include <string>
#include <string_view>
#include <vector>

#include "store/sql/connection.h"
#include "store/store.h"

namespace motcua::store {

class SqlDocumentStore {
 public:
  explicit SqlDocumentStore(sql::Connection& db) : db_(db) {}

  // May throw sql::DbError.
  void RecordUpload(const DocumentUpload& upload);
  std::vector<DocumentUpload> Uploads(std::string_view id);
  std::vector<std::string> DossiersWith(std::string_view id);
  std::vector<DocumentUpload> UploadsBy(std::string_view uploader, Instant since);
  std::vector<std::string> Unattached(Instant uploaded_before);
  void RecordRemoved(std::string_view id, Instant at);

 private:
  sql::Connection& db_;
};

}  // namespace motcua::store
