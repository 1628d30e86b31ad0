#include "domain/procedure_search.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <queue>
#include <unordered_set>

#include "domain/text_folding.h"

namespace motcua {
namespace {

// Match scores of one query word against one name word (see the header for the rules).
constexpr float kExactScore = 1.0F;
constexpr float kSpellingVariantScore = 0.95F;  // a legitimate spelling, not a mistake: almost exact
constexpr float kPrefixScore = 0.8F;
constexpr float kOneTypoScore = 0.6F;
constexpr std::size_t kMinPrefixLength = 2;  // one letter is the prefix of too many words to mean anything
constexpr std::size_t kMinTypoLength = 3;    // one edit turns most 2-letter words into other real words

constexpr double kMinimumCoverage = 0.5;
constexpr double kPhraseBonus = 0.1;
constexpr double kUnmatchedWordPenalty = 0.01;
constexpr double kMaxUnmatchedPenalty = 0.1;  // long names still rank by coverage first
constexpr double kCodeMatchScore = 2.0;       // above any name match (at most 1.1)
constexpr std::size_t kMaxQueryTokens = 256;  // the longest name in the catalogue has 241 words

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

// Final i and y after a consonant are the same sound and both spellings are in use (ký/kí, lý/lí, mỹ/mĩ,
// quý/quí). After a vowel they make different words (tai "ear" / tay "hand"), so those have no variant.
// Returns the other spelling of `word`, or nothing.
std::optional<std::string> SpellingVariant(std::string_view word) {
  if (word.size() < 2 || (word.back() != 'i' && word.back() != 'y')) return std::nullopt;
  const std::string_view stem = word.substr(0, word.size() - 1);
  if (IsVowel(stem.back()) && !stem.ends_with("qu")) return std::nullopt;
  return std::string(stem) + (word.back() == 'i' ? 'y' : 'i');
}

// Optimal string alignment distance exactly 1: one substitution, insertion, deletion or swap of two
// neighbouring characters ("dnag" → "dang", the commonest slip on a keyboard).
bool IsOneEditApart(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1 || a == b) return false;
  const auto mismatch = std::ranges::mismatch(a, b);
  const auto i = static_cast<std::size_t>(mismatch.in1 - a.begin());
  if (a.size() < b.size()) return a.substr(i) == b.substr(i + 1);
  if (a.substr(i + 1) == b.substr(i + 1)) return true;
  return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
}

// Scores are sums of a few constants in different orders; rounding makes equal rankings compare equal so
// that ties fall to the code, as documented, instead of to the last bit of a double.
double Quantize(double score) { return std::round(score * 1e6) / 1e6; }

struct NameMatch {
  std::size_t words_followed_in_order = 0;  // query words q whose successor q+1 matches the next name word
  std::size_t unmatched_words = 0;          // counted name words that no query word claims
};

}  // namespace

// What one query matches: the score of every query word against every vocabulary word (a dense table: the
// vocabulary has under a thousand words, so it is small and a lookup is one load), then, read from the
// postings, the best score of every query word in every procedure whose name holds a matched word.
class ProcedureSearch::QueryMatches {
 public:
  QueryMatches(std::size_t vocabulary_size, std::size_t procedure_count, std::size_t query_size)
      : query_size_(query_size),
        token_scores_(vocabulary_size * query_size, 0.0F),
        best_in_procedure_(procedure_count * query_size, 0.0F),
        coverage_sum_(procedure_count, 0.0) {}

  std::size_t query_size() const { return query_size_; }
  float Get(TokenId token, std::size_t q) const { return token_scores_[token * query_size_ + q]; }
  const float* BestIn(std::uint32_t procedure) const { return &best_in_procedure_[procedure * query_size_]; }
  // The mean over the query words of their best score in the procedure's name; valid after Accumulate().
  double Coverage(std::uint32_t procedure) const { return coverage_sum_[procedure] / static_cast<double>(query_size_); }

  void Add(TokenId token, std::size_t q, float score) {
    float& slot = token_scores_[token * query_size_ + q];
    if (slot == 0.0F) matched_.push_back({token, q});
    slot = std::max(slot, score);
  }

  // Fills BestIn() and Coverage() from the postings of the matched words; returns the procedures with any
  // match. The work is the length of those postings, not the size of the catalogue; the coverage grows by
  // each improvement so that no pass over every (procedure, query word) pair is needed.
  std::vector<std::uint32_t> Accumulate(const std::vector<std::vector<std::uint32_t>>& postings) {
    std::vector<std::uint32_t> touched;
    for (const auto& [token, q] : matched_) {
      const float score = Get(token, q);
      for (const std::uint32_t procedure : postings[token]) {
        float& best = best_in_procedure_[procedure * query_size_ + q];
        if (score <= best) continue;
        if (coverage_sum_[procedure] == 0.0) touched.push_back(procedure);
        coverage_sum_[procedure] += static_cast<double>(score) - static_cast<double>(best);
        best = score;
      }
    }
    return touched;
  }

  // Which query words have their successor matched on the next name word (the phrase bonus), and how many
  // name words from `first_counted` on no query word claims. Each query word claims one name word where it
  // scores its best: "kai" (a typo) matches both "lai" and "khai" in "đăng ký lại khai sinh", yet explains
  // only one of them.
  NameMatch MatchName(const std::vector<TokenId>& name, std::size_t first_counted, const float* best) {
    NameMatch match;
    for (std::size_t q = 0; q + 1 < query_size_; ++q) {
      if (NextWordFollows(name, q)) ++match.words_followed_in_order;
    }
    const std::size_t counted = name.size() - std::min(first_counted, name.size());
    match.unmatched_words = counted - ClaimedWordsFrom(name, first_counted, best);
    return match;
  }

 private:
  struct Matched {
    TokenId token;
    std::size_t q;
  };

  bool NextWordFollows(const std::vector<TokenId>& name, std::size_t q) const {
    for (std::size_t position = 0; position + 1 < name.size(); ++position) {
      if (Get(name[position], q) > 0.0F && Get(name[position + 1], q + 1) > 0.0F) return true;
    }
    return false;
  }

  // The number of name positions, from `first_counted` on, that query words claim. Each query word claims
  // the first position where it scores its best that no earlier query word claimed, so a word the query
  // repeats ("giá trị gia tăng ... giá trị gia tăng") explains each of its occurrences in the name.
  std::size_t ClaimedWordsFrom(const std::vector<TokenId>& name, std::size_t first_counted, const float* best) {
    claimed_.clear();
    std::size_t counted_claims = 0;
    for (std::size_t q = 0; q < query_size_; ++q) {
      for (std::size_t position = 0; position < name.size(); ++position) {
        if (best[q] == 0.0F || Get(name[position], q) != best[q]) continue;
        if (std::ranges::find(claimed_, position) != claimed_.end()) continue;
        claimed_.push_back(position);
        if (position >= first_counted) ++counted_claims;
        break;
      }
    }
    return counted_claims;
  }

  std::size_t query_size_;
  std::vector<float> token_scores_;       // [token * query_size + q]
  std::vector<float> best_in_procedure_;  // [procedure * query_size + q]
  std::vector<double> coverage_sum_;      // per procedure: the sum of its row of best_in_procedure_
  std::vector<Matched> matched_;          // the nonzero cells of token_scores_
  std::vector<std::size_t> claimed_;      // scratch for ClaimedWordsFrom: no allocation per name
};

struct ProcedureSearch::Candidate {
  std::uint32_t procedure;
  double coverage;
};

struct ProcedureSearch::ScoredProcedure {
  std::uint32_t procedure;
  double score;
};

bool ProcedureSearch::IndexedProcedure::HasLevel(std::string_view level) const {
  return std::ranges::find(levels, level) != levels.end();
}

ProcedureSearch::ProcedureSearch(std::span<const Procedure> procedures) {
  std::vector<std::vector<std::string>> folded_names;
  folded_names.reserve(procedures.size());
  for (const Procedure& procedure : procedures) folded_names.push_back(FoldedTokens(procedure.name));
  BuildVocabulary(folded_names);
  procedures_.reserve(procedures.size());
  for (std::size_t i = 0; i < procedures.size(); ++i) IndexProcedure(procedures[i], folded_names[i]);
}

void ProcedureSearch::BuildVocabulary(const std::vector<std::vector<std::string>>& folded_names) {
  // Deduplicated before sorting: the names hold some 58,000 words but under a thousand distinct ones.
  std::unordered_set<std::string_view> distinct;
  for (const auto& name : folded_names) distinct.insert(name.begin(), name.end());
  vocabulary_.assign(distinct.begin(), distinct.end());
  std::ranges::sort(vocabulary_);
  postings_.resize(vocabulary_.size());
  for (TokenId id = 0; id < vocabulary_.size(); ++id) {
    const std::size_t length = vocabulary_[id].size();
    if (tokens_by_length_.size() <= length) tokens_by_length_.resize(length + 1);
    tokens_by_length_[length].push_back(id);
  }
}

void ProcedureSearch::IndexProcedure(const Procedure& procedure, const std::vector<std::string>& folded_name) {
  const auto procedure_index = static_cast<std::uint32_t>(procedures_.size());
  IndexedProcedure& indexed = procedures_.emplace_back();
  indexed.code = procedure.code;
  indexed.levels = procedure.levels;
  for (const std::string& token : folded_name) indexed.name_tokens.push_back(*FindToken(token));
  const bool starts_with_thu_tuc = folded_name.size() >= 2 && folded_name[0] == "thu" && folded_name[1] == "tuc";
  indexed.first_counted_token = starts_with_thu_tuc ? 2 : 0;
  for (const TokenId token : indexed.name_tokens) {
    std::vector<std::uint32_t>& posting = postings_[token];
    if (posting.empty() || posting.back() != procedure_index) posting.push_back(procedure_index);
  }
  code_index_.emplace(FoldVietnamese(procedure.code), procedure_index);
}

std::optional<ProcedureSearch::TokenId> ProcedureSearch::FindToken(std::string_view token) const {
  const auto found = std::ranges::lower_bound(vocabulary_, token);
  if (found == vocabulary_.end() || *found != token) return std::nullopt;
  return static_cast<TokenId>(found - vocabulary_.begin());
}

std::vector<SearchHit> ProcedureSearch::Search(std::string_view query, const SearchOptions& options) const {
  std::vector<std::string> query_tokens = FoldedTokens(query);
  if (query_tokens.size() > kMaxQueryTokens) query_tokens.resize(kMaxQueryTokens);
  if (query_tokens.empty() || options.limit == 0) return {};
  if (const auto by_code = FindByCode(query_tokens)) {
    const bool level_ok = !options.level || procedures_[by_code->index].HasLevel(*options.level);
    return level_ok ? std::vector<SearchHit>{*by_code} : std::vector<SearchHit>{};
  }
  QueryMatches matches = MatchQueryTokens(query_tokens);
  const std::vector<Candidate> candidates = CandidatesByCoverage(matches, options);
  return TopHits(ScoreLeaders(candidates, matches, options.limit), options.limit);
}

std::optional<SearchHit> ProcedureSearch::FindByCode(const std::vector<std::string>& query_tokens) const {
  if (query_tokens.size() != 1) return std::nullopt;
  const auto found = code_index_.find(query_tokens.front());
  if (found == code_index_.end()) return std::nullopt;
  return SearchHit{found->second, procedures_[found->second].code, kCodeMatchScore};
}

ProcedureSearch::QueryMatches ProcedureSearch::MatchQueryTokens(const std::vector<std::string>& query_tokens) const {
  QueryMatches matches(vocabulary_.size(), procedures_.size(), query_tokens.size());
  for (std::size_t i = 0; i < query_tokens.size(); ++i) MatchOneQueryToken(i, query_tokens[i], matches);
  return matches;
}

// Expands one query word over the vocabulary, never over the procedures: prefixes are a range of the sorted
// vocabulary, the spelling variant is one lookup, and typos can only be one byte shorter or longer. A query
// word that is itself a word of the catalogue is taken as meant: "sinh" does not also look for "tinh"
// (province), which would drag most of the catalogue in at a score that never wins anyway.
void ProcedureSearch::MatchOneQueryToken(std::size_t query_index, const std::string& query_token,
                                         QueryMatches& matches) const {
  AddExactAndPrefixMatches(query_index, query_token, matches);
  if (const auto variant = SpellingVariant(query_token)) {
    if (const auto id = FindToken(*variant)) matches.Add(*id, query_index, kSpellingVariantScore);
  }
  if (!FindToken(query_token)) AddOneTypoMatches(query_index, query_token, matches);
}

void ProcedureSearch::AddExactAndPrefixMatches(std::size_t query_index, const std::string& query_token,
                                               QueryMatches& matches) const {
  const auto first = std::ranges::lower_bound(vocabulary_, query_token);
  for (auto word = first; word != vocabulary_.end() && word->starts_with(query_token); ++word) {
    const bool exact = word->size() == query_token.size();  // sorts first among the words it prefixes
    if (!exact && query_token.size() < kMinPrefixLength) break;
    matches.Add(static_cast<TokenId>(word - vocabulary_.begin()), query_index, exact ? kExactScore : kPrefixScore);
  }
}

// The guard keeps size() - 1 from wrapping on either vector.
void ProcedureSearch::AddOneTypoMatches(std::size_t query_index, const std::string& query_token,
                                        QueryMatches& matches) const {
  if (query_token.size() < kMinTypoLength || tokens_by_length_.empty()) return;
  const std::size_t longest = std::min(query_token.size() + 1, tokens_by_length_.size() - 1);
  for (std::size_t length = std::max(query_token.size() - 1, kMinTypoLength); length <= longest; ++length) {
    for (const TokenId id : tokens_by_length_[length]) {
      if (IsOneEditApart(query_token, vocabulary_[id])) matches.Add(id, query_index, kOneTypoScore);
    }
  }
}

// The procedures at the level asked for whose coverage reaches the minimum, best coverage first (then by
// position, to stay deterministic).
std::vector<ProcedureSearch::Candidate> ProcedureSearch::CandidatesByCoverage(QueryMatches& matches,
                                                                              const SearchOptions& options) const {
  std::vector<Candidate> candidates;
  for (const std::uint32_t procedure : matches.Accumulate(postings_)) {
    if (options.level && !procedures_[procedure].HasLevel(*options.level)) continue;
    const double coverage = Quantize(matches.Coverage(procedure));
    if (coverage >= kMinimumCoverage) candidates.push_back({procedure, coverage});
  }
  std::ranges::sort(candidates, [](const Candidate& a, const Candidate& b) {
    return a.coverage != b.coverage ? a.coverage > b.coverage : a.procedure < b.procedure;
  });
  return candidates;
}

// Scores candidates in order of coverage and stops once coverage plus the largest bonus cannot reach the
// `limit` best scores so far: on common words that skips most of the catalogue.
std::vector<ProcedureSearch::ScoredProcedure> ProcedureSearch::ScoreLeaders(const std::vector<Candidate>& candidates,
                                                                            QueryMatches& matches,
                                                                            std::size_t limit) const {
  std::vector<ScoredProcedure> scored;
  // The `limit` best scores so far, the lowest on top.
  std::priority_queue<double, std::vector<double>, std::greater<>> best_scores;
  for (const Candidate& candidate : candidates) {
    const bool cannot_enter =
        best_scores.size() == limit && Quantize(candidate.coverage + kPhraseBonus) < best_scores.top();
    if (cannot_enter) break;
    const double score = Score(procedures_[candidate.procedure], candidate, matches);
    scored.push_back({candidate.procedure, score});
    best_scores.push(score);
    if (best_scores.size() > limit) best_scores.pop();
  }
  return scored;
}

// Score() can only lower coverage + kPhraseBonus (phrase ≤ 1, penalty ≥ 0), which ScoreLeaders relies on.
double ProcedureSearch::Score(const IndexedProcedure& procedure, const Candidate& candidate,
                              QueryMatches& matches) const {
  const NameMatch match =
      matches.MatchName(procedure.name_tokens, procedure.first_counted_token, matches.BestIn(candidate.procedure));
  const std::size_t query_size = matches.query_size();
  const double phrase =
      query_size > 1 ? static_cast<double>(match.words_followed_in_order) / static_cast<double>(query_size - 1) : 0;
  const double penalty =
      std::min(kMaxUnmatchedPenalty, kUnmatchedWordPenalty * static_cast<double>(match.unmatched_words));
  return Quantize(candidate.coverage + kPhraseBonus * phrase - penalty);
}

std::vector<SearchHit> ProcedureSearch::TopHits(std::vector<ScoredProcedure> scored, std::size_t limit) const {
  const auto better = [this](const ScoredProcedure& a, const ScoredProcedure& b) {
    if (a.score != b.score) return a.score > b.score;
    return procedures_[a.procedure].code < procedures_[b.procedure].code;
  };
  const std::size_t count = std::min(limit, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(count), scored.end(), better);
  std::vector<SearchHit> hits;
  hits.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    hits.push_back({scored[i].procedure, procedures_[scored[i].procedure].code, scored[i].score});
  }
  return hits;
}

}  // namespace motcua
