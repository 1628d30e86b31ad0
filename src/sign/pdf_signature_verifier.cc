#include "sign/pdf_signature_verifier.h"

#include <openssl/cms.h>
#include <openssl/objects.h>
#include <openssl/x509_vfy.h>

#include <array>
#include <chrono>
#include <optional>

#include "sign/certificate_reader.h"
#include "sign/der_writer.h"
#include "sign/openssl_handles.h"
#include "sign/qpdf_document.h"

namespace motcua::sign {
namespace {

using CertificateStack =
    std::unique_ptr<STACK_OF(X509), decltype([](STACK_OF(X509) * stack) { sk_X509_pop_free(stack, X509_free); })>;

// The number written by the `count` digits at `at`; nothing when they are not all digits or run past the end.
std::optional<int> DigitsAt(std::string_view text, std::size_t at, std::size_t count) {
  if (text.size() < at + count) return std::nullopt;
  int value = 0;
  for (std::size_t k = at; k < at + count; ++k) {
    if (!std::isdigit(static_cast<unsigned char>(text[k]))) return std::nullopt;
    value = value * 10 + (text[k] - '0');
  }
  return value;
}

// The offset from UTC of "+HH'mm'", "-HH'mm'", "+HH", "Z" or nothing, in seconds to subtract; nothing when
// malformed (a PDF date's time zone, ISO 32000-1 §7.9.4).
std::optional<long long> ZoneOffset(std::string_view zone) {
  if (zone.empty() || zone[0] == 'Z') return 0;
  if (zone[0] != '+' && zone[0] != '-') return std::nullopt;
  const std::optional<int> hours = DigitsAt(zone, 1, 2);
  if (!hours || *hours > 23) return std::nullopt;
  int minutes = 0;
  if (zone.size() > 3) {
    const std::optional<int> written = zone[3] == '\'' ? DigitsAt(zone, 4, 2) : std::nullopt;
    if (!written || *written > 59) return std::nullopt;
    minutes = *written;
  }
  const long long offset = *hours * 3600LL + minutes * 60LL;
  return zone[0] == '+' ? offset : -offset;
}

// Reads "D:YYYYMMDDHHmmSS" and its time zone as ZoneOffset reads it; nothing for anything else. Found by the
// pdf_signatures fuzzer: a time zone that was not digits threw from std::stoi.
std::optional<long long> ParsePdfDate(std::string_view text) {
  if (text.rfind("D:", 0) == 0) text.remove_prefix(2);
  std::array<int, 6> parts{};
  const std::array<std::size_t, 6> widths{4, 2, 2, 2, 2, 2};
  std::size_t at = 0;
  for (std::size_t i = 0; i < parts.size(); at += widths[i], ++i) {
    const std::optional<int> part = DigitsAt(text, at, widths[i]);
    if (!part) return std::nullopt;
    parts[i] = *part;
  }
  const std::optional<long long> offset = ZoneOffset(text.substr(at));
  using namespace std::chrono;
  const year_month_day date{year{parts[0]}, month{static_cast<unsigned>(parts[1])},
                            day{static_cast<unsigned>(parts[2])}};
  if (!offset || !date.ok() || parts[3] > 23 || parts[4] > 59 || parts[5] > 59) return std::nullopt;
  return sys_days{date}.time_since_epoch().count() * 86400LL + parts[3] * 3600 + parts[4] * 60 + parts[5] - *offset;
}

struct ByteRange {
  std::size_t first_end = 0, second_start = 0, second_end = 0;
};

// The /ByteRange when it is [0 a b c] with its gap exactly the hex /Contents string, inside the file.
std::optional<ByteRange> ReadByteRange(const std::optional<std::vector<long long>>& range, std::string_view pdf) {
  if (!range || range->size() != 4) return std::nullopt;
  const std::vector<long long>& numbers = *range;
  if (numbers[0] != 0 || numbers[1] <= 0 || numbers[2] <= numbers[1] || numbers[3] < 0 ||
      static_cast<unsigned long long>(numbers[2]) + static_cast<unsigned long long>(numbers[3]) > pdf.size()) {
    return std::nullopt;
  }
  ByteRange bytes{static_cast<std::size_t>(numbers[1]), static_cast<std::size_t>(numbers[2]),
                  static_cast<std::size_t>(numbers[2] + numbers[3])};
  if (pdf[bytes.first_end] != '<' || pdf[bytes.second_start - 1] != '>') return std::nullopt;
  return bytes;
}

CmsPtr ReadCms(const std::string& contents) {
  der::Element element;
  if (!der::ReadElement(contents, element)) return nullptr;
  auto cursor = reinterpret_cast<const unsigned char*>(contents.data());
  CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &cursor, static_cast<long>(element.size())));
  TakeOpenSslError();
  return cms;
}

bool HasAttribute(CMS_SignerInfo* signer, const char* oid, bool signed_attribute) {
  std::unique_ptr<ASN1_OBJECT, decltype(&ASN1_OBJECT_free)> object(OBJ_txt2obj(oid, 1), ASN1_OBJECT_free);
  return signed_attribute ? CMS_signed_get_attr_by_OBJ(signer, object.get(), -1) >= 0
                          : CMS_unsigned_get_attr_by_OBJ(signer, object.get(), -1) >= 0;
}

// Whether signingCertificateV2 carries the SHA-256 of `signer` (its first ESSCertIDv2, hash algorithm left at the
// default SHA-256 as PAdES signers write it).
bool CertificateBound(CMS_SignerInfo* info, const X509& signer) {
  std::unique_ptr<ASN1_OBJECT, decltype(&ASN1_OBJECT_free)> object(OBJ_txt2obj("1.2.840.113549.1.9.16.2.47", 1),
                                                                   ASN1_OBJECT_free);
  auto* value = static_cast<ASN1_STRING*>(CMS_signed_get0_data_by_OBJ(info, object.get(), -3, V_ASN1_SEQUENCE));
  if (!value) return false;
  std::string_view rest(reinterpret_cast<const char*>(ASN1_STRING_get0_data(value)),
                        static_cast<std::size_t>(ASN1_STRING_length(value)));
  der::Element element;
  // SigningCertificateV2 SEQUENCE → certs SEQUENCE → ESSCertIDv2 SEQUENCE → certHash OCTET STRING.
  for (int level = 0; level < 3; ++level) {
    if (!der::ReadElement(rest, element) || element.tag != der::kSequence) return false;
    rest = rest.substr(element.header_length, element.content_length);
  }
  if (!der::ReadElement(rest, element) || element.tag != der::kOctetString) return false;
  return rest.substr(element.header_length, element.content_length) == Sha256(CertificateDer(signer));
}

void JudgeChain(X509* signer, STACK_OF(X509) * carried, const std::vector<std::string>& roots,
                std::optional<long long> moment, app::SignatureReport& report) {
  X509StorePtr store(X509_STORE_new());
  for (const std::string& root : roots) {
    if (X509Ptr certificate = ParseCertificate(root)) X509_STORE_add_cert(store.get(), certificate.get());
  }
  X509StoreCtxPtr context(X509_STORE_CTX_new());
  X509_STORE_CTX_init(context.get(), store.get(), signer, carried);
  X509_VERIFY_PARAM* parameters = X509_STORE_CTX_get0_param(context.get());
  if (moment) X509_VERIFY_PARAM_set_time(parameters, static_cast<time_t>(*moment));
  X509_VERIFY_PARAM_set_purpose(parameters, X509_PURPOSE_ANY);
  const bool trusted = X509_verify_cert(context.get()) == 1;
  const int error = X509_STORE_CTX_get_error(context.get());
  if (trusted) {
    report.trust = app::ChainTrust::kTrusted;
  } else {
    const bool unknown_root =
        error == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY || error == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT ||
        error == X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN || error == X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT;
    report.trust = unknown_root ? app::ChainTrust::kUnknownRoot : app::ChainTrust::kInvalid;
    report.trust_problem = X509_verify_cert_error_string(error);
  }
  STACK_OF(X509)* chain = X509_STORE_CTX_get0_chain(context.get());
  for (int i = 0; i < sk_X509_num(chain); ++i) report.chain.push_back(FactsOf(*sk_X509_value(chain, i)));
  if (report.chain.empty()) report.chain.push_back(FactsOf(*signer));
  TakeOpenSslError();
}

void JudgeCms(CMS_ContentInfo& cms, const std::string& signed_bytes, const std::vector<std::string>& roots,
              app::SignatureReport& report) {
  BioPtr content(BIO_new_mem_buf(signed_bytes.data(), static_cast<int>(signed_bytes.size())));
  report.intact = CMS_verify(&cms, nullptr, nullptr, content.get(), nullptr,
                             CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY | CMS_NOCRL) == 1;
  TakeOpenSslError();
  STACK_OF(CMS_SignerInfo)* signers = CMS_get0_SignerInfos(&cms);
  CertificateStack carried(CMS_get1_certs(&cms));
  CMS_set1_signers_certs(&cms, carried.get(), 0);
  if (sk_CMS_SignerInfo_num(signers) != 1) {
    report.problem = "the signature must have exactly one signer";
    return;
  }
  CMS_SignerInfo* info = sk_CMS_SignerInfo_value(signers, 0);
  X509* signer = nullptr;
  CMS_SignerInfo_get0_algs(info, nullptr, &signer, nullptr, nullptr);
  if (!signer) {
    report.problem = "the signer's certificate is not in the signature";
    return;
  }
  const app::CertificateFacts facts = FactsOf(*signer);
  if (report.signer_name.empty()) report.signer_name = facts.common_name;
  report.certificate_bound = CertificateBound(info, *signer);
  report.certificate_valid_at_signing =
      report.signing_time && *report.signing_time >= facts.not_before && *report.signing_time <= facts.not_after;
  report.has_timestamp = HasAttribute(info, "1.2.840.113549.1.9.16.2.14", false);
  std::unique_ptr<STACK_OF(X509_CRL), decltype([](STACK_OF(X509_CRL) * s) { sk_X509_CRL_pop_free(s, X509_CRL_free); })>
      crls(CMS_get1_crls(&cms));
  report.has_revocation_data = sk_X509_CRL_num(crls.get()) > 0 || HasAttribute(info, "1.2.840.113583.1.1.8", true);
  JudgeChain(signer, carried.get(), roots, report.signing_time, report);
}

app::SignatureReport Judge(const qpdf_document::SignatureField& field, std::string_view pdf,
                           const std::vector<std::string>& roots) {
  app::SignatureReport report;
  report.field_name = field.name;
  report.sub_filter = field.sub_filter;
  report.signer_name = field.signer_name;
  report.reason = field.reason;
  report.location = field.location;
  if (!field.signing_time.empty()) report.signing_time = ParsePdfDate(field.signing_time);
  const std::optional<ByteRange> range = ReadByteRange(field.byte_range, pdf);
  CmsPtr cms = field.contents ? ReadCms(*field.contents) : nullptr;
  if (!range || !cms) {
    report.problem = !range ? "the byte range is not the file around the signature" : "the signature is not CMS";
    return report;
  }
  report.covers_whole_file = range->second_end == pdf.size();
  const std::string signed_bytes =
      std::string(pdf.substr(0, range->first_end)) +
      std::string(pdf.substr(range->second_start, range->second_end - range->second_start));
  JudgeCms(*cms, signed_bytes, roots, report);
  return report;
}

}  // namespace

Result<std::vector<app::SignatureReport>> VerifyPdfSignatures(std::string_view pdf,
                                                              const std::vector<std::string>& trusted_roots) {
  const auto fields = qpdf_document::ReadSignatureFields(std::string(pdf));
  if (!fields) {
    return Fail(Error::InvalidArgument("file", "Tệp không phải PDF đọc được.", "The file is not a readable PDF."));
  }
  std::vector<app::SignatureReport> reports;
  for (const qpdf_document::SignatureField& field : *fields) reports.push_back(Judge(field, pdf, trusted_roots));
  return reports;
}

}  // namespace motcua::sign
