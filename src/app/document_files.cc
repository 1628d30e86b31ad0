#include "app/document_files.h"

#include <algorithm>

namespace motcua::app {
namespace {

bool MayUpload(Role role) {
  return role == Role::kReceptionist || role == Role::kSpecialist || role == Role::kLeader || role == Role::kCitizen;
}

}  // namespace

Result<DocumentUpload> DocumentFiles::Upload(const Account& account, std::string_view declared_type,
                                             std::string_view name, std::string_view content) {
  if (account.disabled || !MayUpload(account.role)) {
    return Fail(Error::PermissionDenied("role",
                                        "vai trò " + std::string(RoleLabelVi(account.role)) + " không tải tệp lên",
                                        "the role " + std::string(RoleName(account.role)) + " does not upload files"));
  }
  auto type = CheckDocumentUpload(content, declared_type, name);
  if (!type) return Fail(type.error());
  auto put = blobs_.Put(content);
  if (!put) return Fail(put.error());
  DocumentUpload upload{put->id,     static_cast<std::int64_t>(content.size()), *type, std::string(name), account.login,
                        clock_.Now()};
  if (auto recorded = store_.RecordDocumentUpload(upload); !recorded) return Fail(recorded.error());
  // An earlier upload of the same content by the same person keeps its name and time.
  auto uploads = store_.DocumentUploads(upload.id);
  if (!uploads) return Fail(uploads.error());
  for (const DocumentUpload& u : *uploads) {
    if (u.uploader == account.login) return u;
  }
  return upload;
}

Result<std::chrono::seconds> DocumentFiles::QuotaWait(const Account& account, std::int64_t size,
                                                      const UploadQuota& quota) {
  const Instant now = clock_.Now();
  auto recent = store_.DocumentUploadsBy(account.login, now - quota.window);
  if (!recent) return Fail(recent.error());
  std::vector<UploadSize> sizes;
  sizes.reserve(recent->size());
  for (const DocumentUpload& upload : *recent) sizes.push_back({upload.size, upload.uploaded_at});
  return UploadQuotaWait(sizes, QuotaBytesOf(account.role, quota), size, now, quota.window);
}

Result<DocumentContent> DocumentFiles::Read(const Account& account, std::string_view id,
                                            const DossierViewCheck& may_view) {
  auto uploads = AuthorizeDocumentRead(store_, account, id, may_view);
  if (!uploads) return Fail(uploads.error());
  auto bytes = blobs_.Get(id);
  if (!bytes) return Fail(bytes.error());
  const std::string text(id);
  if (!*bytes) {
    return Fail(Error::NotFound("file", "nội dung tệp '" + text + "' không còn trên máy chủ",
                                "the content of file '" + text + "' is missing on the server"));
  }
  const auto own = std::ranges::find(*uploads, account.login, &DocumentUpload::uploader);
  return DocumentContent{own != uploads->end() ? *own : uploads->front(), std::move(**bytes)};
}

Result<std::vector<DossierDocument>> DocumentsOf(store::Store& store, const std::vector<DossierEvent>& history) {
  std::vector<DossierDocument> documents;
  for (const DossierEvent& event : history) {
    const auto* digitized = std::get_if<Digitized>(&event.payload);
    if (!digitized) continue;
    DossierDocument document{digitized->component_seq, digitized->file, std::nullopt, event.actor.user,
                             event.occurred_at};
    if (IsDocumentFileId(digitized->file)) {
      auto uploads = store.DocumentUploads(digitized->file);
      if (!uploads) return Fail(uploads.error());
      // The attaching person's own upload names the file as they knew it.
      const auto own = std::ranges::find(*uploads, event.actor.user, &DocumentUpload::uploader);
      if (own != uploads->end()) {
        document.upload = *own;
      } else if (!uploads->empty()) {
        document.upload = uploads->front();
      }
    }
    documents.push_back(std::move(document));
  }
  return documents;
}

}  // namespace motcua::app
