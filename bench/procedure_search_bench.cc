// Search over the real catalogue (2,642 procedures): the queries of the counter, from exact words to typos,
// and the one-off cost of building the index at start-up.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "app/reference_files.h"
#include "app/search_lexicon_loader.h"
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

const SearchLexicon& Lexicon() {
  static const SearchLexicon lexicon = app::LoadSearchLexicon(app::BuiltInReferenceFiles()).value();
  return lexicon;
}

SearchOptions Options(std::optional<std::string> level = std::nullopt) {
  return SearchOptions{.level = std::move(level), .limit = 10, .preferred_level = std::nullopt, .lexicon = &Lexicon()};
}

void BM_Search(benchmark::State& state, const std::string& query, SearchOptions options) {
  const ProcedureSearch& search = Index();
  for (auto _ : state) benchmark::DoNotOptimize(search.Search(query, options));
}

BENCHMARK_CAPTURE(BM_Search, exact_words, std::string("Đăng ký khai sinh"), Options());
BENCHMARK_CAPTURE(BM_Search, no_tone_marks, std::string("dang ky khai sinh"), Options());
BENCHMARK_CAPTURE(BM_Search, spelling_variant, std::string("dang ki khai sinh"), Options());
BENCHMARK_CAPTURE(BM_Search, transposition, std::string("dnag ky khai sinh"), Options());
BENCHMARK_CAPTURE(BM_Search, two_words, std::string("khai sinh"), Options());
BENCHMARK_CAPTURE(BM_Search, common_words, std::string("thu tuc cap giay chung nhan"), Options());
BENCHMARK_CAPTURE(BM_Search, long_query, std::string("thủ tục đăng ký khai sinh có yếu tố nước ngoài lưu động"),
                  Options());
BENCHMARK_CAPTURE(BM_Search, commune_level, std::string("dang ky"), Options("commune"));
BENCHMARK_CAPTURE(BM_Search, code, std::string("1.001193"), Options());
BENCHMARK_CAPTURE(BM_Search, garbage, std::string("zzzz qqqq"), Options());
// Questions in people's own words, with the national lexicon (fillers, intent cues, synonyms).
BENCHMARK_CAPTURE(BM_Search, question,
                  std::string("Cháu ơi cho bác hỏi, làm sổ đỏ lần đầu thì cần mang những giấy tờ gì ạ?"), Options());
BENCHMARK_CAPTURE(BM_Search, question_no_tone_marks,
                  std::string("cho em hoi lam giay khai sanh cho con o dau, mat bao nhieu tien"), Options());
BENCHMARK_CAPTURE(BM_Search, off_topic, std::string("nấu canh chua thế nào cho ngon"), Options());

// The worst case: an officer pastes the longest name of the catalogue (241 words).
void BM_SearchLongestName(benchmark::State& state) {
  const auto longest =
      std::ranges::max_element(Catalogue(), {}, [](const Procedure& procedure) { return procedure.name.size(); });
  const ProcedureSearch& search = Index();
  for (auto _ : state) benchmark::DoNotOptimize(search.Search(longest->name, Options()));
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
