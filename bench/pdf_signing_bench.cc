// What a signature costs on the server: signing a result PDF with the seal (RSA-2048 and EC P-256), and reading
// every signature of a file back, for a one-page result and a 40-page one. Keys and PDFs are made once, at start.
// Run: ./build/bench/pdf_signing_bench   (docs/performance.md reports the figures with the machine).
#include <benchmark/benchmark.h>

#include <ctime>
#include <memory>
#include <string>

#include "sign/pdf_signature_verifier.h"
#include "sign/pdf_signing.h"
#include "sign/pkcs12_signing_key.h"
#include "support/sample_pdf.h"
#include "support/test_certificates.h"

namespace {

using motcua::test_support::KeyKind;

struct World {
  motcua::test_support::TestAuthority authority{"Bench Root", KeyKind::kRsa};
  std::unique_ptr<motcua::sign::Pkcs12SigningKey> rsa = Seal(KeyKind::kRsa);
  std::unique_ptr<motcua::sign::Pkcs12SigningKey> ec = Seal(KeyKind::kEc);
  std::string one_page = motcua::test_support::CairoPdf("KET QUA GIAI QUYET HO SO", 1);
  std::string forty_pages = motcua::test_support::CairoPdf("KET QUA GIAI QUYET HO SO", 40);

  std::unique_ptr<motcua::sign::Pkcs12SigningKey> Seal(KeyKind kind) {
    const auto seal = authority.IssueSigner({.common_name = "Bench Seal", .key_kind = kind});
    return std::move(motcua::sign::Pkcs12SigningKey::FromBytes(authority.Pkcs12(seal, "x"), "x").value());
  }
};

World& TheWorld() {
  static World world;
  return world;
}

const motcua::sign::SignatureDetails kDetails{.signer_name = "Bench",
                                              .reason = "Phê duyệt",
                                              .location = "UBND xã",
                                              .signed_at = static_cast<long long>(std::time(nullptr))};

void Sign(benchmark::State& state, const std::string& pdf, const motcua::sign::SigningKey& key) {
  for (auto _ : state) {
    auto signed_pdf = motcua::sign::SignPdf(pdf, kDetails, key);
    if (!signed_pdf) state.SkipWithError(signed_pdf.error().message_en.c_str());
    benchmark::DoNotOptimize(signed_pdf);
  }
}

void BM_SignOnePageRsa(benchmark::State& state) { Sign(state, TheWorld().one_page, *TheWorld().rsa); }
void BM_SignOnePageEc(benchmark::State& state) { Sign(state, TheWorld().one_page, *TheWorld().ec); }
void BM_SignFortyPagesRsa(benchmark::State& state) { Sign(state, TheWorld().forty_pages, *TheWorld().rsa); }

void Verify(benchmark::State& state, const std::string& pdf) {
  const std::string signed_pdf = motcua::sign::SignPdf(pdf, kDetails, *TheWorld().rsa).value();
  const std::vector<std::string> roots{TheWorld().authority.root().der()};
  for (auto _ : state) {
    auto reports = motcua::sign::VerifyPdfSignatures(signed_pdf, roots);
    if (!reports || reports->size() != 1 || !(*reports)[0].intact) state.SkipWithError("the signature did not verify");
    benchmark::DoNotOptimize(reports);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * signed_pdf.size()));
}

void BM_VerifyOnePage(benchmark::State& state) { Verify(state, TheWorld().one_page); }
void BM_VerifyFortyPages(benchmark::State& state) { Verify(state, TheWorld().forty_pages); }

BENCHMARK(BM_SignOnePageRsa)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SignOnePageEc)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SignFortyPagesRsa)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_VerifyOnePage)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_VerifyFortyPages)->Unit(benchmark::kMillisecond);

}  // namespace
