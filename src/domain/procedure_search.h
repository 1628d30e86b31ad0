#pragma once
// Finds procedures of the catalogue by what a citizen or an officer types at the counter: words of the
// name, with or without tone marks, with a typo or the i/y spelling variant ("đăng kí"), or the national
// code. Built once from the catalogue (2,642 procedures in data/reference) into an inverted index; a search
// reads only that index. Search() is const and touches no shared mutable state: one ProcedureSearch may
// serve any number of threads at once.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/procedure.h"

namespace motcua {

struct SearchOptions {
  std::optional<std::string> level;  // keep only procedures with this level ("commune"...); default: any
  std::size_t limit = 10;            // at most this many hits; 0 returns none
};

struct SearchHit {
  std::size_t index = 0;  // position of the procedure in the span given to the constructor
  std::string code;       // its national code, e.g. "1.001193"
  double score = 0;       // higher is better; only meaningful to compare hits of the same query
};

class ProcedureSearch {
 public:
  // Indexes the code, folded name and levels of each procedure (copies them: `procedures` need not outlive
  // this object).
  explicit ProcedureSearch(std::span<const Procedure> procedures);

  // Returns the best hits for `query`, best first; equal scores are ordered by code. Ranking:
  //  - a query that is exactly one national code returns that procedure alone;
  //  - otherwise each query word is matched (after FoldVietnamese) against the words of each name: the
  //    same word scores 1.0, the i/y spelling variant ("ki"/"ky", "quy"/"qui") 0.95, the start of a longer
  //    word (query word of 2+ letters) 0.8, one typo (insertion, deletion, substitution or swap of two
  //    neighbouring letters; both words of 3+ letters; only for a query word that is no word of the
  //    catalogue, since a real word is taken as meant) 0.6. A procedure's coverage is the mean over the
  //    query words of their best match in its name; procedures with coverage below 0.5 are not hits;
  //  - up to +0.1 when the query words appear next to each other and in order in the name;
  //  - -0.01 per name word that no query word explains (at most -0.1), so that among names containing the
  //    query the shortest wins; each query word explains one name word where it scores its best. The
  //    leading "Thủ tục" most names start with is not counted.
  // An empty query, or one with no letters or digits, returns no hits (it is not an error: the list of
  // everything is a different use case). Only the first 256 words of a query are used (the longest
  // name in the catalogue has 241, so a pasted name still finds itself).
  std::vector<SearchHit> Search(std::string_view query, const SearchOptions& options) const;

  std::size_t size() const { return procedures_.size(); }

 private:
  using TokenId = std::uint32_t;
  struct IndexedProcedure {
    std::string code;
    std::vector<std::string> levels;
    std::vector<TokenId> name_tokens;     // the folded words of the name, in order
    std::size_t first_counted_token = 0;  // past a leading "thu tuc", for the unmatched-word penalty
    bool HasLevel(std::string_view level) const;
  };
  class QueryMatches;
  struct Candidate;
  struct ScoredProcedure;

  void BuildVocabulary(const std::vector<std::vector<std::string>>& folded_names);
  void IndexProcedure(const Procedure& procedure, const std::vector<std::string>& folded_name);
  std::optional<TokenId> FindToken(std::string_view token) const;
  std::optional<SearchHit> FindByCode(const std::vector<std::string>& query_tokens) const;
  QueryMatches MatchQueryTokens(const std::vector<std::string>& query_tokens) const;
  void MatchOneQueryToken(std::size_t query_index, const std::string& query_token, QueryMatches& matches) const;
  void AddExactAndPrefixMatches(std::size_t query_index, const std::string& query_token, QueryMatches& matches) const;
  void AddOneTypoMatches(std::size_t query_index, const std::string& query_token, QueryMatches& matches) const;
  std::vector<Candidate> CandidatesByCoverage(QueryMatches& matches, const SearchOptions& options) const;
  std::vector<ScoredProcedure> ScoreLeaders(const std::vector<Candidate>& candidates, QueryMatches& matches,
                                            std::size_t limit) const;
  double Score(const IndexedProcedure& procedure, const Candidate& candidate, QueryMatches& matches) const;
  std::vector<SearchHit> TopHits(std::vector<ScoredProcedure> scored, std::size_t limit) const;

  std::vector<IndexedProcedure> procedures_;
  std::vector<std::string> vocabulary_;                        // distinct folded name words, sorted
  std::vector<std::vector<TokenId>> tokens_by_length_;         // vocabulary ids by word length in bytes
  std::vector<std::vector<std::uint32_t>> postings_;           // per vocabulary id: procedures, ascending
  std::unordered_map<std::string, std::uint32_t> code_index_;  // folded code → procedure
};

}  // namespace motcua
