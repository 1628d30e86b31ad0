#pragma once
// Owning handles for the OpenSSL objects the signing code holds, and the readers that turn DER and PEM bytes into
// them. OpenSSL's own error queue is drained into a sentence where a failure is reported to a person.
#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>
#include <string>
#include <string_view>

namespace motcua::sign {

template <typename T, void (*Free)(T*)>
struct OpenSslDeleter {
  void operator()(T* object) const { Free(object); }
};

using X509Ptr = std::unique_ptr<X509, OpenSslDeleter<X509, X509_free>>;
using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY, EVP_PKEY_free>>;
using EvpPkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, OpenSslDeleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<BIO, BIO_free_all>>;
using CmsPtr = std::unique_ptr<CMS_ContentInfo, OpenSslDeleter<CMS_ContentInfo, CMS_ContentInfo_free>>;
using X509StorePtr = std::unique_ptr<X509_STORE, OpenSslDeleter<X509_STORE, X509_STORE_free>>;
using X509StoreCtxPtr = std::unique_ptr<X509_STORE_CTX, OpenSslDeleter<X509_STORE_CTX, X509_STORE_CTX_free>>;

// The certificate in `der`; null when the bytes are not one.
X509Ptr ParseCertificate(std::string_view der);
// The DER encoding of `certificate`.
std::string CertificateDer(const X509& certificate);
// The SHA-256 of `bytes`.
std::string Sha256(std::string_view bytes);
// OpenSSL's last error, for a log or a message ("" when its queue is empty); empties the queue.
std::string TakeOpenSslError();

}  // namespace motcua::sign
