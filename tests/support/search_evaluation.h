#pragma once
// Measures procedure search on the evaluation sets of tests/search/ and on queries made from the catalogue
// itself, for the quality floors (tests/domain/procedure_search_quality_test.cc) and the table printed by
// bench/search_eval. Header-only, shared by both.
//
//  - automatic: for every procedure, its name without tone marks, with one typo, truncated to its first words,
//    and wrapped in filler words; the right answer is any procedure of the same name (the catalogue repeats
//    some names across ministries);
//  - questions: tests/search/questions.csv, written by the team as counter staff and citizens ask (README
//    there), with the gold procedure(s), intent and the asker's level;
//  - off-topic: tests/search/off_topic.csv, which no procedure answers: the search must abstain.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/csv_table.h"
#include "domain/procedure.h"
#include "domain/procedure_search.h"
#include "domain/text_folding.h"

namespace motcua::test_support {

struct EvalQuery {
  std::string id;
  std::string text;
  std::vector<std::string> gold_codes;  // empty: off-topic, the right answer is to abstain
  std::string intent;                   // expected intent name, empty when not labelled
  std::string level;                    // the asker's level: commune, province, or empty (any)
  std::string kind;                     // "no_tones", "typo", "truncated", "filler", "question", "off_topic"
};

struct EvalOutcome {
  const EvalQuery* query = nullptr;
  int rank = 0;      // 1-based rank of the first right hit among hits, or suggestions if abstained; 0: none
  int raw_rank = 0;  // the same in the ranking before any abstention
  bool abstained = false;
  double confidence = 0, coverage = 0, lead = 0, mass = 0, name_read = 0;
  std::size_t synonyms = 0;
  double top_score = 0;
  bool intent_stated = false;
  std::string intent;      // detected
  std::string first_code;  // the first hit or suggestion
};

struct EvalSummary {
  std::size_t queries = 0;
  double top1 = 0, top5 = 0, mrr = 0;  // on answerable queries; an abstention counts as a miss
  double abstained = 0;                // share of queries abstained
  double intent_accuracy = 0;          // on queries with a labelled intent
};

inline std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

inline std::vector<std::string> SplitBars(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  for (std::string part; std::getline(stream, part, '|');) {
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

// Rows of a CSV file of tests/search/ as maps column → value.
inline std::vector<std::map<std::string, std::string>> ReadCsvRows(const std::string& path) {
  const std::string content = ReadWholeFile(path);
  auto table = app::CsvTable::Parse(content, path);
  if (!table) throw std::runtime_error(path + ": " + table.error().message_en);
  std::vector<std::map<std::string, std::string>> rows;
  for (const app::CsvRow& row : table->rows()) {
    auto& fields = rows.emplace_back();
    for (std::size_t i = 0; i < table->header().size() && i < row.fields.size(); ++i) {
      fields[table->header()[i]] = row.fields[i];
    }
  }
  return rows;
}

inline std::vector<EvalQuery> LoadQuestions(const std::string& path) {
  std::vector<EvalQuery> queries;
  for (auto& row : ReadCsvRows(path)) {
    const std::string level = row["level"] == "any" ? "" : row["level"];
    queries.push_back({row["id"], row["question"], SplitBars(row["gold_codes"]), row["intent"], level, "question"});
  }
  return queries;
}

inline std::vector<EvalQuery> LoadOffTopic(const std::string& path) {
  std::vector<EvalQuery> queries;
  for (auto& row : ReadCsvRows(path)) queries.push_back({row["id"], row["question"], {}, "", "", "off_topic"});
  return queries;
}

// One typo in the longest word: two neighbouring letters swapped in its middle (deterministic).
inline std::string WithOneTypo(const std::vector<std::string>& words) {
  std::size_t longest = 0;
  for (std::size_t i = 1; i < words.size(); ++i) {
    if (words[i].size() > words[longest].size()) longest = i;
  }
  std::string joined;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string word = words[i];
    if (i == longest && word.size() >= 4) std::swap(word[word.size() / 2 - 1], word[word.size() / 2]);
    joined += (joined.empty() ? "" : " ") + word;
  }
  return joined;
}

inline std::string JoinFirst(const std::vector<std::string>& words, std::size_t count) {
  std::string joined;
  for (std::size_t i = 0; i < std::min(count, words.size()); ++i) joined += (joined.empty() ? "" : " ") + words[i];
  return joined;
}

// Four queries per procedure (every `step`-th procedure), with the procedures of the same folded name as gold.
inline std::vector<EvalQuery> AutomaticQueries(const std::vector<Procedure>& catalogue, std::size_t step = 1) {
  std::map<std::string, std::vector<std::string>> codes_by_name;
  for (const Procedure& p : catalogue) codes_by_name[FoldVietnamese(p.name)].push_back(p.code);
  std::vector<EvalQuery> queries;
  for (std::size_t i = 0; i < catalogue.size(); i += step) {
    const Procedure& p = catalogue[i];
    std::vector<std::string> words = FoldedTokens(p.name);
    if (words.size() > 2 && words[0] == "thu" && words[1] == "tuc") words.erase(words.begin(), words.begin() + 2);
    const std::vector<std::string>& gold = codes_by_name[FoldVietnamese(p.name)];
    const std::string folded = JoinFirst(words, words.size());
    queries.push_back({p.code + "/no_tones", folded, gold, "", "", "no_tones"});
    queries.push_back({p.code + "/typo", WithOneTypo(words), gold, "", "", "typo"});
    if (words.size() >= 8) {
      queries.push_back({p.code + "/truncated", JoinFirst(words, words.size() * 2 / 3), gold, "", "", "truncated"});
    }
    queries.push_back({p.code + "/filler", "cho em hỏi " + p.name + " thì làm thế nào ạ", gold, "", "", "filler"});
  }
  return queries;
}

inline EvalOutcome Evaluate(const ProcedureSearch& search, const SearchLexicon* lexicon, const EvalQuery& query) {
  SearchOptions options;
  options.limit = 10;
  options.lexicon = lexicon;
  options.rank_when_abstaining = true;
  if (!query.level.empty()) options.preferred_level = query.level;
  const SearchResult result = search.Search(query.text, options);
  EvalOutcome outcome;
  outcome.query = &query;
  outcome.abstained = result.abstained;
  outcome.confidence = result.confidence;
  outcome.coverage = result.coverage;
  outcome.lead = result.lead;
  outcome.mass = result.mass;
  outcome.name_read = result.name_read;
  outcome.intent = std::string(QuestionIntentName(result.intent));
  const auto rank_of_gold = [&](const std::vector<SearchHit>& listed) {
    for (std::size_t i = 0; i < listed.size(); ++i) {
      if (std::ranges::find(query.gold_codes, listed[i].code) != query.gold_codes.end()) return static_cast<int>(i) + 1;
    }
    return 0;
  };
  const std::vector<SearchHit>& listed = result.abstained ? result.suggestions : result.hits;
  if (!result.hits.empty()) outcome.first_code = result.hits.front().code;
  outcome.synonyms = result.understood.size();
  if (!result.hits.empty()) outcome.top_score = result.hits.front().score;
  outcome.intent_stated = result.intent_stated;
  outcome.rank = rank_of_gold(listed);
  outcome.raw_rank = rank_of_gold(result.hits);
  return outcome;
}

inline EvalSummary Summarize(const std::vector<EvalOutcome>& outcomes) {
  EvalSummary summary;
  std::size_t intents = 0, intents_right = 0;
  for (const EvalOutcome& o : outcomes) {
    ++summary.queries;
    summary.abstained += o.abstained;
    if (!o.abstained && o.rank == 1) summary.top1 += 1;
    if (!o.abstained && o.rank >= 1 && o.rank <= 5) summary.top5 += 1;
    if (!o.abstained && o.rank >= 1) summary.mrr += 1.0 / o.rank;
    if (!o.query->intent.empty()) {
      ++intents;
      intents_right += o.intent == o.query->intent;
    }
  }
  const double n = summary.queries == 0 ? 1.0 : static_cast<double>(summary.queries);
  summary.top1 /= n;
  summary.top5 /= n;
  summary.mrr /= n;
  summary.abstained /= n;
  summary.intent_accuracy = intents == 0 ? 0 : static_cast<double>(intents_right) / static_cast<double>(intents);
  return summary;
}

inline std::vector<EvalOutcome> EvaluateAll(const ProcedureSearch& search, const SearchLexicon* lexicon,
                                            const std::vector<EvalQuery>& queries) {
  std::vector<EvalOutcome> outcomes;
  outcomes.reserve(queries.size());
  for (const EvalQuery& query : queries) outcomes.push_back(Evaluate(search, lexicon, query));
  return outcomes;
}

}  // namespace motcua::test_support
