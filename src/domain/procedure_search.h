#pragma once
// Finds the procedure a person means from what they type: a name, a few words, the national code, or a question
// in their own words ("cháu ơi làm giấy khai sanh cho con thì cần gì"), with or without tone marks, with a typo
// or a telex slip ("khai sinhf"). Built once from the catalogue (2,642 procedures in data/reference) into an
// inverted index; a search reads only that index. Search() is const and touches no shared mutable state: one
// ProcedureSearch may serve any number of threads at once.
//
// Ranking, in order:
//  1. The question is analyzed on its words as written (query_analysis.h): filler and intent cue words are
//     dropped before tone folding, and phrases the lexicon knows ("sổ đỏ", "CCCD") gain their catalogue wording
//     as alternatives.
//  2. Each remaining word is matched folded ("dang" = "đăng"); a word typed with tone marks scores fully only
//     where the procedure has it with the same marks (a folded-only match counts kToneMismatch), so that
//     "căn" does not find "cần". A word the index does not know is replaced by its i/y spelling variant
//     ("ki"/"ky"), its telex reading ("sinhf" → "sinh", "cuowcs" → "cuoc"), one edit away (a typo: insertion,
//     deletion, substitution or swap of neighbours, words of 3+ letters) or, for the last word only and when
//     neither it nor its spelling variant is a word of the index, the words it begins (typing in progress),
//     each at a lower weight.
//  3. BM25F over three fields of each procedure, name ≫ topic (field, ministry) ≫ body (dossier components,
//     target groups, agencies, legal basis), with each field's length normalized (a 241-word name does not win
//     by containing every word) and the rarity of every term weighed (IDF: "căn cước" counts, "thủ tục"
//     hardly). Terms are folded syllables and syllable pairs (Vietnamese words are mostly two syllables:
//     "khai sinh", "căn cước"); a concept scores by its best alternative.
//  4. The searcher's level is preferred (options.preferred_level: a commune counter sees commune procedures
//     first), and procedures performed at the district level, abolished on 1 July 2025 (Law on the
//     Organization of Local Government No. 72/2025/QH15, art. 2: two tiers, province and commune), are marked
//     and sink.
//  5. Names are reranked by how much of them the question reads; a qualifier of a name that the question does
//     not read costs nothing when it names the unsaid case ("lần đầu", "trong nước") and thrice its rarity when
//     it names a case people say ("cấp lại", "trình báo mất", "tổ chức": the lexicon's name qualifiers).
//  6. A confidence in [0, 1] for the first hit: a logistic function of how much of the question (weighed by
//     rarity) the first hit's name and topic explain and of its lead over the second. The search abstains (no
//     hits, the best weak ones as suggestions) below kAbstainBelow, or when the first hit is weak (kMinStrength),
//     unless that hit explains nearly all of the question, or the question reads all of that hit's name, or it
//     reads the rarest pair of that hit's name and most of the name, with a lead (kListCore*). A query that names a
//     national code returns that procedure alone, with confidence 1.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "domain/procedure.h"
#include "domain/query_analysis.h"
#include "domain/question_intent.h"
#include "domain/search_lexicon.h"

namespace motcua {

struct SearchOptions {
  std::optional<std::string> level;            // keep only procedures with this level ("commune"...); default: any
  std::size_t limit = 10;                      // at most this many hits; 0 returns none
  std::optional<std::string> preferred_level;  // rank procedures of this level first; default: none preferred
  const SearchLexicon* lexicon = nullptr;      // fillers, intent cues, synonyms; none: every word is topic
  bool rank_when_abstaining = false;           // evaluation: list the hits even when the search abstains
};

struct SearchHit {
  std::size_t index = 0;         // position of the procedure in the span given to the constructor
  std::string code;              // its national code, e.g. "1.001193"
  double score = 0;              // higher is better; only meaningful to compare hits of the same query
  bool abolished_level = false;  // performed at the district level, which no longer exists
  double name_read = 0;          // the share of its name's rarity the question reads (0..1; 1 for a code)
};

struct SearchResult {
  std::vector<SearchHit> hits;         // best first; empty when the search abstains
  std::vector<SearchHit> suggestions;  // when it abstains: the best of the weak hits (at most 3), else empty
  double confidence = 0;               // of hits[0] (or suggestions[0]) being the procedure meant
  double coverage = 0;                 // what confidence is made of: the share of the question the first
  double lead = 0;                     // hit's name and topic explain, and its lead over the second (0..1),
  double mass = 0;                     // and how much they explain in all (rarity of the words, /10, ≤ 2)
  double name_read = 0;                // the share of the first hit's name the question reads (its rarity)
  double core_read = 0;                // of the rarity of the first hit's rarest name pair, the share the question
                                       // reads: 1 when it reads that pair ("khai tử" of "đăng ký khai tử")
  bool abstained = false;              // the question matched nothing well enough to list (hits empty)
  QuestionIntent intent = QuestionIntent::kOverview;
  bool intent_stated = false;                                   // false: overview by default
  std::vector<std::pair<std::string, std::string>> understood;  // synonyms applied: phrase → catalogue wording
  std::vector<std::string> ignored_words;                       // filler and cue words, as written
};

class ProcedureSearch {
 public:
  // Confidence = 1 / (1 + e^-(kCoverageCoefficient·coverage + kMassCoefficient·mass + kLeadCoefficient·lead +
  // kIntercept)), fitted by
  // logistic regression on the evaluation sets (bench/search_eval --calibrate; docs/search.md).
  static constexpr double kCoverageCoefficient = 1.65;
  static constexpr double kMassCoefficient = 1.94;
  static constexpr double kLeadCoefficient = 4.68;
  static constexpr double kIntercept = -4.19;
  // The search abstains below this confidence, or when its first hit scores below kMinStrength (the question
  // matches a word or two of any procedure: "iphone 16 giá bao nhiêu", "đường cao tốc mất mấy tiếng") —
  // unless that hit's name and topic explain at least kListCoverage of the question: a short or vague
  // question ("khai sinh", "ly hôn", "đăng ký") is listed. Chosen on the evaluation sets of tests/search: see
  // docs/search.md for the trade-off between answering and abstaining.
  static constexpr double kAbstainBelow = 0.15;
  static constexpr double kMinStrength = 22.0;
  static constexpr double kListCoverage = 0.9;
  // A question explained nearly whole by a first hit that scores almost nothing ("cảm ơn cô nhé": "cô" is a word
  // of one long name) only shares a common word with it: listed by coverage only from this score, which a vague
  // question of a matter reaches ("ly hôn" scores 9.7, "khai sinh" 16); a bare "đăng ký" (5.9) or "cấp lại" (6.4)
  // matches hundreds of procedures alike, and one of them listed would be a guess.
  static constexpr double kListCoverageStrength = 8.0;
  // A question that reads the first hit's whole name (its rarity: kListNameRead) is about that procedure, however
  // much else it says ("ông nhà tôi mất hôm qua, con cháu phải đi báo tử ở đâu" reads all of "đăng ký khai
  // tử"): listed when that hit scores at least kListNameStrength, whatever the coverage and confidence.
  static constexpr double kListNameRead = 0.95;
  static constexpr double kListNameStrength = 25.0;
  // A question that reads the rarest pair of its first hit's name (core_read 1: "khai tử" of "đăng ký khai tử",
  // "giám hộ" of "đăng ký giám hộ") and at least kListCoreNameRead of the name's rarity, whose first hit leads the
  // second by kListCoreLead and scores kListCoreStrength, names that procedure in the middle of its story ("ba mất
  // được hơn 2 tháng rồi mà nhà chưa đi khai tử"): listed, however many of its other words are not the
  // catalogue's. A short name of common syllables ("khai tử": 17) never reaches kMinStrength.
  static constexpr double kListCoreNameRead = 0.5;
  static constexpr double kListCoreLead = 0.1;
  static constexpr double kListCoreStrength = 10.0;
  // A listed first hit at least this confident is the one meant; below, an assistant asks which one.
  static constexpr double kAnswerAbove = 0.5;
  static constexpr float kToneMismatch = 0.6F;

  // Indexes each procedure's code, name, topic and body (copies them: `procedures` need not outlive this
  // object). Procedures without components are indexed on name and topic only.
  explicit ProcedureSearch(std::span<const Procedure> procedures);

  // The best hits for `query`, best first; equal scores are ordered by code. An empty query, or one with no
  // letters or digits, abstains with no suggestion (the list of everything is a different use case). Only the
  // first 256 words of a query are read (the longest name in the catalogue has 241).
  SearchResult Search(std::string_view query, const SearchOptions& options) const;

  // Whether two words stand side by side in some procedure's name (with their marks when both carry marks).
  bool IsNamePair(const WordForms& first, const WordForms& second) const;

  std::size_t size() const { return documents_.size(); }

 private:
  using TermId = std::uint32_t;
  static constexpr TermId kNoTerm = UINT32_MAX;
  enum Field : std::uint8_t { kName, kTopic, kBody, kFieldCount };

  struct Posting {
    std::uint32_t document;
    std::uint16_t frequency[kFieldCount];
    float score = 0;  // the term's BM25F score in the document, which no query changes (FinishTerms)
  };
  struct Term {
    std::vector<Posting> postings;  // ascending document
    float idf = 0;
  };
  struct Document {
    std::string code;
    std::vector<std::string> levels;
    float length[kFieldCount] = {};
    std::vector<TermId> name_terms;     // the folded words of the name, in order
    std::vector<WordForms> name_words;  // the same words as written, for the lexicon's name qualifiers
    std::vector<bool> parenthesized;    // per word of the name: inside a parenthesis
    bool abolished_level = false;
    bool HasLevel(std::string_view level) const;
  };
  struct Candidate;  // one reading of a typed word: its terms and weight
  struct Slot;       // one word of an alternative: its readings
  struct Plan;       // the query turned into slots, concepts and pairs
  class Scorer;

  void IndexDocument(const Procedure& procedure);
  void AddTokens(std::uint32_t document, Field field, const std::vector<WordForms>& words);
  void CountTerm(std::string key, std::uint32_t document, Field field);
  void FinishTerms();
  TermId FindTerm(std::string_view key) const;
  bool IsStrongWord(std::string_view folded) const;
  float Bm25(const Term& term, const Posting& posting) const;

  std::optional<SearchHit> FindByCode(const std::vector<WordForms>& words) const;
  Plan MakePlan(const AnalyzedQuery& analyzed) const;
  Slot ReadWord(const WordForms& word, bool last_word) const;
  void AddCorrections(const WordForms& word, bool last_word, Slot& slot) const;
  std::vector<SearchHit> Rank(const std::vector<float>& scores, const SearchOptions& options, std::size_t limit) const;
  void Rerank(const Plan& plan, const SearchLexicon& lexicon, std::vector<SearchHit>& ranked) const;
  void JudgeConfidence(const Plan& plan, const std::vector<SearchHit>& ranked, SearchResult& result) const;
  // Whether the first hit is listed (else the search abstains), from the judged result.
  static bool IsListed(const SearchResult& result, const SearchHit& first);
  // The importance of the question the document's name and topic explain, and the question's whole importance.
  std::pair<double, double> StrongCoverage(const Plan& plan, std::uint32_t document) const;
  // Of the rarity (IDF) of the rarest pair of neighbouring words of the document's name, the share that the rarest
  // such pair the question reads as neighbours too has: 1 when the question reads the name's rarest pair ("khai
  // tử" of "đăng ký khai tử"), 0 when it reads none.
  double CoreRead(const Plan& plan, std::uint32_t document) const;
  float ReadingIn(const Candidate& reading, std::uint32_t document) const;
  bool InNameOrTopic(TermId term, std::uint32_t document) const;

  std::vector<Document> documents_;
  float average_length_[kFieldCount] = {};
  std::unordered_map<std::string, TermId> term_ids_;  // "f:dang", "m:đăng", "b:dang ky"
  std::vector<Term> terms_;
  std::vector<std::string> strong_words_;                      // folded words of names and topics, sorted
  std::vector<std::vector<std::uint32_t>> words_by_length_;    // indices into strong_words_ by length in bytes
  std::unordered_set<std::string> name_pairs_folded_;          // "dang ky"
  std::unordered_set<std::string> name_pairs_marked_;          // "đăng ký"
  std::unordered_map<std::string, std::uint32_t> code_index_;  // folded code → document
};

// Whether the procedure is performed at the district level (its name says so, or every agency it names is a
// district's): that level was abolished on 1 July 2025 (Law No. 72/2025/QH15 on the Organization of Local
// Government, art. 2).
bool IsOfAbolishedLevel(const Procedure& procedure);

// For each word of a procedure's name as the index reads it (without a leading "Thủ tục"): whether it stands
// inside a parenthesis ("Cấp thẻ căn cước (thực hiện tại cấp tỉnh)": the last five).
std::vector<bool> ParenthesizedNameWords(std::string_view name);

}  // namespace motcua
