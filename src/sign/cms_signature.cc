#include "sign/cms_signature.h"

#include <openssl/x509.h>

#include "sign/der_writer.h"
#include "sign/openssl_handles.h"

namespace motcua::sign {
namespace {

constexpr const char* kOidContentType = "1.2.840.113549.1.9.3";
constexpr const char* kOidMessageDigest = "1.2.840.113549.1.9.4";
constexpr const char* kOidSigningCertificateV2 = "1.2.840.113549.1.9.16.2.47";
constexpr const char* kOidSha256WithRsa = "1.2.840.113549.1.1.11";
constexpr const char* kOidEcdsaWithSha256 = "1.2.840.10045.4.3.2";

Error UnreadableCertificate() {
  return Error::InvalidArgument("certificate", "Không đọc được chứng thư số của người ký.",
                                "The signer's certificate cannot be read.");
}

template <typename T, int (*Encode)(const T*, unsigned char**)>
std::string Encoded(const T* value) {
  unsigned char* buffer = nullptr;
  const int length = Encode(value, &buffer);
  if (length <= 0) return {};
  std::string der(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
  OPENSSL_free(buffer);
  return der;
}

std::string IssuerName(const X509& certificate) {
  return Encoded<X509_NAME, i2d_X509_NAME>(X509_get_issuer_name(&certificate));
}

std::string SerialNumber(const X509& certificate) {
  return Encoded<ASN1_INTEGER, i2d_ASN1_INTEGER>(X509_get0_serialNumber(&certificate));
}

std::string Attribute(const char* type, std::string value) {
  return der::Sequence({der::ObjectIdentifier(type), der::SetOf({std::move(value)})});
}

// SigningCertificateV2 { certs SEQUENCE OF ESSCertIDv2 } with one ESSCertIDv2 { certHash, issuerSerial }; the
// hash algorithm is left out because SHA-256 is its DEFAULT, which DER omits (RFC 5035 §3).
std::string SigningCertificateV2(std::string_view certificate_der, const X509& certificate) {
  const std::string general_names = der::Sequence({der::Explicit(4, IssuerName(certificate))});
  const std::string issuer_serial = der::Sequence({general_names, SerialNumber(certificate)});
  const std::string cert_id = der::Sequence({der::OctetString(Sha256(certificate_der)), issuer_serial});
  return der::Sequence({der::Sequence({cert_id})});
}

// The signature algorithm the key's type implies; "" for a key that is neither RSA nor EC.
std::string SignatureAlgorithm(const X509& certificate) {
  switch (EVP_PKEY_get_base_id(X509_get0_pubkey(&certificate))) {
    case EVP_PKEY_RSA:
      return der::Algorithm(kOidSha256WithRsa, true);
    case EVP_PKEY_EC:
      return der::Algorithm(kOidEcdsaWithSha256, false);
    default:
      return {};
  }
}

}  // namespace

Result<std::string> SignedAttributes(std::string_view content_sha256, std::string_view signer_certificate) {
  const X509Ptr certificate = ParseCertificate(signer_certificate);
  if (!certificate) return Fail(UnreadableCertificate());
  return der::SetOf({
      Attribute(kOidContentType, der::ObjectIdentifier(kOidData)),
      Attribute(kOidMessageDigest, der::OctetString(content_sha256)),
      Attribute(kOidSigningCertificateV2, SigningCertificateV2(signer_certificate, *certificate)),
  });
}

Result<std::string> SignedData(std::string_view signed_attributes, std::string_view signature,
                               const std::vector<std::string>& certificates) {
  const X509Ptr signer = certificates.empty() ? nullptr : ParseCertificate(certificates.front());
  if (!signer) return Fail(UnreadableCertificate());
  const std::string signature_algorithm = SignatureAlgorithm(*signer);
  if (signature_algorithm.empty()) {
    return Fail(Error::InvalidArgument("certificate", "Khóa của chứng thư số không phải RSA hay EC.",
                                       "The certificate's key is neither RSA nor EC."));
  }
  const std::string sha256 = der::Algorithm(kOidSha256, false);
  const std::string signer_info = der::Sequence({
      der::SmallInteger(1),
      der::Sequence({IssuerName(*signer), SerialNumber(*signer)}),  // issuerAndSerialNumber
      sha256,
      der::ImplicitConstructed(0, signed_attributes),
      signature_algorithm,
      der::OctetString(signature),
  });
  const std::string signed_data = der::Sequence({
      der::SmallInteger(1),
      der::SetOf({sha256}),
      der::Sequence({der::ObjectIdentifier(kOidData)}),  // detached: no eContent
      der::ImplicitConstructed(0, der::SetOf(certificates)),
      der::SetOf({signer_info}),
  });
  return der::Sequence({der::ObjectIdentifier(kOidSignedData), der::Explicit(0, signed_data)});
}

}  // namespace motcua::sign
