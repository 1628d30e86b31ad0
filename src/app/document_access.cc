#include "app/document_access.h"

#include <algorithm>

namespace motcua::app {

Result<std::vector<DocumentUpload>> StoredDocument(store::Store& store, std::string_view id) {
  const std::string text(id);
  if (!IsDocumentFileId(id)) {
    return Fail(Error::InvalidArgument("file", "mã tệp '" + text + "' không hợp lệ (64 chữ số hệ 16)",
                                       "the file id '" + text + "' is malformed (64 hex digits)"));
  }
  auto uploads = store.DocumentUploads(id);
  if (!uploads) return Fail(uploads.error());
  if (uploads->empty()) {
    return Fail(Error::NotFound("file", "không có tệp '" + text + "'", "no file '" + text + "'"));
  }
  return uploads;
}

Result<std::vector<DocumentUpload>> AuthorizeDocumentRead(store::Store& store, const Account& account,
                                                          std::string_view id, const DossierViewCheck& may_view) {
  auto uploads = StoredDocument(store, id);
  if (!uploads) return uploads;
  if (account.disabled) {
    return Fail(Error::PermissionDenied("role", "tài khoản đã bị vô hiệu hóa", "the account is disabled"));
  }
  const bool uploader =
      std::ranges::any_of(*uploads, [&](const DocumentUpload& u) { return u.uploader == account.login; });
  if (uploader) return uploads;
  auto dossiers = store.DossiersWithDocument(id);
  if (!dossiers) return Fail(dossiers.error());
  for (const std::string& code : *dossiers) {
    if (may_view(code)) return uploads;
  }
  return Fail(Error::PermissionDenied("file", "bạn không tải tệp này lên và không xem được hồ sơ nào có tệp này",
                                      "you did not upload this file and may see no dossier it is attached to"));
}

}  // namespace motcua::app
