// Procedure search quality: the table of top-1, top-5, MRR@10, abstention and intent accuracy on the automatic
// queries, the team's questions and the off-topic ones (tests/support/search_evaluation.h says what each is),
// with the latency of every query on this machine.
//
//   search_eval [--reference DIR] [--questions CSV] [--dev CSV] [--holdout CSV] [--off-topic CSV] [--misses N]
//               [--holdout-misses N] [--calibrate] [--features CSV] [--query TEXT [--level LEVEL]]
//
// --reference reads the catalogue and the lexicon from a folder laid out like data/reference (default: the
// source tree's, so that an edit of the lexicon is measured without a rebuild). --dev names the development
// questions (tests/search/dev_questions.csv: written to check that a change generalizes, not to tune on); --holdout
// the held-out ones (tests/search/holdout_questions.csv: measured, never tuned on). --misses prints the first N wrong
// answers of each set except the held-out one, whose misses only --holdout-misses prints, so that the ordinary
// tuning loop never shows them; neither --features nor --calibrate reads the held-out set. --calibrate fits the
// confidence's logistic coefficients (coverage, lead → right first hit) on all sets and prints them with the abstention
// trade-off per threshold. --features writes each query's confidence figures (for studying the abstention); --query
// explains one query's ranking.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "app/reference_files.h"
#include "app/reference_loader.h"
#include "app/search_lexicon_loader.h"
#include "support/search_evaluation.h"

namespace motcua {
namespace {

using test_support::EvalOutcome;
using test_support::EvalQuery;

struct Arguments {
  std::string reference = MOTCUA_REFERENCE_DIR;
  std::string questions = MOTCUA_SOURCE_DIR "/tests/search/questions.csv";
  std::string dev = MOTCUA_SOURCE_DIR "/tests/search/dev_questions.csv";
  std::string holdout = MOTCUA_SOURCE_DIR "/tests/search/holdout_questions.csv";
  std::string off_topic = MOTCUA_SOURCE_DIR "/tests/search/off_topic.csv";
  std::size_t misses = 0;
  std::size_t holdout_misses = 0;  // the held-out set's misses are asked for on their own (see the header)
  std::string features;            // a CSV of each question's confidence features, for studying the abstention
  bool calibrate = false;
  std::string query;  // --query: explain one query instead of the table
  std::string level;  // --level: the asker's level for --query
};

Arguments Parse(int argc, char** argv) {
  Arguments arguments;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    const bool has_value = i + 1 < argc;
    if (flag == "--reference" && has_value)
      arguments.reference = argv[++i];
    else if (flag == "--questions" && has_value)
      arguments.questions = argv[++i];
    else if (flag == "--dev" && has_value)
      arguments.dev = argv[++i];
    else if (flag == "--holdout" && has_value)
      arguments.holdout = argv[++i];
    else if (flag == "--holdout-misses" && has_value)
      arguments.holdout_misses = std::stoul(argv[++i]);
    else if (flag == "--off-topic" && has_value)
      arguments.off_topic = argv[++i];
    else if (flag == "--features" && has_value)
      arguments.features = argv[++i];
    else if (flag == "--misses" && has_value)
      arguments.misses = std::stoul(argv[++i]);
    else if (flag == "--calibrate")
      arguments.calibrate = true;
    else if (flag == "--query" && has_value)
      arguments.query = argv[++i];
    else if (flag == "--level" && has_value)
      arguments.level = argv[++i];
    else
      throw std::runtime_error("unknown argument " + flag);
  }
  return arguments;
}

void PrintRow(const char* name, const std::vector<EvalOutcome>& outcomes) {
  const auto s = test_support::Summarize(outcomes);
  std::size_t ranked_first = 0;  // the right procedure first, whether or not the search abstained
  for (const EvalOutcome& o : outcomes) ranked_first += o.raw_rank == 1;
  std::printf("| %-22s | %6zu | %6.1f %% | %6.1f %% | %6.3f | %6.1f %% | %6.1f %% | %6.1f %% |\n", name, s.queries,
              100 * s.top1, 100 * s.top5, s.mrr, 100 * s.abstained, 100 * s.intent_accuracy,
              100.0 * static_cast<double>(ranked_first) / static_cast<double>(std::max<std::size_t>(1, s.queries)));
}

void Explain(const ProcedureSearch& search, const SearchLexicon& lexicon, const std::vector<Procedure>& catalogue,
             const Arguments& arguments) {
  SearchOptions options;
  options.lexicon = &lexicon;
  if (!arguments.level.empty()) options.preferred_level = arguments.level;
  const SearchResult result = search.Search(arguments.query, options);
  std::printf("intent %s%s; confidence %.3f (coverage %.3f, lead %.3f)%s\nignored:",
              std::string(QuestionIntentName(result.intent)).c_str(), result.intent_stated ? "" : " (default)",
              result.confidence, result.coverage, result.lead, result.abstained ? "; abstained" : "");
  for (const std::string& word : result.ignored_words) std::printf(" %s", word.c_str());
  std::printf("\nunderstood:");
  for (const auto& [phrase, expansion] : result.understood)
    std::printf(" [%s → %s]", phrase.c_str(), expansion.c_str());
  std::printf("\n");
  for (const SearchHit& hit : result.abstained ? result.suggestions : result.hits) {
    std::printf("  %.3f (name read %.2f) %s %s\n", hit.score, hit.name_read, hit.code.c_str(),
                catalogue[hit.index].name.c_str());
  }
}

std::vector<EvalOutcome> OfKind(const std::vector<EvalOutcome>& outcomes, const std::string& kind) {
  std::vector<EvalOutcome> chosen;
  for (const EvalOutcome& o : outcomes) {
    if (o.query->kind == kind) chosen.push_back(o);
  }
  return chosen;
}

// The search's core_read for a query (search_evaluation.h keeps the figures of the confidence only).
double CoreRead(const ProcedureSearch& search, const SearchLexicon& lexicon, const EvalQuery& query) {
  SearchOptions options;
  options.lexicon = &lexicon;
  options.rank_when_abstaining = true;
  if (!query.level.empty()) options.preferred_level = query.level;
  return search.Search(query.text, options).core_read;
}

void WriteFeatures(const std::string& path, const ProcedureSearch& search, const SearchLexicon& lexicon,
                   const std::vector<std::vector<EvalOutcome>>& sets) {
  std::ofstream out(path);
  out << "id,set,right_first,confidence,coverage,mass,lead,synonyms,intent_stated,first,top_score,name_read,"
         "core_read\n";
  for (const auto& set : sets) {
    for (const EvalOutcome& o : set) {
      out << o.query->id << ',' << (o.query->gold_codes.empty() ? "off_topic" : o.query->kind) << ','
          << (o.raw_rank == 1) << ',' << o.confidence << ',' << o.coverage << ',' << o.mass << ',' << o.lead << ','
          << o.synonyms << ',' << o.intent_stated << ',' << o.first_code << ',' << o.top_score << ',' << o.name_read
          << ',' << CoreRead(search, lexicon, *o.query) << '\n';
    }
  }
}

void PrintMisses(const char* name, const std::vector<EvalOutcome>& outcomes, std::size_t limit) {
  std::size_t shown = 0;
  for (const EvalOutcome& o : outcomes) {
    const bool off_topic = o.query->gold_codes.empty();
    const bool right = off_topic ? o.abstained : (!o.abstained && o.rank == 1);
    if (right || shown++ >= limit) continue;
    std::printf("%s miss %s: \"%s\" → %s%s rank %d conf %.2f cov %.2f lead %.2f intent %s/%s\n", name,
                o.query->id.c_str(), o.query->text.c_str(), o.first_code.c_str(), o.abstained ? " (abstained)" : "",
                o.raw_rank, o.confidence, o.coverage, o.lead, o.intent.c_str(), o.query->intent.c_str());
  }
}

// Logistic regression of "the first hit is right" on (coverage, mass, lead), by Newton's method, each set of
// queries weighing the same in all (else the 10,000 automatic queries would drown the questions).
void Calibrate(const std::vector<std::vector<EvalOutcome>>& sets) {
  constexpr int kParameters = 4;
  double w[kParameters] = {ProcedureSearch::kCoverageCoefficient, ProcedureSearch::kMassCoefficient,
                           ProcedureSearch::kLeadCoefficient, ProcedureSearch::kIntercept};
  for (int iteration = 0; iteration < 50; ++iteration) {
    double gradient[kParameters] = {};
    double a[kParameters][kParameters + 1] = {};
    for (const auto& set : sets) {
      const double weight = 1.0 / static_cast<double>(std::max<std::size_t>(1, set.size()));
      for (const EvalOutcome& o : set) {
        const double x[kParameters] = {o.coverage, o.mass, o.lead, 1.0};
        const double y = (!o.query->gold_codes.empty() && o.raw_rank == 1) ? 1.0 : 0.0;
        double z = 0;
        for (int i = 0; i < kParameters; ++i) z += w[i] * x[i];
        const double p = 1.0 / (1.0 + std::exp(-z));
        for (int i = 0; i < kParameters; ++i) {
          gradient[i] += weight * (p - y) * x[i];
          for (int j = 0; j < kParameters; ++j) a[i][j] += weight * p * (1 - p) * x[i] * x[j];
        }
      }
    }
    for (int i = 0; i < kParameters; ++i) {
      a[i][i] += 1e-4;  // a little ridge keeps the step finite when a feature barely varies
      a[i][kParameters] = gradient[i];
    }
    for (int c = 0; c < kParameters; ++c) {  // Gaussian elimination
      for (int r = c + 1; r < kParameters; ++r) {
        const double f = a[r][c] / a[c][c];
        for (int k = c; k <= kParameters; ++k) a[r][k] -= f * a[c][k];
      }
    }
    double step[kParameters];
    for (int r = kParameters - 1; r >= 0; --r) {
      double sum = a[r][kParameters];
      for (int k = r + 1; k < kParameters; ++k) sum -= a[r][k] * step[k];
      step[r] = sum / a[r][r];
    }
    for (int i = 0; i < kParameters; ++i) w[i] -= step[i];
  }
  std::printf(
      "\ncalibrated: kCoverageCoefficient = %.2f, kMassCoefficient = %.2f, kLeadCoefficient = %.2f, "
      "kIntercept = %.2f\n",
      w[0], w[1], w[2], w[3]);
  std::vector<EvalOutcome> outcomes;
  for (const auto& set : sets) outcomes.insert(outcomes.end(), set.begin(), set.end());
  // The trade-off of the abstention threshold on the current confidence: answers right first among the
  // questions (sets[1]) against off-topic questions declined (sets[2]).
  std::printf("\n| threshold | questions answered right first | off-topic declined |\n|---|---|---|\n");
  for (int t = 1; t <= 9; ++t) {
    const double threshold = t / 10.0;
    std::size_t right = 0, declined = 0;
    for (const EvalOutcome& o : sets[1]) right += o.raw_rank == 1 && o.confidence >= threshold;
    for (const EvalOutcome& o : sets[2]) declined += o.confidence < threshold;
    std::printf("| %.1f | %.1f %% | %.1f %% |\n", threshold, 100.0 * right / std::max<std::size_t>(1, sets[1].size()),
                100.0 * declined / std::max<std::size_t>(1, sets[2].size()));
  }
  // Reliability of the current confidence, by tenths.
  std::printf("\n| confidence | queries | first hit right |\n|---|---|---|\n");
  for (int bin = 0; bin < 10; ++bin) {
    std::size_t count = 0, right = 0;
    for (const EvalOutcome& o : outcomes) {
      if (std::min(9, static_cast<int>(o.confidence * 10)) != bin) continue;
      ++count;
      right += !o.query->gold_codes.empty() && o.raw_rank == 1;
    }
    if (count > 0)
      std::printf("| %.1f–%.1f | %zu | %.1f %% |\n", bin / 10.0, (bin + 1) / 10.0, count, 100.0 * right / count);
  }
}

std::vector<EvalOutcome> Timed(const ProcedureSearch& search, const SearchLexicon& lexicon,
                               const std::vector<EvalQuery>& queries, std::vector<double>& latencies_us) {
  std::vector<EvalOutcome> outcomes;
  for (const EvalQuery& q : queries) {
    const auto start = std::chrono::steady_clock::now();
    outcomes.push_back(test_support::Evaluate(search, &lexicon, q));
    latencies_us.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
  }
  return outcomes;
}

double Percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::ranges::sort(values);
  return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1))];
}

int Run(const Arguments& arguments) {
  const app::DirectoryReferenceFiles files(arguments.reference);
  const std::vector<Procedure> catalogue = app::LoadReferenceCatalogue(files).catalogue.procedures;
  auto lexicon = app::LoadSearchLexicon(files);
  if (!lexicon) {
    std::fprintf(stderr, "lexicon: %s: %s\n", lexicon.error().field.c_str(), lexicon.error().message_en.c_str());
    return 1;
  }
  const ProcedureSearch search(catalogue);
  if (!arguments.query.empty()) {
    Explain(search, *lexicon, catalogue, arguments);
    return 0;
  }
  const std::vector<EvalQuery> automatic = test_support::AutomaticQueries(catalogue);
  const std::vector<EvalQuery> questions = test_support::LoadQuestions(arguments.questions);
  const std::vector<EvalQuery> dev = test_support::LoadQuestions(arguments.dev);
  const std::vector<EvalQuery> holdout = test_support::LoadQuestions(arguments.holdout);
  const std::vector<EvalQuery> off_topic = test_support::LoadOffTopic(arguments.off_topic);
  std::vector<double> latencies;
  const auto auto_outcomes = Timed(search, *lexicon, automatic, latencies);
  const auto question_outcomes = Timed(search, *lexicon, questions, latencies);
  const auto dev_outcomes = Timed(search, *lexicon, dev, latencies);
  const auto holdout_outcomes = Timed(search, *lexicon, holdout, latencies);
  const auto off_topic_outcomes = Timed(search, *lexicon, off_topic, latencies);

  std::printf(
      "| set                    | queries |  top-1   |  top-5   | MRR@10 | abstained | intent | ranked first |\n");
  std::printf("|---|---|---|---|---|---|---|---|\n");
  for (const char* kind : {"no_tones", "typo", "truncated", "filler"}) PrintRow(kind, OfKind(auto_outcomes, kind));
  PrintRow("automatic (all)", auto_outcomes);
  PrintRow("team questions", question_outcomes);
  for (const char* level : {"commune", "province", ""}) {
    std::vector<EvalOutcome> chosen;
    for (const EvalOutcome& o : question_outcomes) {
      if (o.query->level == level) chosen.push_back(o);
    }
    const std::string name = std::string("  asked at ") + (*level ? level : "any level");
    PrintRow(name.c_str(), chosen);
  }
  PrintRow("dev questions", dev_outcomes);
  PrintRow("held-out questions", holdout_outcomes);
  PrintRow("off-topic", off_topic_outcomes);
  std::printf("\nlatency per query (µs, one thread, this machine): p50 %.0f, p99 %.0f, max %.0f over %zu queries\n",
              Percentile(latencies, 0.5), Percentile(latencies, 0.99), Percentile(latencies, 1.0), latencies.size());
  if (!arguments.features.empty())
    WriteFeatures(arguments.features, search, *lexicon,
                  {auto_outcomes, question_outcomes, dev_outcomes, off_topic_outcomes});
  if (arguments.misses > 0) {
    PrintMisses("auto", auto_outcomes, arguments.misses);
    PrintMisses("question", question_outcomes, arguments.misses);
    PrintMisses("dev", dev_outcomes, arguments.misses);
    PrintMisses("off-topic", off_topic_outcomes, arguments.misses);
  }
  if (arguments.holdout_misses > 0) PrintMisses("held-out", holdout_outcomes, arguments.holdout_misses);
  if (arguments.calibrate) Calibrate({auto_outcomes, question_outcomes, off_topic_outcomes});
  return 0;
}

}  // namespace
}  // namespace motcua

int main(int argc, char** argv) {
  try {
    return motcua::Run(motcua::Parse(argc, argv));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "search_eval: %s\n", e.what());
    return 2;
  }
}
