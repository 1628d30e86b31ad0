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

}  // namespace

Result<DocumentContent> ResultSigning::ResultFile(const Account& account, const DossierView& view) {
  const std::string file = LastResultFile(view.history);
  if (file.empty()) {
    return Fail(NoResult("Hồ sơ chưa có tệp kết quả để ký: kết quả được phê duyệt rồi đính kèm (PDF) trước khi ký.",
                         "The dossier has no result file to sign: once approved, the result (PDF) is attached, then "
                         "signed."));
  }
  DocumentFiles files(store_, blobs_, clock_);
  auto content = files.Read(
      account, file, [&](const std::string& code) { return desk_.Authorize(account, code, DossierAction::kView); });
  if (!content) return Fail(std::move(content.error()));
  if (content->upload.media_type != MediaType::kPdf) {
    return Fail(NoResult("Tệp kết quả là ảnh, không phải PDF: chỉ ký số được tệp PDF.",
                         "The result file is an image, not a PDF: only a PDF can be signed."));
  }
  return content;
}

Result<DossierState> ResultSigning::Sign(const Account& account, const std::string& code, SigningMethod method,
                                         std::string_view pin) {
  if (auto allowed = desk_.Authorize(account, code, DossierAction::kApproveResult); !allowed) {
    return Fail(std::move(allowed.error()));
  }
  auto view = desk_.Show(account, code);
  if (!view) return Fail(std::move(view.error()));
  auto result = ResultFile(account, *view);
  if (!result) return Fail(std::move(result.error()));
  auto names = LookUpFormNames(store_, *view, "");
  if (!names) return Fail(std::move(names.error()));
  const ResultSignatureText text{
      .signer_name = account.display_name.empty() ? account.login : account.display_name,
      .reason = "Phê duyệt kết quả giải quyết hồ sơ " + code,
      .location = names->competent_agency,
      .at = clock_.Now(),
  };
  auto signed_pdf = signer_.Sign(method, pin, result->bytes, text);
  if (!signed_pdf) return Fail(std::move(signed_pdf.error()));
  DocumentFiles files(store_, blobs_, clock_);
  auto upload = files.Upload(account, "application/pdf", code + "-ket-qua-da-ky-so.pdf", *signed_pdf);
  if (!upload) return Fail(std::move(upload.error()));
  return desk_.Act(account, code, Digitized{kResultComponentSeq, upload->id});
}

}  // namespace motcua::app
