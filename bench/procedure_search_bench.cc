// Search over the real catalogue (2,642 procedures): the queries of the counter, from exact words to typos,
// and the one-off cost of building the index at start-up.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <string>
#include <vector>

#include "domain/procedure_search.h"
#include "support/procedure_catalogue.h"

namespace motcua {
namespace {

const std::vector<Procedure>& Catalogue() {
  static const std::vector<Procedure> catalogue = test_support::LoadProcedureCatalogue();
  return catalogue;
}

const ProcedureSearch& Index() {
  static const ProcedureSearch search(Catalogue());
  return search;
}

void BM_Search(benchmark::State& state, const std::string& query, SearchOptions options) {
  const ProcedureSearch& search = Index();
  for (auto _ : state) benchmark::DoNotOptimize(search.Search(query, options));
}

BENCHMARK_CAPTURE(BM_Search, exact_words, std::string("Đăng ký khai sinh"), SearchOptions{});
BENCHMARK_CAPTURE(BM_Search, no_tone_marks, std::string("dang ky khai sinh"), SearchOptions{});
BENCHMARK_CAPTURE(BM_Search, spelling_variant, std::string("dang ki khai sinh"), SearchOptions{});
BENCHMARK_CAPTURE(BM_Search, transposition, std::string("dnag ky khai sinh"), SearchOptions{});
BENCHMARK_CAPTURE(BM_Search, two_words, std::string("khai sinh"), SearchOptions{});
BENCHMARK_CAPTURE(BM_Search, common_words, std::string("thu tuc cap giay chung nhan"), SearchOptions{});
BENCHMARK_CAPTURE(BM_Search, long_query, std::string("thủ tục đăng ký khai sinh có yếu tố nước ngoài lưu động"),
                  SearchOptions{});
BENCHMARK_CAPTURE(BM_Search, commune_level, std::string("dang ky"), SearchOptions{.level = "commune", .limit = 10});
BENCHMARK_CAPTURE(BM_Search, code, std::string("1.001193"), SearchOptions{});
BENCHMARK_CAPTURE(BM_Search, garbage, std::string("zzzz qqqq"), SearchOptions{});

// The worst case: an officer pastes the longest name of the catalogue (241 words).
void BM_SearchLongestName(benchmark::State& state) {
  const auto longest =
      std::ranges::max_element(Catalogue(), {}, [](const Procedure& procedure) { return procedure.name.size(); });
  const ProcedureSearch& search = Index();
  for (auto _ : state) benchmark::DoNotOptimize(search.Search(longest->name, SearchOptions{}));
}
BENCHMARK(BM_SearchLongestName);

void BM_BuildIndex(benchmark::State& state) {
  const std::vector<Procedure>& catalogue = Catalogue();
  for (auto _ : state) {
    ProcedureSearch search(catalogue);
    benchmark::DoNotOptimize(search.size());
  }
}
BENCHMARK(BM_BuildIndex)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace motcua
