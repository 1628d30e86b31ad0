#include "domain/query_analysis.h"

#include <algorithm>
#include <cstdint>
#include <map>

namespace motcua {
namespace {

// The words of `query`, chat shorthand ("ko", "dc", "j": the lexicon's shorthand, data/reference/search/
// shorthand.csv) replaced by the words it stands for, so that "giấy tờ j" is the cue "giấy tờ gì", "dc ko" the
// filler "được không" and "hòa giải ko thành" the synonym "hòa giải không thành".
std::vector<WordForms> ReadWords(std::string_view query, const SearchLexicon& lexicon) {
  std::vector<WordForms> words;
  for (WordForms& word : TokenForms(query)) {
    const std::vector<WordForms>* meant = lexicon.ShorthandFor(word.marked);
    if (meant == nullptr) {
      words.push_back(std::move(word));
      continue;
    }
    words.insert(words.end(), meant->begin(), meant->end());
  }
  return words;
}

// Whether `phrase` matches the words from `at` on, none of them already taken.
bool PhraseMatchesAt(const std::vector<WordForms>& phrase, const std::vector<WordForms>& words,
                     const std::vector<bool>& taken, std::size_t at) {
  if (phrase.empty() || at + phrase.size() > words.size()) return false;
  for (std::size_t i = 0; i < phrase.size(); ++i) {
    if (taken[at + i] || !WordMatches(words[at + i], phrase[i])) return false;
  }
  return true;
}

// The longest phrase of `entries` (each with .words) matching at `at`, or nullptr; only the entries at
// `candidates` (those starting with the typed word's folded form) can match.
template <typename Entry, typename WordsOf>
const Entry* LongestAt(const std::vector<Entry>& entries, const std::vector<std::uint32_t>& candidates,
                       WordsOf words_of, const std::vector<WordForms>& words, const std::vector<bool>& taken,
                       std::size_t at) {
  const Entry* best = nullptr;
  for (const std::uint32_t candidate : candidates) {
    const Entry& entry = entries[candidate];
    const auto& phrase = words_of(entry);
    if ((best == nullptr || phrase.size() > words_of(*best).size()) && PhraseMatchesAt(phrase, words, taken, at)) {
      best = &entry;
    }
  }
  return best;
}

// Whether `word` is a function word: a one-word filler dropped wherever it stands ("có", "được", "cho", "với"),
// typed with its marks. Typed without marks it may be another word that folds like it ("vang" may be the filler
// "vâng" or the "vắng" of "khai báo tạm vắng"), which a name pair with its neighbour tells.
bool IsFunctionWord(const WordForms& word, const SearchLexicon& lexicon) {
  if (!word.HasMarks()) return false;
  for (const std::uint32_t i : lexicon.FillersStartingWith(word.folded)) {
    const FillerPhrase& filler = lexicon.fillers()[i];
    if (filler.words.size() == 1 && !filler.phrase_only && filler.words[0].marked == word.marked) return true;
  }
  return false;
}

// Which words of a filler or cue phrase found at [begin, end) stay topic: a word at its edge that forms a catalogue
// name pair with its neighbour outside the phrase, and the words of the phrase that chain to that one through
// name pairs. So the cue "lệ phí" stays whole in "lệ phí trước bạ" ("phí trước", then "lệ phí"), but of the filler
// "bao nhiêu tiền" in "bao nhiêu tiền sử dụng đất" only "tiền" stays ("nhiêu tiền" is no pair of a name). A
// function word does not stay by pairing with the word before it: names put "có", "được" before what they govern
// ("khai tử có yếu tố nước ngoài", "đã được cấp"), so in "khai tử có mất tiền không" the "có" is the question's.
std::vector<bool> TopicWordsOf(const std::vector<WordForms>& words, std::size_t begin, std::size_t end,
                               const NamePairTest& is_name_pair, const SearchLexicon& lexicon) {
  std::vector<bool> topic(end - begin, false);
  if (begin > 0 && is_name_pair(words[begin - 1], words[begin]) && !IsFunctionWord(words[begin], lexicon)) {
    topic[0] = true;
    for (std::size_t i = begin + 1; i < end && is_name_pair(words[i - 1], words[i]); ++i) topic[i - begin] = true;
  }
  if (end < words.size() && is_name_pair(words[end - 1], words[end])) {
    topic[end - 1 - begin] = true;
    for (std::size_t i = end - 1; i > begin && is_name_pair(words[i - 1], words[i]); --i) topic[i - 1 - begin] = true;
  }
  return topic;
}

void Mark(std::vector<bool>& flags, std::size_t begin, std::size_t count) {
  std::fill_n(flags.begin() + static_cast<std::ptrdiff_t>(begin), count, true);
}

// Finds the synonym phrases first (longest, left to right): their words are topic, never dropped as filler or cue
// ("với" is filler, but not in "kết hôn với người nước ngoài"). Returns, per word, the synonym starting there.
std::vector<const Synonym*> FindSynonyms(const AnalyzedQuery& analyzed, const SearchLexicon& lexicon,
                                         std::vector<bool>& in_synonym) {
  std::vector<const Synonym*> starting(analyzed.words.size(), nullptr);
  const std::vector<bool> none_taken(analyzed.words.size(), false);
  const auto phrase_words = [](const Synonym& s) -> const std::vector<WordForms>& { return s.phrase_words; };
  for (std::size_t at = 0; at < analyzed.words.size();) {
    const Synonym* longest = LongestAt(lexicon.synonyms(), lexicon.SynonymsStartingWith(analyzed.words[at].folded),
                                       phrase_words, analyzed.words, none_taken, at);
    if (longest == nullptr) {
      ++at;
      continue;
    }
    starting[at] = longest;
    Mark(in_synonym, at, longest->phrase_words.size());
    at += longest->phrase_words.size();
  }
  return starting;
}

// Finds the cue phrases among the words at `positions`, adds up their weights per intent and marks their words
// dropped, except those of synonyms and name pairs; sets the heaviest intent, if any cue was found.
void FindIntent(AnalyzedQuery& analyzed, const std::vector<std::size_t>& positions, const SearchLexicon& lexicon,
                const NamePairTest& is_name_pair, const std::vector<bool>& in_synonym) {
  std::vector<WordForms> words;
  for (const std::size_t p : positions) words.push_back(analyzed.words[p]);
  std::map<QuestionIntent, int> weights;
  const auto cue_words = [](const IntentCue& cue) -> const std::vector<WordForms>& { return cue.words; };
  const std::vector<bool> none_taken(words.size(), false);
  for (std::size_t at = 0; at < words.size();) {
    const IntentCue* cue =
        LongestAt(lexicon.cues(), lexicon.CuesStartingWith(words[at].folded), cue_words, words, none_taken, at);
    if (cue == nullptr) {
      ++at;
      continue;
    }
    weights[cue->intent] += cue->weight;
    const std::size_t end = at + cue->words.size();
    bool in_phrase = false;
    for (std::size_t i = at; i < end; ++i) in_phrase = in_phrase || in_synonym[positions[i]];
    const std::vector<bool> topic = TopicWordsOf(words, at, end, is_name_pair, lexicon);
    for (std::size_t i = at; i < end && !in_phrase; ++i) {
      if (!topic[i - at]) analyzed.dropped[positions[i]] = true;
    }
    at = end;
  }
  int heaviest = 0;
  for (const QuestionIntent intent : AllQuestionIntents()) {
    const auto found = weights.find(intent);
    if (found == weights.end() || found->second <= heaviest) continue;
    heaviest = found->second;
    analyzed.intent = intent;
    analyzed.intent_stated = true;
  }
}

std::vector<std::size_t> KeptPositions(const AnalyzedQuery& analyzed) {
  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < analyzed.words.size(); ++i) {
    if (!analyzed.dropped[i]) kept.push_back(i);
  }
  return kept;
}

// A phrase_only filler of several words is dropped only whole; a single-word one behaves like any single word.
void DropFillers(AnalyzedQuery& analyzed, const SearchLexicon& lexicon, const NamePairTest& is_name_pair,
                 const std::vector<bool>& in_synonym) {
  const auto filler_words = [](const FillerPhrase& f) -> const std::vector<WordForms>& { return f.words; };
  std::vector<bool> seen = analyzed.dropped;
  for (std::size_t i = 0; i < seen.size(); ++i) seen[i] = seen[i] || in_synonym[i];
  for (std::size_t at = 0; at < analyzed.words.size();) {
    const FillerPhrase* filler = LongestAt(lexicon.fillers(), lexicon.FillersStartingWith(analyzed.words[at].folded),
                                           filler_words, analyzed.words, seen, at);
    if (filler == nullptr) {
      ++at;
      continue;
    }
    const std::size_t end = at + filler->words.size();
    const std::vector<bool> topic = TopicWordsOf(analyzed.words, at, end, is_name_pair, lexicon);
    for (std::size_t i = at; i < end; ++i) {
      if (!topic[i - at]) analyzed.dropped[i] = true;
    }
    Mark(seen, at, filler->words.size());
    at = end;
  }
}

// Groups the kept words into concepts, a synonym's phrase into one concept whose alternatives are the words as
// typed and every row's expansion of that phrase ("hộ khẩu" → thường trú, tạm trú, cư trú).
void BuildConcepts(AnalyzedQuery& analyzed, const SearchLexicon& lexicon, const std::vector<const Synonym*>& starting) {
  for (std::size_t at = 0; at < analyzed.words.size();) {
    if (analyzed.dropped[at]) {
      ++at;
      continue;
    }
    const Synonym* synonym = starting[at];
    const std::size_t length = synonym == nullptr ? 1 : synonym->phrase_words.size();
    QueryConcept& concept_ = analyzed.concepts.emplace_back();
    const auto first = analyzed.words.begin() + static_cast<std::ptrdiff_t>(at);
    concept_.alternatives.push_back({{first, first + static_cast<std::ptrdiff_t>(length)}, false});
    if (synonym != nullptr) {
      const std::vector<bool> none_taken(analyzed.words.size(), false);
      for (const std::uint32_t candidate : lexicon.SynonymsStartingWith(analyzed.words[at].folded)) {
        const Synonym& other = lexicon.synonyms()[candidate];
        if (other.phrase_words.size() != length ||
            !PhraseMatchesAt(other.phrase_words, analyzed.words, none_taken, at)) {
          continue;
        }
        concept_.alternatives.push_back({other.expansion_words, true});
        analyzed.synonyms_applied.push_back(&other);
      }
    }
    at += length;
  }
}

}  // namespace

AnalyzedQuery AnalyzeQuery(std::string_view query, const SearchLexicon& lexicon, const NamePairTest& is_name_pair,
                           std::size_t max_words) {
  AnalyzedQuery analyzed;
  analyzed.words = ReadWords(query, lexicon);
  if (analyzed.words.size() > max_words) analyzed.words.resize(max_words);
  analyzed.dropped.assign(analyzed.words.size(), false);
  std::vector<bool> in_synonym(analyzed.words.size(), false);
  const std::vector<const Synonym*> synonyms = FindSynonyms(analyzed, lexicon, in_synonym);
  FindIntent(analyzed, KeptPositions(analyzed), lexicon, is_name_pair, in_synonym);
  DropFillers(analyzed, lexicon, is_name_pair, in_synonym);
  // A cue split by filler ("mang những giấy gì theo" holds "mang giấy gì theo") is found once the filler is gone.
  if (!analyzed.intent_stated) FindIntent(analyzed, KeptPositions(analyzed), lexicon, is_name_pair, in_synonym);
  BuildConcepts(analyzed, lexicon, synonyms);
  return analyzed;
}

}  // namespace motcua
