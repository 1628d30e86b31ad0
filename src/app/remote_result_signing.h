#pragma once
// Use case: a leader signs the dossier's result with a key a remote signing CA keeps (VNPT SmartCA, …; issue 17,
// item 2). Asking (Request) prepares the result PDF with the leader's certificate — the one the register holds for
// the leader as "remote" (app/certificate_register.h), matched at the CA by its fingerprint —, keeps the prepared
// copy in the blob store and what finishing needs in the store (domain/signing_request.h), and sends the digest to
// the CA: the leader confirms in the CA's app on the phone. Settling asks the CA where the transaction stands and,
// once signed, checks the signature against the certificate, writes it in and attaches the signed copy as the
// result in the leader's name (app/result_signing.h): the same end as a seal or a token. A refusal or a lapse ends
// the request; nothing is attached.
//
// A request still pending at the CA kRemoteSigningWait after it was asked is expired by us (SmartCA's own limit is
// about 5 minutes); a signature the CA gives is written in whenever it is read.
//
// Settling happens when anyone who may see the dossier looks at the request, and on a timer for every open request
// (SettleOpen, run by `motcua serve`), so that a signature confirmed while nobody looks is attached anyway. Two
// server threads settling the same request finish it once: the store moves it from pending to settling in one
// write (Store::MoveSigningRequest), and only the thread that moved it goes on.
//
// Thread-safety: one instance per thread, like the Store it uses; the service and the steps are thread-safe.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "app/clock.h"
#include "app/dossier_desk.h"
#include "app/pdf_signature_steps.h"
#include "app/remote_signing_service.h"
#include "domain/account.h"
#include "domain/signing_request.h"
#include "store/blob_store.h"
#include "store/store.h"

namespace motcua::app {

inline constexpr std::chrono::minutes kRemoteSigningWait{10};

class RemoteResultSigning {
 public:
  RemoteResultSigning(store::Store& store, store::BlobStore& blobs, const Clock& clock, DossierDesk& desk,
                      const RemoteSigningService& service, const PdfSignatureSteps& steps)
      : store_(store), blobs_(blobs), clock_(clock), desk_(desk), service_(service), steps_(steps) {}

  // Asks the leader's CA for the signature of dossier `code`'s result; the request, pending. Errors: those of
  // DossierDesk::Authorize for approving the result; FailedPrecondition naming "result" (no PDF result attached),
  // "certificate" (no remote certificate valid today in the register for this leader, or the CA no longer holds
  // it), Conflict naming "code" when a request for the dossier is still pending; the service's and the steps'.
  Result<SigningRequest> Request(const Account& account, const std::string& code);
  // The request, settled first when the CA has answered; for whoever may see its dossier (NotFound naming "id"
  // otherwise, as for no such request).
  Result<SigningRequest> Show(const Account& account, std::int64_t id);
  // The dossier's requests, newest last, each settled first when open.
  Result<std::vector<SigningRequest>> OfDossier(const Account& account, const std::string& code);
  // Settles every open request (the timer's work); how many ended (signed, rejected, expired or failed).
  // A request left settling by a server that died is taken up again once kRemoteSigningWait has passed.
  Result<std::size_t> SettleOpen();

 private:
  // The leader's certificate at the CA, and the leader's account there.
  struct HeldCertificate {
    std::string remote_user;
    RemoteCertificate certificate;
  };
  Result<HeldCertificate> LeadersCertificate(const Account& account);
  Result<SigningRequest> Settle(SigningRequest request);
  Result<SigningRequest> Finish(SigningRequest request, const std::string& signature);
  Result<SigningRequest> End(SigningRequest request, SigningRequestState from, SigningRequestOutcome outcome);

  store::Store& store_;
  store::BlobStore& blobs_;
  const Clock& clock_;
  DossierDesk& desk_;
  const RemoteSigningService& service_;
  const PdfSignatureSteps& steps_;
};

}  // namespace motcua::app
