#include "app/remote_result_signing.h"

#include <algorithm>
#include <utility>

#include "app/certificate_standing.h"
#include "app/result_signing.h"
#include "store/sha256.h"

namespace motcua::app {
namespace {

bool IsOpen(const SigningRequest& request) {
  return request.state == SigningRequestState::kPending || request.state == SigningRequestState::kSettling;
}

Error NoCertificate(std::string vi, std::string en) {
  return Error::FailedPrecondition("certificate", std::move(vi), std::move(en));
}

SigningRequestOutcome Ended(SigningRequestState state, Instant at, std::string problem = {}) {
  return {.state = state, .settled_at = at, .signed_file = {}, .problem = std::move(problem)};
}

}  // namespace

Result<SigningRequest> RemoteResultSigning::Request(const Account& account, const std::string& code) {
  if (auto allowed = desk_.Authorize(account, code, DossierAction::kApproveResult); !allowed) {
    return Fail(std::move(allowed.error()));
  }
  auto earlier = store_.SigningRequestsOf(code);
  if (!earlier) return Fail(std::move(earlier.error()));
  if (std::ranges::any_of(*earlier, IsOpen)) {
    return Fail(Error::Conflict("code", "Kết quả của hồ sơ " + code + " đang chờ xác nhận ký trên ứng dụng ký số.",
                                "The result of dossier " + code + " is waiting for a signature to be confirmed."));
  }
  auto result = ReadResultToSign(store_, blobs_, clock_, desk_, account, code);
  if (!result) return Fail(std::move(result.error()));
  auto held = LeadersCertificate(account);
  if (!held) return Fail(std::move(held.error()));
  std::vector<std::string> certificates{held->certificate.certificate};
  certificates.insert(certificates.end(), held->certificate.issuer_chain.begin(), held->certificate.issuer_chain.end());
  auto prepared = steps_.Prepare(result->file.bytes, result->text, std::move(certificates));
  if (!prepared) return Fail(std::move(prepared.error()));
  auto kept = blobs_.Put(prepared->pdf);
  if (!kept) return Fail(std::move(kept.error()));
  // The prepared copy is kept only for a request the CA took and the store holds: any failure on the way removes it
  // again (best effort), so that a CA that is down leaves nothing behind.
  const auto forget_prepared = [&] {
    if (kept->created) (void)blobs_.Remove(kept->id);
  };
  auto transaction = service_.RequestSignature({
      .user_id = held->remote_user,
      .certificate_serial = held->certificate.serial,
      .digest = prepared->digest,
      .description = "Ký kết quả hồ sơ " + code,
      .document_id = code,
  });
  if (!transaction) {
    forget_prepared();
    return Fail(std::move(transaction.error()));
  }
  const Instant now = clock_.Now();
  SigningRequest request{
      .dossier_code = code,
      .login = account.login,
      .source_file = result->file.upload.id,
      .transaction = std::move(*transaction),
      .state = SigningRequestState::kPending,
      .prepared_file = kept->id,
      .contents_offset = prepared->contents_offset,
      .contents_length = prepared->contents_length,
      .certificates = std::move(prepared->certificates),
      .signed_attributes = std::move(prepared->signed_attributes),
      .digest = std::move(prepared->digest),
      .requested_at = now,
      .expires_at = now + kRemoteSigningWait,
  };
  auto added = store_.AddSigningRequest(request);
  if (!added) forget_prepared();
  return added;
}

Result<SigningRequest> RemoteResultSigning::Show(const Account& account, std::int64_t id) {
  auto found = store_.FindSigningRequest(id);
  if (!found) return Fail(std::move(found.error()));
  // Someone who may not see the dossier learns nothing, not even that the request exists.
  if (!*found || !desk_.Authorize(account, (*found)->dossier_code, DossierAction::kView)) {
    return Fail(Error::NotFound("id", "không có yêu cầu ký số số " + std::to_string(id),
                                "no signing request has id " + std::to_string(id)));
  }
  return Settle(std::move(**found));
}

Result<std::vector<SigningRequest>> RemoteResultSigning::OfDossier(const Account& account, const std::string& code) {
  if (auto allowed = desk_.Authorize(account, code, DossierAction::kView); !allowed) {
    return Fail(std::move(allowed.error()));
  }
  auto requests = store_.SigningRequestsOf(code);
  if (!requests) return Fail(std::move(requests.error()));
  for (SigningRequest& request : *requests) {
    if (!IsOpen(request)) continue;
    auto settled = Settle(std::move(request));
    if (!settled) return Fail(std::move(settled.error()));
    request = std::move(*settled);
  }
  return requests;
}

Result<std::size_t> RemoteResultSigning::SettleOpen() {
  auto open = store_.OpenSigningRequests();
  if (!open) return Fail(std::move(open.error()));
  std::size_t ended = 0;
  for (SigningRequest& request : *open) {
    auto settled = Settle(std::move(request));
    if (!settled) return Fail(std::move(settled.error()));
    if (!IsOpen(*settled)) ++ended;
  }
  return ended;
}

Result<RemoteResultSigning::HeldCertificate> RemoteResultSigning::LeadersCertificate(const Account& account) {
  auto registered = store_.OfficialCertificates();
  if (!registered) return Fail(std::move(registered.error()));
  const Instant now = clock_.Now();
  const OfficialCertificate* chosen = nullptr;
  for (const OfficialCertificate& record : *registered) {
    if (record.login != account.login || !record.active() || record.holding != CertificateHolding::kRemote) continue;
    if (!SignsToday(StandingAt(record, now))) continue;
    if (!chosen || record.not_after > chosen->not_after) chosen = &record;
  }
  if (!chosen) {
    return Fail(NoCertificate(
        "Bạn chưa có chứng thư ký số từ xa còn hiệu lực trong danh sách chứng thư số của đơn vị: giám đốc hoặc quản "
        "trị hệ thống đăng ký chứng thư trước khi ký.",
        "You have no remote signing certificate valid today in the register: your director or the administrator "
        "registers it before you sign."));
  }
  auto held = service_.Certificates(chosen->remote_user);
  if (!held) return Fail(std::move(held.error()));
  for (RemoteCertificate& certificate : *held) {
    if (store::Sha256Hex(certificate.certificate) == chosen->sha256) {
      return HeldCertificate{chosen->remote_user, std::move(certificate)};
    }
  }
  return Fail(NoCertificate("Dịch vụ ký số từ xa không còn giữ chứng thư số đã đăng ký của bạn (số sê-ri " +
                                chosen->serial + "): cần đăng ký lại chứng thư hiện hành.",
                            "The remote signing service no longer holds your registered certificate (serial " +
                                chosen->serial + "): the current one must be registered."));
}

Result<SigningRequest> RemoteResultSigning::Settle(SigningRequest request) {
  const Instant now = clock_.Now();
  if (request.state == SigningRequestState::kSettling) {
    // Another thread is finishing it; or a server died doing so, and after the wait it is taken up again.
    if (now <= request.expires_at) return request;
    auto back = store_.MoveSigningRequest(request.id, SigningRequestState::kSettling, {});
    if (!back) return Fail(std::move(back.error()));
    if (!*back) return request;
    request.state = SigningRequestState::kPending;
  }
  if (request.state != SigningRequestState::kPending) return request;
  auto status = service_.Status(request.transaction);
  if (!status) {
    if (status.error().code == ErrorCode::kNotFound) {
      return End(std::move(request), SigningRequestState::kPending,
                 Ended(SigningRequestState::kFailed, now, "Dịch vụ ký số không còn biết giao dịch này."));
    }
    // The CA cannot be reached now: asked again later, until the wait is over.
    if (now <= request.expires_at) return request;
    return End(std::move(request), SigningRequestState::kPending, Ended(SigningRequestState::kExpired, now));
  }
  switch (status->state) {
    case RemoteSigningState::kSigned:
      return Finish(std::move(request), status->signature);
    case RemoteSigningState::kRejected:
      return End(std::move(request), SigningRequestState::kPending, Ended(SigningRequestState::kRejected, now));
    case RemoteSigningState::kExpired:
      return End(std::move(request), SigningRequestState::kPending, Ended(SigningRequestState::kExpired, now));
    case RemoteSigningState::kPending:
      break;
  }
  if (now <= request.expires_at) return request;
  return End(std::move(request), SigningRequestState::kPending, Ended(SigningRequestState::kExpired, now));
}

Result<SigningRequest> RemoteResultSigning::Finish(SigningRequest request, const std::string& signature) {
  auto mine =
      store_.MoveSigningRequest(request.id, SigningRequestState::kPending, {.state = SigningRequestState::kSettling});
  if (!mine) return Fail(std::move(mine.error()));
  if (!*mine) {
    auto current = store_.FindSigningRequest(request.id);
    if (!current) return Fail(std::move(current.error()));
    return current->value_or(std::move(request));
  }
  const auto failed = [&](const Error& error) {
    return End(std::move(request), SigningRequestState::kSettling,
               Ended(SigningRequestState::kFailed, clock_.Now(), error.message_vi));
  };
  auto prepared = blobs_.Get(request.prepared_file);
  if (!prepared) return Fail(std::move(prepared.error()));
  if (!*prepared) {
    return failed(Error::NotFound("file", "Bản PDF chuẩn bị để ký không còn trên máy chủ.",
                                  "The PDF prepared for signing is gone from the server."));
  }
  auto signed_pdf = steps_.Complete({std::move(**prepared), request.contents_offset, request.contents_length,
                                     request.certificates, request.signed_attributes, request.digest},
                                    signature);
  if (!signed_pdf) return failed(signed_pdf.error());
  auto leader = store_.FindAccount(request.login);
  if (!leader) return Fail(std::move(leader.error()));
  if (!*leader) {
    return failed(Error::NotFound("login", "Tài khoản của người ký không còn.", "The signer's account is gone."));
  }
  auto attached =
      AttachSignedResult(store_, blobs_, clock_, desk_, (*leader)->account, request.dossier_code, *signed_pdf);
  if (!attached) return failed(attached.error());
  SigningRequestOutcome outcome = Ended(SigningRequestState::kSigned, clock_.Now());
  outcome.signed_file = attached->file;
  return End(std::move(request), SigningRequestState::kSettling, std::move(outcome));
}

Result<SigningRequest> RemoteResultSigning::End(SigningRequest request, SigningRequestState from,
                                                SigningRequestOutcome outcome) {
  auto moved = store_.MoveSigningRequest(request.id, from, outcome);
  if (!moved) return Fail(std::move(moved.error()));
  if (*moved) {
    // The prepared copy is no dossier's file: once the request has ended it is only bytes (best effort: a copy
    // left behind costs disk, not correctness).
    (void)blobs_.Remove(request.prepared_file);
    request.state = outcome.state;
    request.settled_at = outcome.settled_at;
    request.signed_file = std::move(outcome.signed_file);
    request.problem = std::move(outcome.problem);
    return request;
  }
  auto current = store_.FindSigningRequest(request.id);
  if (!current) return Fail(std::move(current.error()));
  return current->value_or(std::move(request));
}

}  // namespace motcua::app
