#include "sign/x509_certificate_reader.h"

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "sign/certificate_reader.h"
#include "sign/openssl_handles.h"

namespace motcua::sign {
namespace {

// The largest text taken as a certificate: real ones are 1–3 KB; a chain or a key pasted by mistake is refused
// below anyway.
constexpr std::size_t kMaxCertificateBytes = 64 * 1024;

X509Ptr FromPem(std::string_view text) {
  BioPtr bio(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())));
  return X509Ptr(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

// The bytes of bare base64, or "" when `text` is not base64.
std::string FromBase64(std::string_view text) {
  std::string compact;
  for (const char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c))) compact += c;
  }
  if (compact.empty() || compact.size() % 4 != 0) return {};
  std::string bytes(compact.size() / 4 * 3, '\0');
  const int length =
      EVP_DecodeBlock(reinterpret_cast<unsigned char*>(bytes.data()),
                      reinterpret_cast<const unsigned char*>(compact.data()), static_cast<int>(compact.size()));
  if (length < 0) return {};
  const auto padding = static_cast<std::size_t>(std::count(compact.end() - 2, compact.end(), '='));
  bytes.resize(static_cast<std::size_t>(length) - padding);
  return bytes;
}

// A pasted PEM without the blanks around it: it often starts with spaces, which OpenSSL's reader takes for a line
// that is not "-----BEGIN". (Never DER: its last byte may be a blank.)
std::string_view Trimmed(std::string_view text) {
  const auto blank = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

X509Ptr Parse(std::string_view text) {
  if (text.find("-----BEGIN CERTIFICATE-----") != std::string_view::npos) return FromPem(Trimmed(text));
  if (X509Ptr der = ParseCertificate(text)) return der;
  const std::string decoded = FromBase64(text);
  return decoded.empty() ? nullptr : ParseCertificate(decoded);
}

std::string PemOf(const X509& certificate) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_X509(bio.get(), &certificate);
  char* data = nullptr;
  const long length = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(length));
}

}  // namespace

Result<app::ReadCertificate> X509CertificateReader::Read(std::string_view text) const {
  X509Ptr certificate = text.size() <= kMaxCertificateBytes ? Parse(text) : nullptr;
  TakeOpenSslError();
  if (!certificate) {
    return Fail(Error::InvalidArgument(
        "certificate", "Không đọc được chứng thư số: cần tệp .cer/.crt (PEM hoặc DER) của đúng một chứng thư.",
        "Not a certificate: a .cer/.crt file (PEM or DER) holding one certificate is expected."));
  }
  return app::ReadCertificate{FactsOf(*certificate), PemOf(*certificate), MeantForSigning(*certificate)};
}

}  // namespace motcua::sign
