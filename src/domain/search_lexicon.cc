#include "domain/search_lexicon.h"

#include <string>

namespace motcua {
namespace {

Result<std::vector<WordForms>> WordsOf(std::string_view text, const char* field) {
  std::vector<WordForms> words = TokenForms(text);
  if (words.empty()) {
    return Fail(Error::InvalidArgument(field, std::string(field) + " không có chữ nào: '" + std::string(text) + "'",
                                       std::string(field) + " has no word: '" + std::string(text) + "'"));
  }
  return words;
}

}  // namespace

Result<void> SearchLexicon::AddFiller(std::string_view phrase, bool phrase_only) {
  auto words = WordsOf(phrase, "phrase");
  if (!words) return Fail(words.error());
  fillers_by_first_[words->front().folded].push_back(static_cast<std::uint32_t>(fillers_.size()));
  fillers_.push_back({std::move(*words), phrase_only});
  return {};
}

Result<void> SearchLexicon::AddIntentCue(std::string_view phrase, QuestionIntent intent, int weight) {
  if (weight < 1 || weight > 3) {
    return Fail(Error::InvalidArgument("weight", "trọng số phải từ 1 đến 3", "weight must be 1 to 3"));
  }
  auto words = WordsOf(phrase, "phrase");
  if (!words) return Fail(words.error());
  cues_by_first_[words->front().folded].push_back(static_cast<std::uint32_t>(cues_.size()));
  cues_.push_back({std::move(*words), intent, weight});
  return {};
}

Result<void> SearchLexicon::AddSynonym(std::string_view phrase, std::string_view expansion) {
  auto phrase_words = WordsOf(phrase, "phrase");
  if (!phrase_words) return Fail(phrase_words.error());
  auto expansion_words = WordsOf(expansion, "expansion");
  if (!expansion_words) return Fail(expansion_words.error());
  synonyms_by_first_[phrase_words->front().folded].push_back(static_cast<std::uint32_t>(synonyms_.size()));
  synonyms_.push_back(
      {std::string(phrase), std::string(expansion), std::move(*phrase_words), std::move(*expansion_words)});
  return {};
}

Result<void> SearchLexicon::AddNameQualifier(std::string_view phrase, bool marked) {
  auto words = WordsOf(phrase, "phrase");
  if (!words) return Fail(words.error());
  qualifiers_by_first_[words->front().folded].push_back(static_cast<std::uint32_t>(qualifiers_.size()));
  qualifiers_.push_back({std::move(*words), marked});
  return {};
}

Result<void> SearchLexicon::AddShorthand(std::string_view typed, std::string_view meant) {
  auto typed_words = WordsOf(typed, "typed");
  if (!typed_words) return Fail(typed_words.error());
  if (typed_words->size() != 1) {
    return Fail(Error::InvalidArgument("typed", "chữ viết tắt phải là một từ: '" + std::string(typed) + "'",
                                       "shorthand must be one word: '" + std::string(typed) + "'"));
  }
  auto meant_words = WordsOf(meant, "meant");
  if (!meant_words) return Fail(meant_words.error());
  shorthand_[typed_words->front().marked] = std::move(*meant_words);
  return {};
}

const std::vector<WordForms>* SearchLexicon::ShorthandFor(const std::string& typed) const {
  const auto found = shorthand_.find(typed);
  return found == shorthand_.end() ? nullptr : &found->second;
}

const std::vector<std::uint32_t>& SearchLexicon::Lookup(const FirstWordIndex& index, const std::string& folded) {
  static const std::vector<std::uint32_t> kNone;
  const auto found = index.find(folded);
  return found == index.end() ? kNone : found->second;
}

const std::vector<std::uint32_t>& SearchLexicon::FillersStartingWith(const std::string& folded) const {
  return Lookup(fillers_by_first_, folded);
}
const std::vector<std::uint32_t>& SearchLexicon::CuesStartingWith(const std::string& folded) const {
  return Lookup(cues_by_first_, folded);
}
const std::vector<std::uint32_t>& SearchLexicon::SynonymsStartingWith(const std::string& folded) const {
  return Lookup(synonyms_by_first_, folded);
}
const std::vector<std::uint32_t>& SearchLexicon::QualifiersStartingWith(const std::string& folded) const {
  return Lookup(qualifiers_by_first_, folded);
}

bool WordMatches(const WordForms& typed, const WordForms& entry) {
  if (typed.marked == entry.marked) return true;
  return !typed.HasMarks() && typed.folded == entry.folded;
}

}  // namespace motcua
