#include "domain/procedure_search.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "domain/text_folding.h"

namespace motcua {
namespace {

// BM25F (Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond", 2009, §4.1): the
// frequencies of a term in each field, weighed and length-normalized per field, are added before saturation.
// The name says what the procedure is; the topic (field, ministry) places it; the body (components, agencies,
// legal basis) is long and names many things the procedure is not about, so it counts for little.
constexpr float kFieldWeight[] = {1.0F, 0.3F, 0.05F};
constexpr float kFieldLengthNormalization[] = {0.45F, 0.3F, 0.75F};  // BM25's b per field
constexpr float kSaturation = 1.2F;                                  // BM25's k1
constexpr std::uint16_t kMaxBodyFrequency = 2;                       // see Bm25()

// Weights of a word's readings other than itself (see the header).
constexpr float kSpellingVariant = 0.95F;  // a legitimate spelling, not a mistake
constexpr float kTelexReading = 0.9F;      // the writer's keys say what they meant
constexpr float kPrefix = 0.8F;
constexpr float kOneTypo = 0.6F;
constexpr std::size_t kMinPrefixLength = 2;  // one letter begins too many words to mean anything
constexpr std::size_t kMinTypoLength = 3;    // one edit turns most 2-letter words into other real words
constexpr std::size_t kMaxPrefixReadings = 12;
// The importance of a word no name or topic uses as written ("nấu", "thằng"): as telling as a common catalogue
// word, so that a question made of such words is not confidently answered by its one catalogue word.
constexpr float kUnknownImportance = 2.0F;
// A phrase the lexicon knows is searched for mainly in the catalogue's wording: its words as typed ("giấy" of
// "giấy khai sinh", "sổ" and "đỏ" of "sổ đỏ") say little about which procedure is meant.
constexpr float kTypedPhrase = 0.5F;
constexpr double kMassScale = 10.0;  // explained importance is divided by this, and capped at 2, for the confidence

constexpr float kOtherLevel = 0.6F;  // a procedure not of the searcher's level
// Among procedures that match a question alike, the one whose name the question explains best is the plain one
// ("đăng ký khai sinh" over "đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân"): the leaders' scores are
// multiplied by kPrecisionFloor + kPrecisionWeight × the share of their name's rarity that the question reads.
constexpr double kPrecisionFloor = 0.5;
constexpr double kPrecisionWeight = 1.0;
constexpr std::size_t kPrecisionLeaders = 50;
// A marked qualifier of the name the question does not read ("cấp lại" asked as "làm hộ chiếu") weighs this many
// times its rarity in the share; a default one ("lần đầu", "trong nước") not at all (search_lexicon.h).
constexpr double kMarkedUnread = 3.0;
// A name's parenthesis lists the cases or says where the procedure is performed ("(công trình không theo tuyến/
// theo tuyến trong đô thị/tín ngưỡng, tôn giáo/...)", "(thực hiện tại cấp tỉnh)"): one of them is the asker's and
// the others are not said against it, so an unread word there costs nothing, like a default qualifier (0.25 of
// its rarity measured worse on both question sets, docs/search.md).
constexpr double kParenthesizedUnread = 0.0;
constexpr float kAbolishedLevel = 0.5F;  // a district-level procedure
constexpr std::size_t kMaxQueryWords = 256;
constexpr std::size_t kMaxSuggestions = 3;
constexpr double kSuggestAbove = 0.2;        // below this confidence the abstention offers no procedure
constexpr std::size_t kConfidenceDepth = 2;  // hits compared for the lead of the first

std::string FoldedKey(std::string_view word) { return "f:" + std::string(word); }
std::string MarkedKey(std::string_view word) { return "m:" + std::string(word); }
std::string PairKey(std::string_view first, std::string_view second) {
  return "b:" + std::string(first) + ' ' + std::string(second);
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

// Final i and y after a consonant are the same sound and both spellings are in use (ký/kí, lý/lí, mỹ/mĩ,
// quý/quí). After a vowel they make different words (tai "ear" / tay "hand"), so those have no variant.
std::optional<std::string> SpellingVariant(std::string_view word) {
  if (word.size() < 2 || (word.back() != 'i' && word.back() != 'y')) return std::nullopt;
  const std::string_view stem = word.substr(0, word.size() - 1);
  if (IsVowel(stem.back()) && !stem.ends_with("qu")) return std::nullopt;
  return std::string(stem) + (word.back() == 'i' ? 'y' : 'i');
}

// Telex, the commonest Vietnamese input method, types "ă" as "aw", "ơ" as "ow", "đ" as "dd" and the tone as a
// final s/f/r/x/j; with the input method off, the keys stay in the text ("cawn cuowcs" for "căn cước"). No
// folded Vietnamese syllable ends in s, f, r, x or j, nor holds "aw", "ow", "uw", "aa", "ee", "oo" or "dd", so
// reading them back is safe. Returns the folded reading, or nothing when `word` has no telex key.
std::optional<std::string> TelexReading(std::string_view word) {
  std::string reading(word);
  bool changed = false;
  if (reading.size() > 2 && std::strchr("sfrxj", reading.back()) != nullptr) {
    reading.pop_back();
    changed = true;
  }
  for (const std::string_view keys : {"aw", "ow", "uw", "aa", "ee", "oo", "dd"}) {
    for (std::size_t at = reading.find(keys); at != std::string::npos; at = reading.find(keys, at)) {
      reading.erase(at + 1, 1);
      changed = true;
    }
  }
  if (!changed || reading.empty()) return std::nullopt;
  return reading;
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

// Scores are sums of floats in different orders; rounding makes equal rankings compare equal so that ties fall
// to the code, as documented, instead of to the last bit.
double Quantize(double score) { return std::round(score * 1e6) / 1e6; }

// Indexing folds some 1.2 million words of which a few tens of thousands are distinct: each distinct word is
// folded once. The cache lives for one constructor call on its thread (emptied at its end).
std::unordered_map<std::string, WordForms>& FormsCache() {
  thread_local std::unordered_map<std::string, WordForms> cache;
  return cache;
}

std::vector<WordForms> IndexForms(std::string_view text) {
  std::vector<WordForms> forms;
  for (std::string& lower : LowerTokens(text)) {
    auto found = FormsCache().find(lower);
    if (found == FormsCache().end()) found = FormsCache().emplace(lower, TokenForms(lower).front()).first;
    forms.push_back(found->second);
  }
  return forms;
}

// Most names begin "Thủ tục ..." ("procedure ..."): it says nothing about which.
bool BeginsWithThuTuc(const std::vector<WordForms>& words) {
  return words.size() > 2 && words[0].folded == "thu" && words[1].folded == "tuc";
}

std::vector<WordForms> NameWords(const std::string& name) {
  std::vector<WordForms> words = IndexForms(name);
  if (BeginsWithThuTuc(words)) words.erase(words.begin(), words.begin() + 2);
  return words;
}

}  // namespace

std::vector<bool> ParenthesizedNameWords(std::string_view name) {
  std::vector<bool> inside;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= name.size(); ++i) {
    if (i < name.size() && name[i] != '(' && name[i] != ')') continue;
    inside.insert(inside.end(), LowerTokens(name.substr(start, i - start)).size(), depth > 0);
    if (i < name.size()) depth = std::max(0, depth + (name[i] == '(' ? 1 : -1));
    start = i + 1;
  }
  const std::vector<std::string> words = LowerTokens(name);
  if (words.size() > 2 && FoldVietnamese(words[0]) == "thu" && FoldVietnamese(words[1]) == "tuc")
    inside.erase(inside.begin(), inside.begin() + 2);
  return inside;
}

namespace {

std::vector<WordForms> BodyWords(const Procedure& procedure) {
  std::string body = procedure.implementing_agency + " . " + procedure.competent_agency + " . " + procedure.decision;
  for (const std::string& group : procedure.target_groups) body += " . " + group;
  std::string last_case;
  for (const DossierComponent& component : procedure.components) {
    if (component.case_group != last_case) body += " . " + component.case_group;
    last_case = component.case_group;
    body += " . " + component.document;
  }
  return IndexForms(body);
}

}  // namespace

// ---- The index -------------------------------------------------------------------------------------------

bool ProcedureSearch::Document::HasLevel(std::string_view level) const {
  return std::ranges::find(levels, level) != levels.end();
}

ProcedureSearch::ProcedureSearch(std::span<const Procedure> procedures) {
  documents_.reserve(procedures.size());
  for (const Procedure& procedure : procedures) IndexDocument(procedure);
  FormsCache().clear();
  FinishTerms();
}

void ProcedureSearch::IndexDocument(const Procedure& procedure) {
  const auto id = static_cast<std::uint32_t>(documents_.size());
  Document& document = documents_.emplace_back();
  document.code = procedure.code;
  document.levels = procedure.levels;
  document.abolished_level = IsOfAbolishedLevel(procedure);
  const std::vector<WordForms> name = NameWords(procedure.name);
  for (std::size_t i = 0; i + 1 < name.size(); ++i) {
    name_pairs_folded_.insert(name[i].folded + ' ' + name[i + 1].folded);
    name_pairs_marked_.insert(name[i].marked + ' ' + name[i + 1].marked);
  }
  AddTokens(id, kName, name);
  for (const WordForms& word : name) document.name_terms.push_back(term_ids_.at(FoldedKey(word.folded)));
  document.name_words = name;
  document.parenthesized = ParenthesizedNameWords(procedure.name);
  document.parenthesized.resize(name.size(), false);
  AddTokens(id, kTopic, IndexForms(procedure.field + " . " + procedure.ministry));
  AddTokens(id, kBody, BodyWords(procedure));
  code_index_.emplace(FoldVietnamese(procedure.code), id);
}

// Every word counts as its folded and its marked form, and every two neighbouring words as a folded pair.
void ProcedureSearch::AddTokens(std::uint32_t document, Field field, const std::vector<WordForms>& words) {
  documents_[document].length[field] = static_cast<float>(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    CountTerm(FoldedKey(words[i].folded), document, field);
    if (words[i].HasMarks()) CountTerm(MarkedKey(words[i].marked), document, field);
    if (i + 1 < words.size()) CountTerm(PairKey(words[i].folded, words[i + 1].folded), document, field);
  }
}

void ProcedureSearch::CountTerm(std::string key, std::uint32_t document, Field field) {
  const auto [found, added] = term_ids_.try_emplace(std::move(key), static_cast<TermId>(terms_.size()));
  if (added) terms_.emplace_back();
  std::vector<Posting>& postings = terms_[found->second].postings;
  if (postings.empty() || postings.back().document != document) postings.push_back({document, {0, 0, 0}, 0.0F});
  std::uint16_t& frequency = postings.back().frequency[field];
  if (frequency < UINT16_MAX) ++frequency;
}

// The IDF of a term is read from the names and topics where it occurs in any (what a procedure is about); a
// term found only in bodies takes its rarity there. The vocabulary for typo readings is the names' and topics'.
void ProcedureSearch::FinishTerms() {
  const auto count = static_cast<double>(documents_.size());
  for (int field = 0; field < kFieldCount; ++field) {
    double total = 0;
    for (const Document& document : documents_) total += document.length[field];
    average_length_[field] = count == 0 ? 1.0F : std::max(1.0F, static_cast<float>(total / count));
  }
  for (Term& term : terms_) {
    std::size_t strong = 0;
    for (const Posting& posting : term.postings) strong += (posting.frequency[kName] + posting.frequency[kTopic]) > 0;
    const double df = static_cast<double>(strong > 0 ? strong : term.postings.size());
    term.idf = static_cast<float>(std::log(1.0 + (count - df + 0.5) / (df + 0.5)));
    for (Posting& posting : term.postings) posting.score = Bm25(term, posting);
  }
  for (const auto& [key, id] : term_ids_) {
    if (!key.starts_with("f:")) continue;
    const bool strong = std::ranges::any_of(
        terms_[id].postings, [](const Posting& p) { return p.frequency[kName] + p.frequency[kTopic] > 0; });
    if (strong) strong_words_.push_back(key.substr(2));
  }
  std::ranges::sort(strong_words_);
  for (std::uint32_t i = 0; i < strong_words_.size(); ++i) {
    const std::size_t length = strong_words_[i].size();
    if (words_by_length_.size() <= length) words_by_length_.resize(length + 1);
    words_by_length_[length].push_back(i);
  }
}

float ProcedureSearch::Bm25(const Term& term, const Posting& posting) const {
  const Document& document = documents_[posting.document];
  float frequency = 0;
  for (int f = 0; f < kFieldCount; ++f) {
    if (posting.frequency[f] == 0) continue;
    const float b = kFieldLengthNormalization[f];
    const float normalizer = 1.0F - b + b * document.length[f] / average_length_[f];
    // The body says whether a term is there, not how often: a component list that repeats the procedure's own
    // name twenty times must not outweigh a name.
    const auto count =
        f == kBody ? std::min<std::uint16_t>(posting.frequency[f], kMaxBodyFrequency) : posting.frequency[f];
    frequency += kFieldWeight[f] * static_cast<float>(count) / normalizer;
  }
  return term.idf * frequency * (kSaturation + 1.0F) / (kSaturation + frequency);
}

ProcedureSearch::TermId ProcedureSearch::FindTerm(std::string_view key) const {
  const auto found = term_ids_.find(std::string(key));
  return found == term_ids_.end() ? kNoTerm : found->second;
}

bool ProcedureSearch::IsStrongWord(std::string_view folded) const {
  return std::ranges::binary_search(strong_words_, folded);
}

bool ProcedureSearch::IsNamePair(const WordForms& first, const WordForms& second) const {
  if (first.HasMarks() && second.HasMarks()) return name_pairs_marked_.contains(first.marked + ' ' + second.marked);
  if (name_pairs_folded_.contains(first.folded + ' ' + second.folded)) return true;
  // A word typed with its telex keys left in pairs as the word meant: "can cuowc" is "căn cước", so its "can" is
  // not the filler "cần".
  const auto meant = [](const std::string& folded) { return TelexReading(folded).value_or(folded); };
  return name_pairs_folded_.contains(meant(first.folded) + ' ' + meant(second.folded));
}

namespace {

// What each word of a name is to the precision rerank: a plain word, or part of a default or marked qualifier
// (a marked one wins where both cover a word), with the first word of that qualifier.
enum class QualifierKind : std::uint8_t { kNone, kDefault, kMarked };
struct QualifiedWord {
  QualifierKind kind = QualifierKind::kNone;
  std::size_t start = 0;   // of the qualifier
  std::size_t length = 1;  // of the qualifier
};

// Where qualifiers overlap, the longer one says what the words are (the longest match): "nước ngoài" is the marked
// foreign case, but in "người gốc Việt Nam định cư ở nước ngoài", one of the owners a land procedure lists
// beside "hộ gia đình, cá nhân", it is part of a default one. Of two as long, the marked one wins.
bool Outranks(QualifierKind kind, std::size_t length, const QualifiedWord& current) {
  if (current.kind == QualifierKind::kNone) return kind != QualifierKind::kNone;
  if (length != current.length) return length > current.length;
  return kind > current.kind;
}

std::vector<QualifiedWord> QualifiersOf(const std::vector<WordForms>& name, const SearchLexicon& lexicon) {
  std::vector<QualifiedWord> words(name.size());
  for (std::size_t i = 0; i < name.size(); ++i) {
    for (const std::uint32_t q : lexicon.QualifiersStartingWith(name[i].folded)) {
      const NameQualifier& qualifier = lexicon.qualifiers()[q];
      const std::size_t length = qualifier.words.size();
      if (i + length > name.size()) continue;
      bool matches = true;
      for (std::size_t k = 0; k < length && matches; ++k) matches = WordMatches(name[i + k], qualifier.words[k]);
      if (!matches) continue;
      const QualifierKind kind = qualifier.marked ? QualifierKind::kMarked : QualifierKind::kDefault;
      for (std::size_t k = 0; k < length; ++k) {
        if (Outranks(kind, length, words[i + k])) words[i + k] = {kind, i, length};
      }
    }
  }
  return words;
}

}  // namespace

// ---- The query plan --------------------------------------------------------------------------------------

struct ProcedureSearch::Candidate {
  std::string folded;
  TermId folded_term = kNoTerm;
  TermId marked_term = kNoTerm;  // the word with the marks it was typed with, when the index has it
  bool typed_marks = false;      // the marks were typed: a procedure with other marks matches at kToneMismatch
  float weight = 1.0F;
};

struct ProcedureSearch::Slot {
  std::vector<Candidate> readings;  // empty: a word the index cannot read at all
  // How much the word says about which procedure is meant, for the confidence: the rarity (IDF) of the word as
  // typed when names or topics have it (with the marks it was typed with), half the rarity of its likeliest
  // reading when it reads only as a typo, and nothing when no name or topic has it as written ("thằng",
  // "mô", "rứa"): a word the catalogue does not use cannot tell against a procedure.
  float importance = 0;
};

struct ProcedureSearch::Plan {
  struct Alternative {
    std::vector<Slot> slots;
    float weight = 1.0F;  // kTypedPhrase for the words as typed of a phrase the lexicon knows
  };
  struct Concept {
    std::vector<Alternative> alternatives;
    double importance = 0;  // the rarity of its most telling word
  };
  std::vector<Concept> concepts;
};

ProcedureSearch::Plan ProcedureSearch::MakePlan(const AnalyzedQuery& analyzed) const {
  // Only the very last word of the question may be a word still being typed.
  const bool ends_in_kept_word = !analyzed.dropped.empty() && !analyzed.dropped.back();
  const auto kept_total = static_cast<std::size_t>(std::ranges::count(analyzed.dropped, false));
  Plan plan;
  std::size_t kept_before = 0;  // kept words before the current concept
  for (const QueryConcept& concept_ : analyzed.concepts) {
    Plan::Concept& planned = plan.concepts.emplace_back();
    const bool has_synonyms = concept_.alternatives.size() > 1;
    for (const QueryAlternative& alternative : concept_.alternatives) {
      Plan::Alternative& slots = planned.alternatives.emplace_back();
      if (has_synonyms && !alternative.from_synonym) slots.weight = kTypedPhrase;
      for (std::size_t w = 0; w < alternative.words.size(); ++w) {
        const bool last = ends_in_kept_word && !alternative.from_synonym && kept_before + w + 1 == kept_total;
        Slot slot = ReadWord(alternative.words[w], last);
        planned.importance = std::max(planned.importance, static_cast<double>(slot.importance));
        slots.slots.push_back(std::move(slot));
      }
    }
    kept_before += concept_.alternatives.front().words.size();
  }
  return plan;
}

ProcedureSearch::Slot ProcedureSearch::ReadWord(const WordForms& word, bool last_word) const {
  Slot slot;
  const TermId folded = FindTerm(FoldedKey(word.folded));
  if (folded != kNoTerm) {
    const TermId marked = word.HasMarks() ? FindTerm(MarkedKey(word.marked)) : kNoTerm;
    slot.readings.push_back({word.folded, folded, marked, word.HasMarks(), 1.0F});
  }
  AddCorrections(word, last_word, slot);
  slot.importance = kUnknownImportance;
  if (slot.readings.empty()) return slot;
  const Candidate& likeliest = *std::ranges::max_element(slot.readings, {}, &Candidate::weight);
  const float idf = terms_[likeliest.folded_term].idf;
  if (folded != kNoTerm) {
    const bool as_written =
        IsStrongWord(word.folded) && (!word.HasMarks() || slot.readings.front().marked_term != kNoTerm);
    if (as_written) slot.importance = idf;
  } else {
    slot.importance = likeliest.weight > kOneTypo ? idf : std::max(kUnknownImportance, idf / 2);
  }
  return slot;
}

// Readings of a word besides itself; a word of the index is taken as meant (no typo readings: "sinh" does not
// also look for "tinh"; no words it begins), but keeps its spelling variant.
void ProcedureSearch::AddCorrections(const WordForms& word, bool last_word, Slot& slot) const {
  const std::string& typed = word.folded;
  const bool known = FindTerm(FoldedKey(typed)) != kNoTerm;
  const auto add = [&](const std::string& reading, float weight) {
    const TermId term = FindTerm(FoldedKey(reading));
    if (term == kNoTerm || reading == typed) return;
    if (std::ranges::any_of(slot.readings, [&](const Candidate& c) { return c.folded == reading; })) return;
    slot.readings.push_back({reading, term, kNoTerm, false, weight});
  };
  const auto variant = SpellingVariant(typed);
  if (variant) add(*variant, kSpellingVariant);
  // A word still being typed is one the index does not know, nor its spelling variant ("ki" is "ky", not "kiểm").
  const bool variant_known = variant && FindTerm(FoldedKey(*variant)) != kNoTerm;
  if (last_word && !known && !variant_known && typed.size() >= kMinPrefixLength) {
    std::size_t added = 0;
    for (auto w = std::ranges::lower_bound(strong_words_, typed);
         w != strong_words_.end() && w->starts_with(typed) && added < kMaxPrefixReadings; ++w, ++added) {
      add(*w, kPrefix);
    }
  }
  if (known) return;
  if (const auto telex = TelexReading(typed)) add(*telex, kTelexReading);
  if (typed.size() < kMinTypoLength || words_by_length_.empty()) return;
  const std::size_t longest = std::min(typed.size() + 1, words_by_length_.size() - 1);
  for (std::size_t length = std::max(typed.size() - 1, kMinTypoLength); length <= longest; ++length) {
    for (const std::uint32_t i : words_by_length_[length]) {
      if (IsOneEditApart(typed, strong_words_[i])) add(strong_words_[i], kOneTypo);
    }
  }
}

// ---- Scoring ---------------------------------------------------------------------------------------------

// Dense per-document score arrays: the catalogue has a few thousand procedures, so a pass over an array is
// cheaper than keeping lists of the documents touched.
class ProcedureSearch::Scorer {
 public:
  explicit Scorer(const ProcedureSearch& index)
      : index_(index),
        total_(index.documents_.size(), 0.0F),
        concept_(total_.size()),
        alternative_(total_.size()),
        part_(total_.size()) {}

  // total = Σ concepts (best alternative: Σ slots + Σ neighbouring slot pairs) + Σ pairs across concepts.
  const std::vector<float>& Score(const Plan& plan) {
    for (std::size_t c = 0; c < plan.concepts.size(); ++c) {
      std::ranges::fill(concept_, 0.0F);
      for (const Plan::Alternative& alternative : plan.concepts[c].alternatives) {
        ScoreAlternative(alternative);
        const float weight = alternative.weight;
        for (std::size_t d = 0; d < total_.size(); ++d) concept_[d] = std::max(concept_[d], weight * alternative_[d]);
      }
      for (std::size_t d = 0; d < total_.size(); ++d) total_[d] += concept_[d];
      if (c + 1 < plan.concepts.size()) AddAcrossConcepts(plan.concepts[c], plan.concepts[c + 1]);
    }
    return total_;
  }

 private:
  void ScoreAlternative(const Plan::Alternative& alternative) {
    std::ranges::fill(alternative_, 0.0F);
    for (std::size_t s = 0; s < alternative.slots.size(); ++s) {
      SlotScores(alternative.slots[s]);
      AddPart(alternative_);
      if (s + 1 < alternative.slots.size()) {
        PairScores(alternative.slots[s], alternative.slots[s + 1]);
        AddPart(alternative_);
      }
    }
  }

  // The words as typed of two neighbouring concepts may form a pair ("khai" | "sinh" when "khai sinh" is
  // not one phrase of the lexicon).
  void AddAcrossConcepts(const Plan::Concept& left, const Plan::Concept& right) {
    const auto& left_slots = left.alternatives.front().slots;
    const auto& right_slots = right.alternatives.front().slots;
    if (left_slots.empty() || right_slots.empty()) return;
    PairScores(left_slots.back(), right_slots.front());
    AddPart(total_);
  }

  void SlotScores(const Slot& slot) {
    std::ranges::fill(part_, 0.0F);
    for (const Candidate& reading : slot.readings) {
      if (reading.marked_term != kNoTerm) MaxInto(reading.marked_term, reading.weight);
      MaxInto(reading.folded_term, reading.typed_marks ? reading.weight * kToneMismatch : reading.weight);
    }
  }

  void PairScores(const Slot& first, const Slot& second) {
    std::ranges::fill(part_, 0.0F);
    for (const Candidate& a : first.readings) {
      for (const Candidate& b : second.readings) {
        const TermId pair = index_.FindTerm(PairKey(a.folded, b.folded));
        if (pair != kNoTerm) MaxInto(pair, a.weight * b.weight);
      }
    }
  }

  void MaxInto(TermId term, float weight) {
    for (const Posting& posting : index_.terms_[term].postings) {
      float& slot = part_[posting.document];
      slot = std::max(slot, weight * posting.score);
    }
  }

  void AddPart(std::vector<float>& into) {
    for (std::size_t d = 0; d < into.size(); ++d) into[d] += part_[d];
  }

  const ProcedureSearch& index_;
  std::vector<float> total_, concept_, alternative_, part_;
};

// ---- Search ----------------------------------------------------------------------------------------------

SearchResult ProcedureSearch::Search(std::string_view query, const SearchOptions& options) const {
  static const SearchLexicon kNoLexicon;
  const SearchLexicon& lexicon = options.lexicon != nullptr ? *options.lexicon : kNoLexicon;
  const AnalyzedQuery analyzed = AnalyzeQuery(
      query, lexicon, [this](const WordForms& a, const WordForms& b) { return IsNamePair(a, b); }, kMaxQueryWords);
  SearchResult result;
  result.intent = analyzed.intent;
  result.intent_stated = analyzed.intent_stated;
  for (const Synonym* synonym : analyzed.synonyms_applied)
    result.understood.emplace_back(synonym->phrase, synonym->expansion);
  for (std::size_t i = 0; i < analyzed.words.size(); ++i) {
    if (analyzed.dropped[i]) result.ignored_words.push_back(analyzed.words[i].marked);
  }
  if (options.limit == 0) return result;
  if (auto by_code = FindByCode(analyzed.words)) {
    if (!options.level || documents_[by_code->index].HasLevel(*options.level)) {
      result.hits.push_back(std::move(*by_code));
      result.confidence = result.coverage = result.lead = 1.0;
      result.mass = 2.0;
      result.name_read = 1.0;
      return result;
    }
  }
  const Plan plan = MakePlan(analyzed);
  Scorer scorer(*this);
  std::vector<SearchHit> ranked = Rank(scorer.Score(plan), options, kPrecisionLeaders);
  Rerank(plan, lexicon, ranked);
  if (ranked.size() > std::max(options.limit, kConfidenceDepth))
    ranked.resize(std::max(options.limit, kConfidenceDepth));
  JudgeConfidence(plan, ranked, result);
  result.abstained = ranked.empty() || !IsListed(result, ranked[0]);
  if (result.abstained) {
    // Weak hits are offered as "thử ..." only when they are not random: a cooking question gets none.
    if (result.confidence >= kSuggestAbove) {
      result.suggestions.assign(ranked.begin(),
                                ranked.begin() + static_cast<std::ptrdiff_t>(std::min(kMaxSuggestions, ranked.size())));
    }
    if (options.rank_when_abstaining) {
      if (ranked.size() > options.limit) ranked.resize(options.limit);
      result.hits = std::move(ranked);
    }
  } else {
    if (ranked.size() > options.limit) ranked.resize(options.limit);
    result.hits = std::move(ranked);
  }
  return result;
}

bool ProcedureSearch::IsListed(const SearchResult& result, const SearchHit& first) {
  if (result.coverage >= kListCoverage && first.score >= kListCoverageStrength) return true;
  if (first.name_read >= kListNameRead && first.score >= kListNameStrength) return true;
  if (result.core_read >= 1.0 && first.name_read >= kListCoreNameRead && result.lead >= kListCoreLead &&
      first.score >= kListCoreStrength) {
    return true;
  }
  return result.confidence >= kAbstainBelow && first.score >= kMinStrength;
}

std::optional<SearchHit> ProcedureSearch::FindByCode(const std::vector<WordForms>& words) const {
  for (const WordForms& word : words) {
    const auto found = code_index_.find(word.folded);
    if (found != code_index_.end()) {
      const Document& document = documents_[found->second];
      return SearchHit{found->second, document.code, 1.0, document.abolished_level, 1.0};
    }
  }
  return std::nullopt;
}

std::vector<SearchHit> ProcedureSearch::Rank(const std::vector<float>& scores, const SearchOptions& options,
                                             std::size_t limit) const {
  std::vector<SearchHit> hits;
  for (std::uint32_t d = 0; d < scores.size(); ++d) {
    if (scores[d] <= 0.0F) continue;
    const Document& document = documents_[d];
    if (options.level && !document.HasLevel(*options.level)) continue;
    double score = scores[d];
    if (options.preferred_level && !document.HasLevel(*options.preferred_level)) score *= kOtherLevel;
    if (document.abolished_level) score *= kAbolishedLevel;
    hits.push_back({d, document.code, Quantize(score), document.abolished_level});
  }
  const auto better = [](const SearchHit& a, const SearchHit& b) {
    return a.score != b.score ? a.score > b.score : a.code < b.code;
  };
  const std::size_t count = std::min(limit, hits.size());
  std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(count), hits.end(), better);
  hits.resize(count);
  return hits;
}

void ProcedureSearch::Rerank(const Plan& plan, const SearchLexicon& lexicon, std::vector<SearchHit>& ranked) const {
  std::unordered_set<TermId> read;
  for (const Plan::Concept& concept_ : plan.concepts) {
    for (const Plan::Alternative& alternative : concept_.alternatives) {
      if (alternative.weight < 1.0F) continue;  // the typed words of a known phrase explain no name
      for (const Slot& slot : alternative.slots) {
        for (const Candidate& reading : slot.readings) read.insert(reading.folded_term);
      }
    }
  }
  for (SearchHit& hit : ranked) {
    const Document& document = documents_[hit.index];
    const std::vector<QualifiedWord> qualified = QualifiersOf(document.name_words, lexicon);
    const auto is_read = [&](std::size_t i) { return read.contains(document.name_terms[i]); };
    // A qualifier the question reads in part is the case asked about ("nước ngoài" of "có yếu tố nước
    // ngoài"): its other words are the law's wording and cost nothing. In part means the one word of a
    // one-word qualifier or two neighbouring words of a longer one: "đóng" folds like the "động" of "lưu
    // động", "ngoại" like the "ngoài" of "nước ngoài", and one such word says nothing.
    const auto partly_read = [&](const QualifiedWord& word) {
      if (word.length == 1) return is_read(word.start);
      for (std::size_t k = word.start; k + 1 < word.start + word.length; ++k) {
        if (is_read(k) && is_read(k + 1)) return true;
      }
      return false;
    };
    double explained = 0, total = 0;
    for (std::size_t i = 0; i < document.name_terms.size(); ++i) {
      const double idf = terms_[document.name_terms[i]].idf;
      const QualifiedWord& word = qualified[i];
      if (is_read(i)) {
        explained += idf;
        total += idf;
      } else if (word.kind == QualifierKind::kNone) {
        total += document.parenthesized[i] ? kParenthesizedUnread * idf : idf;
      } else if (word.kind == QualifierKind::kMarked && !partly_read(word)) {
        total += kMarkedUnread * idf;
      }
    }
    const double precision = total == 0 ? 0 : explained / total;
    hit.name_read = Quantize(precision);
    hit.score = Quantize(hit.score * (kPrecisionFloor + kPrecisionWeight * precision));
  }
  std::ranges::sort(ranked, [](const SearchHit& a, const SearchHit& b) {
    return a.score != b.score ? a.score > b.score : a.code < b.code;
  });
}

void ProcedureSearch::JudgeConfidence(const Plan& plan, const std::vector<SearchHit>& ranked,
                                      SearchResult& result) const {
  if (ranked.empty()) return;
  const auto [explained, total] = StrongCoverage(plan, static_cast<std::uint32_t>(ranked[0].index));
  result.coverage = total == 0 ? 0 : Quantize(explained / total);
  result.mass = Quantize(std::min(2.0, explained / kMassScale));
  result.name_read = ranked[0].name_read;
  result.core_read = Quantize(CoreRead(plan, static_cast<std::uint32_t>(ranked[0].index)));
  result.lead = ranked.size() < 2 ? 1.0 : Quantize((ranked[0].score - ranked[1].score) / ranked[0].score);
  const double x = kCoverageCoefficient * result.coverage + kMassCoefficient * result.mass +
                   kLeadCoefficient * result.lead + kIntercept;
  result.confidence = Quantize(1.0 / (1.0 + std::exp(-x)));
}

// How much of the question, weighed by the rarity of each concept, the document's name and topic explain: per
// concept, its best alternative's share of words found there (a reading counts at its weight).
std::pair<double, double> ProcedureSearch::StrongCoverage(const Plan& plan, std::uint32_t document) const {
  double explained = 0;
  double total = 0;
  for (const Plan::Concept& concept_ : plan.concepts) {
    double best = 0;
    for (const Plan::Alternative& alternative : concept_.alternatives) {
      if (alternative.slots.empty()) continue;
      double found = 0;
      for (const Slot& slot : alternative.slots) {
        float weight = 0;
        for (const Candidate& reading : slot.readings) weight = std::max(weight, ReadingIn(reading, document));
        found += weight;
      }
      best = std::max(best, alternative.weight * found / static_cast<double>(alternative.slots.size()));
    }
    explained += concept_.importance * best;
    total += concept_.importance;
  }
  return {explained, total};
}

double ProcedureSearch::CoreRead(const Plan& plan, std::uint32_t document) const {
  std::unordered_set<TermId> pairs;
  const auto add = [&](const Slot& first, const Slot& second) {
    for (const Candidate& a : first.readings) {
      for (const Candidate& b : second.readings) {
        const TermId pair = FindTerm(PairKey(a.folded, b.folded));
        if (pair != kNoTerm) pairs.insert(pair);
      }
    }
  };
  for (std::size_t c = 0; c < plan.concepts.size(); ++c) {
    for (const Plan::Alternative& alternative : plan.concepts[c].alternatives) {
      for (std::size_t s = 0; s + 1 < alternative.slots.size(); ++s)
        add(alternative.slots[s], alternative.slots[s + 1]);
    }
    if (c + 1 == plan.concepts.size()) continue;
    const auto& left = plan.concepts[c].alternatives.front().slots;
    const auto& right = plan.concepts[c + 1].alternatives.front().slots;
    if (!left.empty() && !right.empty()) add(left.back(), right.front());
  }
  const std::vector<WordForms>& name = documents_[document].name_words;
  double rarest = 0, rarest_read = 0;
  for (std::size_t i = 0; i + 1 < name.size(); ++i) {
    const TermId pair = FindTerm(PairKey(name[i].folded, name[i + 1].folded));
    if (pair == kNoTerm) continue;
    rarest = std::max(rarest, static_cast<double>(terms_[pair].idf));
    if (pairs.contains(pair)) rarest_read = std::max(rarest_read, static_cast<double>(terms_[pair].idf));
  }
  return rarest == 0 ? 0 : rarest_read / rarest;
}

// The weight of a reading where the document's name or topic has it (with the typed marks, or at kToneMismatch
// without them), else 0.
float ProcedureSearch::ReadingIn(const Candidate& reading, std::uint32_t document) const {
  if (reading.marked_term != kNoTerm && InNameOrTopic(reading.marked_term, document)) return reading.weight;
  if (!InNameOrTopic(reading.folded_term, document)) return 0;
  return reading.typed_marks ? reading.weight * kToneMismatch : reading.weight;
}

bool ProcedureSearch::InNameOrTopic(TermId term, std::uint32_t document) const {
  const std::vector<Posting>& postings = terms_[term].postings;
  const auto found = std::ranges::lower_bound(postings, document, {}, &Posting::document);
  return found != postings.end() && found->document == document &&
         found->frequency[kName] + found->frequency[kTopic] > 0;
}

bool IsOfAbolishedLevel(const Procedure& procedure) {
  const std::string name = FoldVietnamese(procedure.name);
  if (name.find("cap huyen") != std::string::npos) return true;
  std::size_t agencies = 0;
  for (const std::string* text : {&procedure.implementing_agency, &procedure.competent_agency}) {
    std::string folded = FoldVietnamese(*text);
    std::size_t start = 0;
    while (start <= folded.size()) {
      std::size_t end = folded.find_first_of(",;", start);
      if (end == std::string::npos) end = folded.size();
      const std::string part = folded.substr(start, end - start);
      if (part.find_first_not_of(" .") != std::string::npos) {
        if (part.find("huyen") == std::string::npos) return false;
        ++agencies;
      }
      start = end + 1;
    }
  }
  return agencies > 0;
}

}  // namespace motcua
