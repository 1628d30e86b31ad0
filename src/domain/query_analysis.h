#pragma once
// The first stage of search: what a typed question asks (its intent) and which of its words are about the
// topic. Runs on the words as written, before tone folding, because folding merges filler words with topic
// words ("cần" need → "can" like "căn" of "căn cước"; "đang" → "dang" like "đăng" of "đăng ký").
//
//   "Cho em hỏi làm sổ đỏ thì cần giấy tờ gì ạ"
//     intent: documents ("giấy tờ gì");  dropped: cho em hỏi, thì, cần, giấy tờ gì, ạ;
//     concepts: [làm] [sổ đỏ | giấy chứng nhận quyền sử dụng đất | ...]
//
// Pure function of its inputs; safe from any thread.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/question_intent.h"
#include "domain/search_lexicon.h"
#include "domain/text_folding.h"

namespace motcua {

// One way of saying a part of the question: the words as typed, or a synonym's catalogue wording.
struct QueryAlternative {
  std::vector<WordForms> words;
  bool from_synonym = false;
};

// One part of the question: a single topic word, or a phrase the lexicon knows with its alternatives (the
// words as typed first). Search scores a procedure on a concept by its best alternative, so that a phrase
// counts once however many ways the lexicon has of saying it.
struct QueryConcept {
  std::vector<QueryAlternative> alternatives;
};

struct AnalyzedQuery {
  QuestionIntent intent = QuestionIntent::kOverview;
  bool intent_stated = false;                    // false: no cue phrase, overview by default
  std::vector<WordForms> words;                  // every word of the question, as cut by TokenForms (the
                                                 // lexicon's shorthand read as the words it stands for: "ko" →
                                                 // "không")
  std::vector<bool> dropped;                     // per word: filler or intent cue, not searched for
  std::vector<QueryConcept> concepts;            // the kept words, in order
  std::vector<const Synonym*> synonyms_applied;  // into the lexicon given to AnalyzeQuery
};

// Tells whether two words stand side by side somewhere in the catalogue's names ("căn" "cước"; "lệ" "phí"
// "trước" "bạ"): such a pair is topic, so neither word of it is dropped as filler or cue.
using NamePairTest = std::function<bool(const WordForms& first, const WordForms& second)>;

// Analyzes `query` (at most `max_words` words are read):
//  - chat shorthand of the lexicon ("ko", "dc", "j", "bn", "dk") is read as the words it stands for ("không",
//    "được", "gì", "bao nhiêu", "đăng ký"), so that the lexicon's phrases match it;
//  - synonyms first: runs of words that are a synonym's phrase (longest first, left to right) are topic;
//  - intent: the cue phrases found (longest first, left to right) add their weights per intent; the heaviest
//    intent wins, ties by the order of AllQuestionIntents(); when none is found, they are looked for again
//    once the filler is gone (a cue split by filler words); none found is an overview;
//  - dropped: the words of cue phrases and filler phrases, unless they lie in a synonym's phrase, or a word at the
//    phrase's edge forms a name pair with its neighbour outside it: then that word and the words of the phrase
//    that chain to it through name pairs are topic ("lệ phí trước bạ" whole; only "tiền" of "bao nhiêu tiền sử
//    dụng đất"). A function word (a one-word filler dropped always, typed with its marks: "có", "được") is not kept by
//    pairing with the word before it ("khai tử | có mất tiền": names put such words before what they govern, "có yếu
//    tố");
//  - concepts: the remaining words; a synonym's phrase becomes one concept whose alternatives are the words as
//    typed and each expansion of that phrase.
// The lexicon must outlive the result (synonyms_applied points into it).
AnalyzedQuery AnalyzeQuery(std::string_view query, const SearchLexicon& lexicon, const NamePairTest& is_name_pair,
                           std::size_t max_words = 256);

}  // namespace motcua
