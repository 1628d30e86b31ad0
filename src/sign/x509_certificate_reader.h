#pragma once
// app::CertificateReader with OpenSSL: PEM ("-----BEGIN CERTIFICATE-----"), DER, or the DER as bare base64 (what
// some token tools copy to the clipboard). Thread-safe: no state.
#include "app/certificate_reader.h"

namespace motcua::sign {

class X509CertificateReader final : public app::CertificateReader {
 public:
  Result<app::ReadCertificate> Read(std::string_view text) const override;
};

}  // namespace motcua::sign
