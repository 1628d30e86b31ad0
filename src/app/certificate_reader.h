#pragma once
// The port that reads a certificate handed in by a person — the PEM text a CA e-mails, the .cer file saved from a
// token's tool (DER), or the same as bare base64 — for the register of officials' certificates
// (app/certificate_register.h). The server's is sign/x509_certificate_reader.h. Thread-safe.
#include <string>
#include <string_view>

#include "app/signature_report.h"
#include "domain/error.h"

namespace motcua::app {

struct ReadCertificate {
  CertificateFacts facts;
  std::string pem;                 // the certificate again, as PEM: what the register keeps
  bool meant_for_signing = false;  // its key usage allows signatures (digitalSignature or nonRepudiation), or
                                   // it sets no key usage at all
};

class CertificateReader {
 public:
  virtual ~CertificateReader() = default;
  // InvalidArgument naming "certificate" for anything that is not one X.509 certificate.
  virtual Result<ReadCertificate> Read(std::string_view text) const = 0;
};

}  // namespace motcua::app
