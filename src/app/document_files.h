#pragma once
// Use case: document files — a receptionist's scans at the counter, a citizen's attachments to an online
// submission, a specialist's or leader's result — uploaded before the dossier action that attaches them, then
// read back by those who may (app/document_access.h).
//
// An upload is checked whole before anything is written (domain/document_file.h: PDF, JPEG or PNG by content,
// at most 20 MiB); the bytes are then made durable in the BlobStore, and only then is the upload recorded, so a
// record never names missing bytes and a refused upload leaves nothing behind (a failure to record after the
// bytes are stored leaves at most an unreferenced file, which the next upload of that content reuses). The same
// content uploaded again is stored once.
// Thread-safety: one instance per thread, like the Store it uses; the BlobStore is shared.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/clock.h"
#include "app/document_access.h"
#include "domain/account.h"
#include "domain/document_file.h"
#include "domain/upload_quota.h"
#include "store/blob_store.h"
#include "store/store.h"

namespace motcua::app {

// A file as read back: its upload record (the reader's own when they uploaded it) and its bytes.
struct DocumentContent {
  DocumentUpload upload;
  std::string bytes;
};

// A file attached to a dossier, for the dossier page.
struct DossierDocument {
  int component_seq = 0;                 // -1 for the result
  std::string file;                      // the id as the event names it
  std::optional<DocumentUpload> upload;  // nullopt for a reference that is no stored file (older data)
  std::string attached_by;               // the event's actor
  Instant attached_at{};
};

class DocumentFiles {
 public:
  DocumentFiles(store::Store& store, store::BlobStore& blobs, const Clock& clock)
      : store_(store), blobs_(blobs), clock_(clock) {}

  // Stores an upload by `account` (receptionist, specialist, leader or citizen; PermissionDenied on "role" for
  // the others). `declared_type` is the request's Content-Type, `name` the file's original name (may be empty).
  Result<DocumentUpload> Upload(const Account& account, std::string_view declared_type, std::string_view name,
                                std::string_view content);

  // How long `account` must wait before `size` more bytes fit its upload quota (domain/upload_quota.h): zero when
  // they fit now. Upload does not check it: the HTTP route asks first, to answer 429 with Retry-After.
  Result<std::chrono::seconds> QuotaWait(const Account& account, std::int64_t size, const UploadQuota& quota);

  // The file when the account may read it (AuthorizeDocumentRead). NotFound on "file" also when the record
  // exists but the bytes are gone (a restore that missed the files folder).
  Result<DocumentContent> Read(const Account& account, std::string_view id, const DossierViewCheck& may_view);

 private:
  store::Store& store_;
  store::BlobStore& blobs_;
  const Clock& clock_;
};

// The files the history attaches (every Digitized event, in order), with their upload records.
Result<std::vector<DossierDocument>> DocumentsOf(store::Store& store, const std::vector<DossierEvent>& history);

}  // namespace motcua::app
