#pragma once
// The document files API (app/document_files.h); every route needs a login:
//
//   POST /api/v1/files?name=scan.pdf      the raw file as the body, its type in Content-Type (PDF, JPEG or PNG,
//                                         checked against the content), at most 20 MiB (a larger body is a 413
//                                         before it is read: http/body_limit.h) → 201 {id, size, media_type,
//                                         name, uploaded_at}; the same content again answers the same id;
//                                         429 with Retry-After beyond the account's bytes of the day or the
//                                         address's uploads a second (UploadLimits)
//   GET  /api/v1/files/{id}               the bytes, to the uploader or to whoever may see a dossier the file is
//                                         attached to (app/document_access.h); a denial is a 403, logged
//   GET  /api/v1/dossiers/{code}/files    the files the dossier's history attaches, for who may see it
//
// A file is attached by sending its id in an intake's components ("file") or in a digitize action
// (dossier_requests.h). Thread-safety: handlers run on every server thread, each with its own store; the
// BlobStore is shared and thread-safe.
#include "domain/upload_quota.h"
#include "http/dossier_api.h"
#include "http/rate_limiter.h"
#include "http/router.h"
#include "store/blob_store.h"

namespace motcua::http {

// What bounds uploads: the bytes an account may upload in a day (domain/upload_quota.h), and the uploads a client
// address may make — a burst of 120, then two a second: a scanner feeding a counter never meets it.
struct UploadLimits {
  UploadQuota quota;
  RateLimiter per_client{RateLimit{120, std::chrono::milliseconds(500), 10000}};
};

struct FilesApiContext {
  DossierApiContext dossiers;  // who asks, and the dossier access rules
  store::BlobStore& blobs;
  UploadLimits& limits;
};

// Registers the routes above; the objects `context` refers to must outlive the router.
void AddFilesApi(Router& router, const FilesApiContext& context);

}  // namespace motcua::http
