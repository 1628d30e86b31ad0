#include "domain/text_folding.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace motcua {
namespace {

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

// NFKC with marks stripped and case folded; STRIPCC drops control characters, IGNORE drops soft hyphens and
// zero-width characters that text pasted from web pages often carries inside words.
constexpr auto kFoldOptions =
    static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK |
                                   UTF8PROC_CASEFOLD | UTF8PROC_IGNORE | UTF8PROC_STRIPCC);

const utf8proc_uint8_t* Bytes(std::string_view text) { return reinterpret_cast<const utf8proc_uint8_t*>(text.data()); }

bool IsWhitespace(utf8proc_int32_t codepoint) {
  if (codepoint == ' ' || (codepoint >= '\t' && codepoint <= '\r') || codepoint == 0x85) return true;
  const utf8proc_category_t category = utf8proc_category(codepoint);
  return category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_ZL || category == UTF8PROC_CATEGORY_ZP;
}

// Runs before utf8proc's own mapping. Whitespace becomes a plain space here because STRIPCC would turn a
// vertical tab into nothing and join the words around it.
utf8proc_int32_t MapBeforeFolding(utf8proc_int32_t codepoint, void* /*data*/) {
  if (codepoint == 0x0110 || codepoint == 0x0111) return 'd';  // Đ, đ: no decomposition to strip
  if (IsWhitespace(codepoint)) return ' ';
  return codepoint;
}

// Decodes the code point starting at text[at]; returns its length in bytes, or 0 where the bytes there are
// not well-formed UTF-8 (a stray continuation byte, a truncated sequence, an overlong form, a surrogate).
std::size_t DecodeAt(std::string_view text, std::size_t at, utf8proc_int32_t& codepoint) {
  const std::string_view rest = text.substr(at);
  const auto length = utf8proc_iterate(Bytes(rest), static_cast<utf8proc_ssize_t>(rest.size()), &codepoint);
  return length > 0 ? static_cast<std::size_t>(length) : 0;
}

// utf8proc rejects a whole string for one bad byte; replacing bad bytes first keeps the rest usable.
std::string ReplaceInvalidUtf8(std::string_view text) {
  std::string valid;
  valid.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    utf8proc_int32_t codepoint = 0;
    const std::size_t length = DecodeAt(text, i, codepoint);
    valid += length == 0 ? kReplacementCharacter : text.substr(i, length);
    i += length == 0 ? 1 : length;
  }
  return valid;
}

// The same mapping with the marks kept: "Cần" becomes "cần", not "can".
constexpr auto kLowerOptions = static_cast<utf8proc_option_t>(kFoldOptions & ~UTF8PROC_STRIPMARK);

// Runs before utf8proc's own mapping when the marks are kept: only whitespace changes (đ stays a letter).
utf8proc_int32_t MapWhitespace(utf8proc_int32_t codepoint, void* /*data*/) {
  return IsWhitespace(codepoint) ? ' ' : codepoint;
}

std::string MapWith(std::string_view valid_utf8, utf8proc_option_t options, utf8proc_custom_func map_first) {
  utf8proc_uint8_t* mapped = nullptr;
  const auto length = utf8proc_map_custom(Bytes(valid_utf8), static_cast<utf8proc_ssize_t>(valid_utf8.size()), &mapped,
                                          options, map_first, nullptr);
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
  // The input is valid UTF-8 and no option rejects anything: failure means out of memory or a bug.
  if (length < 0) throw std::runtime_error(std::string("utf8proc_map: ") + utf8proc_errmsg(length));
  return std::string(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
}

std::string StripMarksAndCase(std::string_view valid_utf8) {
  return MapWith(valid_utf8, kFoldOptions, MapBeforeFolding);
}

// After MapBeforeFolding every kind of whitespace is an ASCII space, so working on bytes is safe.
std::string CollapseSpaces(std::string_view text) {
  std::string collapsed;
  collapsed.reserve(text.size());
  bool pending_space = false;
  for (const char c : text) {
    if (c == ' ') {
      pending_space = !collapsed.empty();
      continue;
    }
    if (pending_space) collapsed += ' ';
    pending_space = false;
    collapsed += c;
  }
  return collapsed;
}

bool IsWordCodepoint(utf8proc_int32_t codepoint) {
  switch (utf8proc_category(codepoint)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// A '.' between two digits belongs to a code ("1.001193") or a number, not to the sentence.
bool IsDotInsideNumber(std::string_view text, std::size_t dot, const std::string& word_so_far) {
  return text[dot] == '.' && !word_so_far.empty() && IsAsciiDigit(word_so_far.back()) && dot + 1 < text.size() &&
         IsAsciiDigit(text[dot + 1]);
}

}  // namespace

std::string FoldVietnamese(std::string_view utf8) {
  return CollapseSpaces(StripMarksAndCase(ReplaceInvalidUtf8(utf8)));
}

namespace {

std::vector<std::string> SplitWords(std::string_view text) {
  std::vector<std::string> tokens;
  std::string word;
  for (std::size_t i = 0; i < text.size();) {
    utf8proc_int32_t codepoint = 0;
    // FoldVietnamese returns valid UTF-8; the max() only guards the loop against a bug there.
    const std::size_t length = std::max<std::size_t>(1, DecodeAt(text, i, codepoint));
    if (IsWordCodepoint(codepoint) || IsDotInsideNumber(text, i, word)) {
      word += text.substr(i, length);
    } else if (!word.empty()) {
      tokens.push_back(std::move(word));
      word.clear();
    }
    i += length;
  }
  if (!word.empty()) tokens.push_back(std::move(word));
  return tokens;
}

}  // namespace

std::vector<std::string> FoldedTokens(std::string_view utf8) { return SplitWords(FoldVietnamese(utf8)); }

std::vector<std::string> LowerTokens(std::string_view utf8) {
  return SplitWords(CollapseSpaces(MapWith(ReplaceInvalidUtf8(utf8), kLowerOptions, MapWhitespace)));
}

namespace {

// Old and new Vietnamese spelling put the tone of an open "oa", "oe", "uy" on different vowels: "hóa"/"hoá",
// "thủy"/"thuỷ", "khỏe"/"khoẻ"; the catalogue uses both. The marked form keeps one: the tone on the second vowel.
struct TonePlacement {
  std::string_view old_style;
  std::string_view new_style;
};
constexpr TonePlacement kTonePlacements[] = {
    {"óa", "oá"}, {"òa", "oà"}, {"ỏa", "oả"}, {"õa", "oã"}, {"ọa", "oạ"}, {"óe", "oé"}, {"òe", "oè"}, {"ỏe", "oẻ"},
    {"õe", "oẽ"}, {"ọe", "oẹ"}, {"úy", "uý"}, {"ùy", "uỳ"}, {"ủy", "uỷ"}, {"ũy", "uỹ"}, {"ụy", "uỵ"},
};

std::string WithOneTonePlacement(std::string word) {
  for (const TonePlacement& placement : kTonePlacements) {
    if (word.ends_with(placement.old_style)) {
      word.replace(word.size() - placement.old_style.size(), placement.old_style.size(), placement.new_style);
      break;
    }
  }
  return word;
}

}  // namespace

std::vector<WordForms> TokenForms(std::string_view utf8) {
  std::vector<WordForms> forms;
  for (std::string& lower : LowerTokens(utf8)) {
    std::string folded = FoldVietnamese(lower);
    forms.push_back({WithOneTonePlacement(std::move(lower)), std::move(folded)});
  }
  return forms;
}

}  // namespace motcua
