#include "app/electronic_result.h"

#include <variant>

namespace motcua::app {
namespace {

Error NoResult() {
  return Error::NotFound("result", "Hồ sơ chưa có kết quả điện tử.", "The dossier has no electronic result yet.");
}

}  // namespace

std::string LastResultFile(const std::vector<DossierEvent>& history) {
  std::string file;
  for (const DossierEvent& event : history) {
    if (const auto* scan = std::get_if<Digitized>(&event.payload); scan && scan->component_seq == kResultComponentSeq) {
      file = scan->file;
    }
  }
  return file;
}

Result<DocumentContent> ElectronicResult(store::Store& store, store::BlobStore& blobs, const std::string& code) {
  auto history = store.LoadDossierEvents(code);
  if (!history) return Fail(history.error());
  if (history->empty()) {
    return Fail(Error::NotFound("code", "không có hồ sơ " + code, "there is no dossier " + code));
  }
  const std::string file = LastResultFile(*history);
  if (file.empty() || !IsDocumentFileId(file)) return Fail(NoResult());
  auto uploads = store.DocumentUploads(file);
  if (!uploads) return Fail(uploads.error());
  auto bytes = blobs.Get(file);
  if (!bytes) return Fail(bytes.error());
  if (uploads->empty() || !*bytes) return Fail(NoResult());
  return DocumentContent{uploads->front(), std::move(**bytes)};
}

}  // namespace motcua::app
