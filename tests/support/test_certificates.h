#pragma once
// Certificates made at test time with OpenSSL: a root CA, and signers it issues (RSA or EC P-256, any validity
// window, any key usage), with their keys as PKCS#12 bytes and PEM files for the command-line verifiers. Nothing
// here is a real identity; every key is new per process.
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <stdexcept>
#include <string>

#include "sign/openssl_handles.h"

namespace motcua::test_support {

enum class KeyKind { kRsa, kEc };

struct IssuedCertificate {
  sign::EvpPkeyPtr key;
  sign::X509Ptr certificate;
  std::string der() const { return sign::CertificateDer(*certificate); }
  std::string pem() const {
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(bio, certificate.get());
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    std::string text(data, static_cast<std::size_t>(length));
    BIO_free(bio);
    return text;
  }
};

inline sign::EvpPkeyPtr NewKey(KeyKind kind) {
  EVP_PKEY* key = kind == KeyKind::kRsa ? EVP_RSA_gen(2048) : EVP_EC_gen("P-256");
  if (!key) throw std::runtime_error("key generation failed");
  return sign::EvpPkeyPtr(key);
}

struct CertificateSpec {
  std::string common_name;
  long long not_before = 0;  // seconds since the epoch; 0 = 2020-01-01, before any test clock
  long long not_after = 0;   // 0 = in a year
  std::string key_usage = "critical,digitalSignature,nonRepudiation";
  KeyKind key_kind = KeyKind::kRsa;
  bool authority = false;
};

class TestAuthority {
 public:
  static constexpr std::time_t kLongAgo = 1577836800;  // 2020-01-01

  // An RSA root unless told otherwise; an EC one is made in a millisecond, for tests that make many.
  explicit TestAuthority(std::string name = "Motcua Test Root CA", KeyKind kind = KeyKind::kRsa)
      : root_(Issue({.common_name = std::move(name),
                     .key_usage = "critical,keyCertSign,cRLSign",
                     .key_kind = kind,
                     .authority = true},
                    nullptr)) {}

  const IssuedCertificate& root() const { return root_; }
  IssuedCertificate IssueSigner(const CertificateSpec& spec) const { return Issue(spec, &root_); }

  // The root's PEM written to `path` (for `openssl cms -verify -CAfile`).
  void WriteRootPem(const std::string& path) const {
    std::FILE* file = std::fopen(path.c_str(), "w");
    PEM_write_X509(file, root_.certificate.get());
    std::fclose(file);
  }

  // A PKCS#12 file holding the signer's key, its certificate and this CA's, under `password`.
  std::string Pkcs12(const IssuedCertificate& signer, const std::string& password) const {
    STACK_OF(X509)* chain = sk_X509_new_null();
    sk_X509_push(chain, root_.certificate.get());
    PKCS12* bundle =
        PKCS12_create(password.c_str(), "signer", signer.key.get(), signer.certificate.get(), chain, 0, 0, 0, 0, 0);
    sk_X509_free(chain);
    unsigned char* buffer = nullptr;
    const int length = i2d_PKCS12(bundle, &buffer);
    std::string bytes(reinterpret_cast<char*>(buffer), static_cast<std::size_t>(length));
    OPENSSL_free(buffer);
    PKCS12_free(bundle);
    return bytes;
  }

 private:
  static void AddExtension(X509* certificate, X509* issuer, int nid, const std::string& value) {
    X509V3_CTX context;
    X509V3_set_ctx(&context, issuer ? issuer : certificate, certificate, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value.c_str());
    X509_add_ext(certificate, extension, -1);
    X509_EXTENSION_free(extension);
  }

  static IssuedCertificate Issue(const CertificateSpec& spec, const IssuedCertificate* issuer) {
    static long serial = 1000;
    IssuedCertificate issued{NewKey(spec.key_kind), sign::X509Ptr(X509_new())};
    X509* certificate = issued.certificate.get();
    X509_set_version(certificate, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(certificate), ++serial);
    const std::time_t now = std::time(nullptr);
    ASN1_TIME_set(X509_getm_notBefore(certificate), spec.not_before ? spec.not_before : kLongAgo);
    ASN1_TIME_set(X509_getm_notAfter(certificate), spec.not_after ? spec.not_after : now + 365 * 86400);
    X509_NAME* name = X509_get_subject_name(certificate);
    X509_NAME_add_entry_by_txt(name, "C", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("VN"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(spec.common_name.c_str()), -1, -1, 0);
    X509_set_issuer_name(certificate, issuer ? X509_get_subject_name(issuer->certificate.get()) : name);
    X509_set_pubkey(certificate, issued.key.get());
    X509* issuer_certificate = issuer ? issuer->certificate.get() : nullptr;
    AddExtension(certificate, issuer_certificate, NID_basic_constraints,
                 spec.authority ? "critical,CA:TRUE" : "critical,CA:FALSE");
    AddExtension(certificate, issuer_certificate, NID_key_usage, spec.key_usage);
    AddExtension(certificate, issuer_certificate, NID_subject_key_identifier, "hash");
    if (issuer) AddExtension(certificate, issuer_certificate, NID_authority_key_identifier, "keyid:always");
    X509_sign(certificate, issuer ? issuer->key.get() : issued.key.get(), EVP_sha256());
    return issued;
  }

  IssuedCertificate root_;
};

}  // namespace motcua::test_support
