#include "sign/configured_result_signer.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "sign/certificate_reader.h"
#include "sign/pdf_signing.h"

namespace motcua::sign {
namespace {

Error NotConfigured(app::SigningMethod method) {
  const bool seal = method == app::SigningMethod::kSeal;
  return Error::FailedPrecondition(
      "method", seal ? "Máy chủ chưa được cấu hình con dấu điện tử." : "Máy chủ chưa được cấu hình token ký số.",
      seal ? "No electronic seal is configured on this server." : "No signing token is configured on this server.");
}

}  // namespace

Result<std::unique_ptr<ConfiguredResultSigner>> ConfiguredResultSigner::Create(const ResultSignerOptions& options) {
  std::unique_ptr<Pkcs12SigningKey> seal;
  if (!options.seal_file.empty()) {
    std::ifstream in(options.seal_file, std::ios::binary);
    if (!in) {
      return Fail(Error::InvalidArgument("seal_file", "Không đọc được tệp con dấu " + options.seal_file,
                                         "The seal file " + options.seal_file + " cannot be read"));
    }
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    auto key = Pkcs12SigningKey::FromBytes(bytes, options.seal_password);
    if (!key) return Fail(std::move(key.error()));
    seal = std::move(*key);
  }
  if (!options.token.module.empty() && !std::filesystem::exists(options.token.module)) {
    return Fail(Error::InvalidArgument("token_module", "Không có tệp mô-đun PKCS#11 " + options.token.module,
                                       "The PKCS#11 module " + options.token.module + " does not exist"));
  }
  return FromKeys(std::move(seal), options.token);
}

std::unique_ptr<ConfiguredResultSigner> ConfiguredResultSigner::FromKeys(std::unique_ptr<Pkcs12SigningKey> seal,
                                                                         Pkcs11KeyOptions token) {
  token.pin.clear();
  return std::unique_ptr<ConfiguredResultSigner>(new ConfiguredResultSigner(std::move(seal), std::move(token)));
}

std::vector<app::SigningMethodInfo> ConfiguredResultSigner::Methods() const {
  std::vector<app::SigningMethodInfo> methods;
  if (seal_) {
    const X509Ptr certificate = ParseCertificate(seal_->CertificateChain().front());
    methods.push_back(
        {app::SigningMethod::kSeal, false, certificate ? std::optional(FactsOf(*certificate)) : std::nullopt});
  }
  if (!token_.module.empty()) methods.push_back({app::SigningMethod::kToken, true, std::nullopt});
  return methods;
}

Result<std::string> ConfiguredResultSigner::Sign(app::SigningMethod method, std::string_view pin, std::string_view pdf,
                                                 const app::ResultSignatureText& text) const {
  if (method == app::SigningMethod::kSeal) {
    if (!seal_) return Fail(NotConfigured(method));
    return SignPdf(pdf, DetailsOf(text), *seal_);
  }
  if (token_.module.empty()) return Fail(NotConfigured(method));
  return SignOnToken(pin, pdf, DetailsOf(text));
}

Result<std::string> ConfiguredResultSigner::SignOnToken(std::string_view pin, std::string_view pdf,
                                                        const SignatureDetails& details) const {
  if (pin.empty()) {
    return Fail(Error::InvalidArgument("pin", "Cần nhập mã PIN của token ký số.", "The token's PIN is required."));
  }
  Pkcs11KeyOptions options = token_;
  options.pin = std::string(pin);
  const std::lock_guard lock(token_mutex_);
  auto key = Pkcs11SigningKey::Open(options);
  if (!key) return Fail(std::move(key.error()));
  return SignPdf(pdf, details, **key);
}

}  // namespace motcua::sign
