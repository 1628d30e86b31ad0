#pragma once
// Where the bytes of document files live: a content-addressed store, each content kept once under its SHA-256
// (hex). The Store records who uploaded what (store.h); this keeps only bytes, so that the database does not
// grow by the scans and a backup can copy them incrementally.
//
// Contract for every implementation:
//  - Put returns only once the content is durable under its id (a crash after it loses nothing);
//  - a failed Put leaves nothing behind, and a reader never sees a partial content under an id;
//  - putting the same content again writes nothing and returns the same id.
// Thread-safety: implementations are safe to call from many threads at once.
#include <optional>
#include <string>
#include <string_view>

#include "domain/error.h"

namespace motcua::store {

struct BlobPut {
  std::string id;        // SHA-256 of the content, 64 lower-case hex digits
  bool created = false;  // false when the content was already stored
};

class BlobStore {
 public:
  virtual ~BlobStore() = default;

  // Stores `content`. Unavailable (field "file") when it cannot be written.
  virtual Result<BlobPut> Put(std::string_view content) = 0;
  // The content stored under `id`, or nullopt when there is none (or `id` is not a file id). Unavailable when
  // it cannot be read.
  virtual Result<std::optional<std::string>> Get(std::string_view id) = 0;
  // Removes the content under `id` durably; false when there was none. Unavailable when it cannot be removed.
  // Only for a content no dossier names (app/document_pruning.h): a dossier's files are never removed.
  virtual Result<bool> Remove(std::string_view id) = 0;
};

}  // namespace motcua::store
