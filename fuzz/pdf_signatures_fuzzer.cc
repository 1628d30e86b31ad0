// The signatures of any uploaded file are read on request (GET /api/v1/files/{id}/signatures, the tracking page):
// bytes from anyone go through qpdf and sign/pdf_signature_verifier.h. The promises: no crash, no sanitizer report;
// a refusal is an InvalidArgument naming "file"; a signature called intact is one that could be read, over a byte
// range inside the file.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "sign/pdf_signature_verifier.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using motcua::fuzz::Check;
  const std::string_view pdf(reinterpret_cast<const char*>(data), size);
  static const std::vector<std::string> no_roots;
  auto reports = motcua::sign::VerifyPdfSignatures(pdf, no_roots);
  if (!reports) {
    motcua::fuzz::CheckRefusal(reports.error());
    Check(reports.error().field == "file", "a refusal names the file");
    return 0;
  }
  for (const motcua::app::SignatureReport& report : *reports) {
    Check(!report.intact || report.problem.empty(), "an intact signature was read");
    Check(!report.intact || !report.chain.empty(), "an intact signature names its signer");
    Check(report.trust != motcua::app::ChainTrust::kTrusted, "nothing chains to no root at all");
  }
  return 0;
}
