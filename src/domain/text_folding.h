#pragma once
// Folding of Vietnamese text into a plain, comparable form for search: "Đăng Ký  Khai Sinh" and
// "dang ky khai sinh" fold to the same string, so a citizen can type without tone marks or on a keyboard
// without a Vietnamese input method. Pure functions over values; safe to call from any thread.
#include <string>
#include <string_view>
#include <vector>

namespace motcua {

// Folds `utf8` for comparison:
//  - Unicode compatibility normalization (NFKC: full-width "Ａ" and ligatures such as "ﬁ" become plain
//    letters; NFD input with combining marks folds like its NFC form);
//  - tone marks and every other diacritic are removed ("ế" → "e", "ơ" → "o", "ư" → "u");
//  - "đ"/"Đ" become "d" (they are letters of their own in Unicode, with no decomposition into d + mark);
//  - case folding ("ĐỒNG" → "dong");
//  - runs of whitespace of any kind (tab, newline, no-break space...) become one ASCII space, trimmed at
//    both ends; other control characters and default-ignorable ones (soft hyphen, zero-width space) vanish.
// Invalid UTF-8 never fails: each byte that does not start a well-formed sequence becomes U+FFFD
// (REPLACEMENT CHARACTER), so the rest of the text still folds and stays searchable.
// Punctuation is kept: FoldedTokens() is the place where text is cut into words.
std::string FoldVietnamese(std::string_view utf8);

// Folds `utf8` (as FoldVietnamese) and splits it into words: a word is a maximal run of letters and digits
// (Unicode categories L* and N*); anything else separates words. A '.' with an ASCII digit on both sides
// stays inside the word, so procedure codes ("1.001193") and decimal numbers are one token, while a full
// stop after a word or a number ("khai sinh.", "năm 2025.") is a separator. Returns the words in order,
// possibly none.
std::vector<std::string> FoldedTokens(std::string_view utf8);

// The words of `utf8` cut as FoldedTokens() cuts them, case-folded and in NFC but with their tone marks and
// "đ" kept: "Cần ĐĂNG ký" gives "cần", "đăng", "ký". Search needs the marks before it folds them away, since
// folding merges words that mean different things ("cần" need / "căn" of "căn cước"; "đang" / "đăng").
std::vector<std::string> LowerTokens(std::string_view utf8);

// One word in both forms: as written (LowerTokens) and folded (FoldVietnamese of it).
struct WordForms {
  std::string marked;  // "cần"
  std::string folded;  // "can"
  // True when the word carries any tone mark or modified letter: its writer chose them, so they mean
  // something. An unmarked word ("can") may stand for any of the words it folds from.
  bool HasMarks() const { return marked != folded; }
  bool operator==(const WordForms&) const = default;
};

// LowerTokens() of `utf8`, each with its folded form. The tone of a final "oa", "oe", "uy" is placed on its second
// vowel whichever spelling was used ("hóa" and "hoá" are one word).
std::vector<WordForms> TokenForms(std::string_view utf8);

}  // namespace motcua
