#include "sign/certificate_reader.h"

#include <openssl/asn1.h>
#include <openssl/bn.h>
#include <openssl/x509v3.h>

#include <chrono>
#include <ctime>

#include <fmt/format.h>

#include "sign/openssl_handles.h"

namespace motcua::sign {
namespace {

std::string NameText(const X509_NAME* name) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
  char* data = nullptr;
  const long length = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(length));
}

std::string CommonName(const X509_NAME* name) {
  const int index = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
  if (index < 0) return NameText(name);
  const ASN1_STRING* value = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
  unsigned char* utf8 = nullptr;
  const int length = ASN1_STRING_to_UTF8(&utf8, value);
  if (length < 0) return NameText(name);
  std::string text(reinterpret_cast<const char*>(utf8), static_cast<std::size_t>(length));
  OPENSSL_free(utf8);
  return text;
}

long long UnixTime(const ASN1_TIME* time) {
  std::tm parts{};
  if (ASN1_TIME_to_tm(time, &parts) != 1) return 0;
  return static_cast<long long>(timegm(&parts));
}

std::string SerialHex(const X509& certificate) {
  BIGNUM* number = ASN1_INTEGER_to_BN(X509_get0_serialNumber(&certificate), nullptr);
  char* hex = number ? BN_bn2hex(number) : nullptr;
  std::string serial = hex ? hex : "";
  OPENSSL_free(hex);
  BN_free(number);
  return serial;
}

std::string Hex(std::string_view bytes) {
  std::string hex;
  for (const char byte : bytes) hex += fmt::format("{:02x}", static_cast<unsigned char>(byte));
  return hex;
}

}  // namespace

app::CertificateFacts FactsOf(const X509& certificate) {
  return {
      .common_name = CommonName(X509_get_subject_name(&certificate)),
      .subject = NameText(X509_get_subject_name(&certificate)),
      .issuer = NameText(X509_get_issuer_name(&certificate)),
      .issuer_common_name = CommonName(X509_get_issuer_name(&certificate)),
      .serial = SerialHex(certificate),
      .not_before = UnixTime(X509_get0_notBefore(&certificate)),
      .not_after = UnixTime(X509_get0_notAfter(&certificate)),
      .sha256 = Hex(Sha256(CertificateDer(certificate))),
  };
}

bool MeantForSigning(const X509& certificate) {
  const uint32_t usage = X509_get_key_usage(const_cast<X509*>(&certificate));
  return usage == UINT32_MAX || (usage & (KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION)) != 0;
}

std::string DisplayDate(long long unix_seconds) {
  using namespace std::chrono;
  const year_month_day date{floor<days>(sys_seconds{seconds{unix_seconds + 7 * 3600}})};
  return fmt::format("{:02}/{:02}/{:04}", static_cast<unsigned>(date.day()), static_cast<unsigned>(date.month()),
                     static_cast<int>(date.year()));
}

}  // namespace motcua::sign
