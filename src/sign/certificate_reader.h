#pragma once
// What a person needs to know of a certificate — whose it is, who issued it, its serial, when it is valid — read
// out of OpenSSL's X509 into app::CertificateFacts, for error messages, the verification report and the register
// of officials' certificates. Thread-safe.
#include <openssl/x509.h>

#include <string>

#include "app/signature_report.h"

namespace motcua::sign {

app::CertificateFacts FactsOf(const X509& certificate);

// Whether the certificate's key usage allows signatures (digitalSignature or nonRepudiation); a certificate
// without the extension allows everything (RFC 5280 §4.2.1.3).
bool MeantForSigning(const X509& certificate);

// "dd/mm/yyyy" of a moment, in Vietnam's time (UTC+7).
std::string DisplayDate(long long unix_seconds);

}  // namespace motcua::sign
