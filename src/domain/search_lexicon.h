#pragma once
// The words search needs besides the catalogue: filler words people wrap their question in ("cho em hỏi",
// "thì", "cần"), cue phrases that tell what is asked ("bao nhiêu tiền" → fee), and the words people use for
// the catalogue's terms ("sổ đỏ" → "giấy chứng nhận quyền sử dụng đất", "CCCD" → "căn cước"). The national
// defaults ship in data/reference/search/ (README there says where each row comes from); a province adds its
// own. Every phrase is kept as written (lower case, with its tone marks) and folded, so that it is matched
// before tone folding: "cần" (filler) never removes the "căn" of "căn cước" typed with its marks.
//
// A plain value: build it, then share it read-only between any number of threads.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/error.h"
#include "domain/question_intent.h"
#include "domain/text_folding.h"

namespace motcua {

struct FillerPhrase {
  std::vector<WordForms> words;
  // True: dropped only as this whole phrase ("cho con" in "cho con hỏi"), never as one of its words alone.
  // Single words are dropped alone either way.
  bool phrase_only = false;
};

struct IntentCue {
  std::vector<WordForms> words;
  QuestionIntent intent = QuestionIntent::kOverview;
  int weight = 1;  // 1..3; 3 = the phrase means this intent and nothing else
};

struct Synonym {
  std::string phrase;     // as people say it, e.g. "sổ đỏ"
  std::string expansion;  // as the catalogue says it, e.g. "giấy chứng nhận quyền sử dụng đất"
  std::vector<WordForms> phrase_words;
  std::vector<WordForms> expansion_words;
};

// Words of catalogue names that tell one variant of a procedure from another. A `default` qualifier names the
// case people mean when they say nothing ("lần đầu", "trong nước", "thực hiện tại cấp tỉnh"): a name is not the
// worse for holding it unasked. A `marked` one names a case people say when they mean it ("cấp lại", "gia hạn",
// "có yếu tố nước ngoài", "tổ chức"): a name holding it unasked is probably not the one meant ("làm hộ chiếu"
// is "cấp hộ chiếu", not "trình báo mất hộ chiếu").
struct NameQualifier {
  std::vector<WordForms> words;
  bool marked = false;
};

class SearchLexicon {
 public:
  // Each Add* takes the phrase as text and cuts it into words (TokenForms). InvalidArgument naming "phrase"
  // (or "expansion", "weight") when it has no word, or the weight is outside 1..3.
  Result<void> AddFiller(std::string_view phrase, bool phrase_only);
  Result<void> AddIntentCue(std::string_view phrase, QuestionIntent intent, int weight);
  Result<void> AddSynonym(std::string_view phrase, std::string_view expansion);

  Result<void> AddNameQualifier(std::string_view phrase, bool marked);
  // Chat shorthand typed on phones ("ko", "dc", "j", "bn", "dk"): one word, lower case as typed ("đc" with its
  // marks), read as the words it stands for ("không", "được", "gì", "bao nhiêu", "đăng ký") before anything else
  // of a question is matched. InvalidArgument naming "typed" when it is not exactly one word, or "meant" when it
  // has no word. A second row for the same typed word replaces the first (a province's rows read after the
  // national ones).
  Result<void> AddShorthand(std::string_view typed, std::string_view meant);

  const std::vector<FillerPhrase>& fillers() const { return fillers_; }
  const std::vector<IntentCue>& cues() const { return cues_; }
  const std::vector<Synonym>& synonyms() const { return synonyms_; }
  const std::vector<NameQualifier>& qualifiers() const { return qualifiers_; }
  // The words a typed word stands for when it is shorthand (matched as typed, lower case), else nullptr.
  const std::vector<WordForms>* ShorthandFor(const std::string& typed) const;

  // The positions in fillers(), cues() or synonyms() of the phrases whose first word folds to `folded`: a typed
  // word can only match a phrase starting with its own folded form, so the analysis looks at these alone.
  const std::vector<std::uint32_t>& FillersStartingWith(const std::string& folded) const;
  const std::vector<std::uint32_t>& CuesStartingWith(const std::string& folded) const;
  const std::vector<std::uint32_t>& SynonymsStartingWith(const std::string& folded) const;
  const std::vector<std::uint32_t>& QualifiersStartingWith(const std::string& folded) const;

 private:
  using FirstWordIndex = std::unordered_map<std::string, std::vector<std::uint32_t>>;
  static const std::vector<std::uint32_t>& Lookup(const FirstWordIndex& index, const std::string& folded);

  std::vector<FillerPhrase> fillers_;
  std::vector<IntentCue> cues_;
  std::vector<Synonym> synonyms_;
  std::vector<NameQualifier> qualifiers_;
  std::unordered_map<std::string, std::vector<WordForms>> shorthand_;  // typed word → the words meant
  FirstWordIndex fillers_by_first_, cues_by_first_, synonyms_by_first_, qualifiers_by_first_;
};

// Whether `typed` may be the lexicon's `entry`: the same word as written, or, when the writer typed no marks at
// all ("can"), the same folded word. A typed word with marks must match with its marks: "cần" is not "căn".
bool WordMatches(const WordForms& typed, const WordForms& entry);

}  // namespace motcua
