#include "sign/pkcs11_signing_key.h"

#include <libp11.h>
#include <openssl/err.h>
#include <openssl/rsa.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <cstdio>
#include <utility>

#include "sign/evp_digest_signature.h"
#include "sign/openssl_handles.h"

namespace motcua::sign {

// The loaded module and what libp11 hands out from it. The key belongs to the slots and the slots to the context,
// so they are given back in the reverse order of their making.
struct Pkcs11SigningKey::Token {
  PKCS11_CTX* context = PKCS11_CTX_new();
  bool loaded = false;
  PKCS11_SLOT* slots = nullptr;
  unsigned int slot_count = 0;
  EvpPkeyPtr private_key;  // a reference to the key object libp11 keeps in the slots

  Token() = default;
  Token(const Token&) = delete;
  Token& operator=(const Token&) = delete;
  ~Token() {
    private_key.reset();
    if (slots != nullptr) PKCS11_release_all_slots(context, slots, slot_count);
    if (loaded) PKCS11_CTX_unload(context);
    if (context != nullptr) PKCS11_CTX_free(context);
  }
};

namespace {

constexpr std::size_t kSha256Size = 32;

// PKCS#11 return values (CK_RV, PKCS#11 v2.40 base §5.1) that libp11 leaves as the reason of its OpenSSL errors;
// libp11.h does not bring pkcs11.h along.
constexpr int kCkrPinIncorrect = 0xA0;
constexpr int kCkrPinLenRange = 0xA2;
constexpr int kCkrPinLocked = 0xA4;

Error KeyUnavailable(std::string vi, std::string en) {
  return Error::Unavailable("signing_key", std::move(vi), std::move(en));
}

// The CK_RV libp11 reported last (0 when none); empties OpenSSL's error queue.
int TakePkcs11Reason() {
  const int library = ERR_get_CKR_code();
  int reason = 0;
  while (const unsigned long code = ERR_get_error()) {
    if (ERR_GET_LIB(code) == library) reason = ERR_GET_REASON(code);
  }
  return reason;
}

// " (CKR 0x…)", so that the token maker's support can tell what the token answered.
std::string ReasonSuffix(int reason) {
  if (reason == 0) return "";
  char text[32];
  std::snprintf(text, sizeof text, " (CKR 0x%X)", static_cast<unsigned>(reason));
  return text;
}

Result<void> LoadModule(PKCS11_CTX& context, const std::string& path) {
  if (PKCS11_CTX_load(&context, path.c_str()) == 0) return {};
  const std::string suffix = ReasonSuffix(TakePkcs11Reason());
  return Fail(KeyUnavailable("Không nạp được thư viện PKCS#11 của token: " + path + suffix,
                             "cannot load the token's PKCS#11 module " + path + suffix));
}

// The first slot holding an initialized token with `label` ("" = any).
Result<PKCS11_SLOT*> FindSlot(std::span<PKCS11_SLOT> slots, const std::string& label) {
  for (PKCS11_SLOT& slot : slots) {
    const PKCS11_TOKEN* token = slot.token;
    if (token != nullptr && token->initialized && (label.empty() || label == token->label)) return &slot;
  }
  if (label.empty()) {
    return Fail(KeyUnavailable("Không thấy token ký số nào: hãy cắm token vào máy",
                               "no signing token found: plug the token in"));
  }
  return Fail(KeyUnavailable("Không thấy token ký số có nhãn \"" + label + "\"",
                             "no signing token labelled \"" + label + "\""));
}

Error PinLocked() {
  return KeyUnavailable("Mã PIN của token đã bị khóa: hãy mở khóa bằng công cụ của nhà cung cấp token",
                        "the token's PIN is locked: unlock it with the token maker's tool");
}

// Logs in as the user. The PIN goes to the token only: a message never repeats it.
Result<void> LogIn(PKCS11_SLOT& slot, const std::string& pin) {
  if (!slot.token->loginRequired) return {};
  if (slot.token->userPinLocked) return Fail(PinLocked());
  if (PKCS11_login(&slot, 0, pin.c_str()) == 0) return {};
  const int reason = TakePkcs11Reason();
  if (reason == kCkrPinLocked) return Fail(PinLocked());
  if (reason == kCkrPinIncorrect || reason == kCkrPinLenRange) {
    return Fail(KeyUnavailable("Mã PIN của token không đúng", "wrong PIN for the token"));
  }
  return Fail(KeyUnavailable("Không đăng nhập được vào token", "cannot log in to the token" + ReasonSuffix(reason)));
}

// The DER SubjectPublicKeyInfo of `key` ("" when it cannot be encoded), to compare two keys whatever holds them.
std::string PublicKeyDer(const EVP_PKEY* key) {
  unsigned char* buffer = nullptr;
  const int length = key == nullptr ? 0 : i2d_PUBKEY(key, &buffer);
  if (length <= 0) return {};
  std::string der(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
  OPENSSL_free(buffer);
  return der;
}

// A reference of our own: libp11 frees the certificates it listed when a later listing fails.
X509Ptr Hold(X509* certificate) {
  X509_up_ref(certificate);
  return X509Ptr(certificate);
}

// The certificate of `key`: the one with the same PKCS#11 id, else the one with the same public key (tokens
// written by some vendors' tools give the certificate an id of its own); null when none.
X509Ptr CertificateOf(PKCS11_TOKEN& token, PKCS11_KEY& key, const EVP_PKEY& private_key) {
  if (key.id_len > 0) {
    if (const PKCS11_CERT* by_id = PKCS11_find_certificate(&key)) return Hold(by_id->x509);
  }
  PKCS11_CERT* certificates = nullptr;
  unsigned int count = 0;
  if (PKCS11_enumerate_certs(&token, &certificates, &count) != 0) return nullptr;
  const std::string public_key = PublicKeyDer(&private_key);
  for (const PKCS11_CERT& certificate : std::span(certificates, count)) {
    if (!public_key.empty() && PublicKeyDer(X509_get0_pubkey(certificate.x509)) == public_key) {
      return Hold(certificate.x509);
    }
  }
  return nullptr;
}

struct KeyAndCertificate {
  EvpPkeyPtr private_key;
  X509Ptr certificate;
};

Error NoKey(const std::string& label, bool seen_key) {
  if (!label.empty() && !seen_key) {
    return KeyUnavailable("Không thấy khóa bí mật có nhãn \"" + label + "\" trên token",
                          "no private key labelled \"" + label + "\" on the token");
  }
  if (!seen_key) return KeyUnavailable("Token không chứa khóa bí mật nào", "the token holds no private key");
  return KeyUnavailable("Không thấy chứng thư số của khóa bí mật trên token",
                        "no certificate on the token for the private key");
}

// The first private key labelled `label` ("" = any) that has a certificate on the token.
Result<KeyAndCertificate> FindKey(PKCS11_TOKEN& token, const std::string& label) {
  PKCS11_KEY* keys = nullptr;
  unsigned int count = 0;
  if (PKCS11_enumerate_keys(&token, &keys, &count) != 0) {
    const std::string suffix = ReasonSuffix(TakePkcs11Reason());
    return Fail(KeyUnavailable("Không đọc được các khóa trên token", "cannot list the keys on the token" + suffix));
  }
  bool seen_key = false;
  for (PKCS11_KEY& key : std::span(keys, count)) {
    if (!label.empty() && (key.label == nullptr || label != key.label)) continue;
    seen_key = true;
    EvpPkeyPtr private_key(PKCS11_get_private_key(&key));
    if (private_key == nullptr) continue;
    if (X509Ptr certificate = CertificateOf(token, key, *private_key)) {
      return KeyAndCertificate{std::move(private_key), std::move(certificate)};
    }
  }
  ERR_clear_error();
  return Fail(NoKey(label, seen_key));
}

// The certificate on the token that issued `subject`, other than those already in `chain`; null when none.
X509* IssuerOn(std::span<const PKCS11_CERT> certificates, X509* subject, const std::vector<std::string>& chain) {
  for (const PKCS11_CERT& candidate : certificates) {
    if (X509_check_issued(candidate.x509, subject) != X509_V_OK) continue;
    if (std::ranges::find(chain, CertificateDer(*candidate.x509)) == chain.end()) return candidate.x509;
  }
  return nullptr;
}

// The signer's certificate, then the CAs above it that the token holds, each found by its subject being the
// previous certificate's issuer. A token without CA certificates gives the signer's alone.
std::vector<std::string> ReadChain(PKCS11_TOKEN& token, X509& signer) {
  std::vector<std::string> chain{CertificateDer(signer)};
  PKCS11_CERT* certificates = nullptr;
  unsigned int count = 0;
  if (PKCS11_enumerate_certs(&token, &certificates, &count) != 0) count = 0;
  for (X509* issuer = IssuerOn(std::span(certificates, count), &signer, chain); issuer != nullptr;
       issuer = IssuerOn(std::span(certificates, count), issuer, chain)) {
    chain.push_back(CertificateDer(*issuer));
  }
  ERR_clear_error();
  return chain;
}

}  // namespace

Result<std::unique_ptr<Pkcs11SigningKey>> Pkcs11SigningKey::Open(const Pkcs11KeyOptions& options) {
  auto token = std::make_unique<Token>();
  if (token->context == nullptr) return Fail(Error::Internal("Hết bộ nhớ", "out of memory"));
  if (auto loaded = LoadModule(*token->context, options.module); !loaded) return Fail(loaded.error());
  token->loaded = true;
  if (PKCS11_enumerate_slots(token->context, &token->slots, &token->slot_count) != 0) {
    const std::string suffix = ReasonSuffix(TakePkcs11Reason());
    return Fail(KeyUnavailable("Không đọc được các khe cắm token", "cannot list the token slots" + suffix));
  }
  auto slot = FindSlot(std::span(token->slots, token->slot_count), options.token_label);
  if (!slot) return Fail(slot.error());
  if (auto logged_in = LogIn(**slot, options.pin); !logged_in) return Fail(logged_in.error());
  auto key = FindKey(*(*slot)->token, options.key_label);
  if (!key) return Fail(key.error());
  token->private_key = std::move(key->private_key);
  std::vector<std::string> chain = ReadChain(*(*slot)->token, *key->certificate);
  return std::unique_ptr<Pkcs11SigningKey>(new Pkcs11SigningKey(std::move(token), std::move(chain)));
}

Pkcs11SigningKey::Pkcs11SigningKey(std::unique_ptr<Token> token, std::vector<std::string> chain)
    : token_(std::move(token)), chain_(std::move(chain)) {}

Pkcs11SigningKey::~Pkcs11SigningKey() = default;

const std::vector<std::string>& Pkcs11SigningKey::CertificateChain() const { return chain_; }

Result<std::string> Pkcs11SigningKey::SignDigest(std::span<const unsigned char> sha256) const {
  if (sha256.size() != kSha256Size) {
    return Fail(
        Error::InvalidArgument("digest", "Mã băm SHA-256 phải dài 32 byte", "a SHA-256 digest is 32 bytes long"));
  }
  // libp11 0.4.12 hands each call a session from a locked pool, but older libp11 and some vendors' modules share
  // one session: one signature at a time, whatever the library underneath.
  const std::lock_guard lock(mutex_);
  if (std::optional<std::string> signature = EvpDigestSignature(*token_->private_key, sha256)) {
    return std::move(*signature);
  }
  const std::string suffix = ReasonSuffix(TakePkcs11Reason());
  return Fail(KeyUnavailable("Token không ký được: token đã bị rút ra hoặc từ chối ký",
                             "the token did not sign: it was pulled out or refused" + suffix));
}

}  // namespace motcua::sign
