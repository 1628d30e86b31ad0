#include "app/result_signing.h"

#include <variant>

#include "app/document_files.h"
#include "app/electronic_result.h"
#include "app/form_names.h"

namespace motcua::app {
namespace {

Error NoResult(std::string vi, std::string en) {
  return Error::FailedPrecondition("result", std::move(vi), std::move(en));
}

Result<DocumentContent> ResultFile(store::Store& store, store::BlobStore& blobs, const Clock& clock, DossierDesk& desk,
                                   const Account& account, const DossierView& view) {
  const std::string file = LastResultFile(view.history);
  if (file.empty()) {
    return Fail(NoResult("Hồ sơ chưa có tệp kết quả để ký: kết quả được phê duyệt rồi đính kèm (PDF) trước khi ký.",
                         "The dossier has no result file to sign: once approved, the result (PDF) is attached, then "
                         "signed."));
  }
  DocumentFiles files(store, blobs, clock);
  auto content = files.Read(
      account, file, [&](const std::string& code) { return desk.Authorize(account, code, DossierAction::kView); });
  if (!content) return Fail(std::move(content.error()));
  if (content->upload.media_type != MediaType::kPdf) {
    return Fail(NoResult("Tệp kết quả là ảnh, không phải PDF: chỉ ký số được tệp PDF.",
                         "The result file is an image, not a PDF: only a PDF can be signed."));
  }
  return content;
}

}  // namespace

Result<ResultToSign> ReadResultToSign(store::Store& store, store::BlobStore& blobs, const Clock& clock,
                                      DossierDesk& desk, const Account& account, const std::string& code) {
  auto view = desk.Show(account, code);
  if (!view) return Fail(std::move(view.error()));
  auto file = ResultFile(store, blobs, clock, desk, account, *view);
  if (!file) return Fail(std::move(file.error()));
  auto names = LookUpFormNames(store, *view, "");
  if (!names) return Fail(std::move(names.error()));
  return ResultToSign{
      .file = std::move(*file),
      .text = {.signer_name = account.display_name.empty() ? account.login : account.display_name,
               .reason = "Phê duyệt kết quả giải quyết hồ sơ " + code,
               .location = names->competent_agency,
               .at = clock.Now()},
  };
}

Result<AttachedResult> AttachSignedResult(store::Store& store, store::BlobStore& blobs, const Clock& clock,
                                          DossierDesk& desk, const Account& account, const std::string& code,
                                          std::string_view signed_pdf) {
  DocumentFiles files(store, blobs, clock);
  auto upload = files.Upload(account, "application/pdf", code + "-ket-qua-da-ky-so.pdf", signed_pdf);
  if (!upload) return Fail(std::move(upload.error()));
  auto dossier = desk.Act(account, code, Digitized{kResultComponentSeq, upload->id});
  if (!dossier) return Fail(std::move(dossier.error()));
  return AttachedResult{std::move(*dossier), upload->id};
}

Result<DossierState> ResultSigning::Sign(const Account& account, const std::string& code, SigningMethod method,
                                         std::string_view pin) {
  if (auto allowed = desk_.Authorize(account, code, DossierAction::kApproveResult); !allowed) {
    return Fail(std::move(allowed.error()));
  }
  auto result = ReadResultToSign(store_, blobs_, clock_, desk_, account, code);
  if (!result) return Fail(std::move(result.error()));
  auto signed_pdf = signer_.Sign(method, pin, result->file.bytes, result->text);
  if (!signed_pdf) return Fail(std::move(signed_pdf.error()));
  auto attached = AttachSignedResult(store_, blobs_, clock_, desk_, account, code, *signed_pdf);
  if (!attached) return Fail(std::move(attached.error()));
  return std::move(attached->dossier);
}

}  // namespace motcua::app
