#pragma once
// Use case: a leader signs the dossier's electronic result: an electronic result carries the digital signature
// of the competent person or the agency's seal (Law 20/2023/QH15 on electronic transactions, art. 22; Decree
// 45/2020/NĐ-CP on administrative procedures online; the sources and what is not yet confirmed:
// docs/law/signatures.md). Once the result is approved its file is attached (a Digitized event with component
// -1, by the specialist or the leader); the last such file is what is signed — an earlier signed copy is signed
// again, its signature kept. The signed copy is stored as a new file and attached as the result by a new
// Digitized event of the leader's: the unsigned copy stays in the history, nothing is replaced.
// Thread-safety: one instance per thread, like the Store it uses.
#include <string>
#include <string_view>

#include "app/clock.h"
#include "app/document_files.h"
#include "app/dossier_desk.h"
#include "app/result_signer.h"
#include "domain/account.h"
#include "store/blob_store.h"
#include "store/store.h"

namespace motcua::app {

// What every way of signing a result starts from: the dossier's last result file, read as `account` (a PDF), and
// what its signature says. FailedPrecondition naming "result" when no result file is attached or it is not a PDF.
struct ResultToSign {
  DocumentContent file;
  ResultSignatureText text;
};
Result<ResultToSign> ReadResultToSign(store::Store& store, store::BlobStore& blobs, const Clock& clock,
                                      DossierDesk& desk, const Account& account, const std::string& code);

// Stores the signed copy as a new file of `account`'s and attaches it as the result (Digitized, component -1).
struct AttachedResult {
  DossierState dossier;
  std::string file;  // the signed copy's id
};
Result<AttachedResult> AttachSignedResult(store::Store& store, store::BlobStore& blobs, const Clock& clock,
                                          DossierDesk& desk, const Account& account, const std::string& code,
                                          std::string_view signed_pdf);

class ResultSigning {
 public:
  ResultSigning(store::Store& store, store::BlobStore& blobs, const Clock& clock, DossierDesk& desk,
                const ResultSigner& signer)
      : store_(store), blobs_(blobs), clock_(clock), desk_(desk), signer_(signer) {}

  // Signs the result of dossier `code` by `method` (with the token's `pin`) and attaches the signed copy.
  // Errors: those of DossierDesk::Authorize for approving the result (only a leader of the competent agency);
  // FailedPrecondition naming "result" when no result file is attached or it is not a PDF; the signer's
  // (app/result_signer.h); those of DossierDesk::Act for the new Digitized event (the dossier's state).
  Result<DossierState> Sign(const Account& account, const std::string& code, SigningMethod method,
                            std::string_view pin);

 private:
  store::Store& store_;
  store::BlobStore& blobs_;
  const Clock& clock_;
  DossierDesk& desk_;
  const ResultSigner& signer_;
};

}  // namespace motcua::app
