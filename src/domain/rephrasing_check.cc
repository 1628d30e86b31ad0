#include "domain/rephrasing_check.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "domain/text_folding.h"

namespace motcua {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsNumberSeparator(char c) { return c == '.' || c == ',' || c == '/' || c == '-'; }

std::string WithoutLeadingZeros(std::string digits) {
  const std::size_t first = digits.find_first_not_of('0');
  digits.erase(0, first == std::string::npos ? digits.size() - 1 : first);
  return digits;
}

// ---- Numbers ---------------------------------------------------------------------------------------------

// A number as written: runs of digits and the separators between them ("1.001193", "01/07/2025", "2-3").
struct WrittenNumber {
  std::vector<std::string> groups;
  std::string separators;  // separators[i] stands between groups[i] and groups[i + 1]
  std::size_t end = 0;     // the byte after it
};

WrittenNumber ReadNumber(std::string_view text, std::size_t at) {
  WrittenNumber number;
  while (true) {
    const std::size_t from = at;
    while (at < text.size() && IsDigit(text[at])) ++at;
    number.groups.emplace_back(text.substr(from, at - from));
    // A separator joins two groups only with a digit on both sides: "năm 2025." ends at the full stop.
    if (at + 1 >= text.size() || !IsNumberSeparator(text[at]) || !IsDigit(text[at + 1])) break;
    number.separators += text[at++];
  }
  number.end = at;
  return number;
}

// "50.000", "1,500,000", "7": a whole number, with thousands grouped by one kind of separator or none.
bool IsWholeNumber(const WrittenNumber& n) {
  if (n.separators.empty()) return true;
  const char separator = n.separators[0];
  if ((separator != '.' && separator != ',') || n.separators.find_first_not_of(separator) != std::string::npos) {
    return false;
  }
  return n.groups[0].size() <= 3 &&
         std::all_of(n.groups.begin() + 1, n.groups.end(), [](const std::string& g) { return g.size() == 3; });
}

// "1.001193": the shape of a national procedure code (a decimal or a date never has 5 or 6 digits there).
bool IsCodeLike(const WrittenNumber& n) {
  return !n.separators.empty() && n.separators.find_first_not_of('.') == std::string::npos &&
         (n.groups[1].size() == 5 || n.groups[1].size() == 6);
}

// The form two writings of one number share (rephrasing_check.h): digits only for a whole number; otherwise the
// groups with '.' for a decimal point or a code's dots, and a date's or a range's own separators.
std::string Normalized(const WrittenNumber& n) {
  std::string form;
  for (const std::string& group : n.groups) form += group;
  if (IsWholeNumber(n)) return WithoutLeadingZeros(form);
  form = WithoutLeadingZeros(n.groups[0]);
  for (std::size_t i = 1; i < n.groups.size(); ++i) {
    const char separator = n.separators[i - 1];
    const bool point = separator == '.' || separator == ',';
    form += point ? '.' : separator;
    form += point ? n.groups[i] : WithoutLeadingZeros(n.groups[i]);
  }
  return form;
}

// The whole number meant by `n` × 10^zeros ("1,5" with "triệu": 1500000), or none (a date, a finer decimal).
std::optional<std::string> Scaled(const WrittenNumber& n, std::size_t zeros) {
  if (IsWholeNumber(n)) return WithoutLeadingZeros(Normalized(n) + std::string(zeros, '0'));
  const bool decimal = n.groups.size() == 2 && (n.separators[0] == ',' || n.separators[0] == '.');
  if (!decimal || n.groups[1].size() > zeros) return std::nullopt;
  std::string fraction = n.groups[1];
  fraction.resize(zeros, '0');
  return WithoutLeadingZeros(n.groups[0] + fraction);
}

std::size_t SkipSpaces(std::string_view text, std::size_t at) {
  while (true) {
    if (at < text.size() && text[at] == ' ') {
      ++at;
    } else if (text.substr(at).starts_with("\xC2\xA0")) {  // a no-break space
      at += 2;
    } else {
      return at;
    }
  }
}

// The word at `at` and the byte after it: a run of ASCII letters and digits and non-ASCII characters, so that
// "50.000đ/lần" gives "đ", "₫" is a word of its own, and the "d2bf7" of a page's id ("…/019d2bf7-…") is one word.
std::pair<std::string_view, std::size_t> WordAt(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end < text.size() &&
         (IsAsciiLetter(text[end]) || IsDigit(text[end]) || static_cast<unsigned char>(text[end]) >= 0x80)) {
    ++end;
  }
  return {text.substr(at, end - at), end};
}

// `word` folded (FoldVietnamese), or "" when it is too long to be a multiplier or a currency: folding is the
// slow part of reading numbers, and most words after a number are neither.
std::string FoldedShortWord(std::string_view word) {
  constexpr std::size_t kLongest = 16;  // "triệu" decomposed (NFD) is 9 bytes, "đồng" 10
  return word.empty() || word.size() > kLongest ? std::string() : FoldVietnamese(word);
}

// nghìn, ngàn, triệu, tỷ, tỉ (`folded`: tone marks and case ignored): the zeros they add, else 0.
std::size_t MultiplierZeros(std::string_view folded) {
  constexpr std::array<std::pair<std::string_view, std::size_t>, 5> kMultipliers = {
      {{"nghin", 3}, {"ngan", 3}, {"trieu", 6}, {"ty", 9}, {"ti", 9}}};
  for (const auto& [multiplier, zeros] : kMultipliers) {
    if (folded == multiplier) return zeros;
  }
  return 0;
}

// đồng, đ, VNĐ, VND, ₫ (and "dong" without its marks). A bare ASCII "d" is not one: "675d-7109" is part of an id.
bool IsCurrency(std::string_view word, std::string_view folded) {
  if (folded == "d") return word != "d" && word != "D";
  return folded == "dong" || folded == "vnd" || folded == "₫";
}

// One number of a text, as the check compares it.
struct NumberFact {
  std::string written;  // Normalized()
  std::string meant;    // with its multiplier applied ("50 nghìn": "50000"); `written` when it has none, or when
                        // the product is no whole number ("1,2345 triệu": "1.2345e6")
  bool money = false;   // followed by a currency
  bool code_like = false;
};

std::vector<NumberFact> NumbersIn(std::string_view text) {
  std::vector<NumberFact> facts;
  for (std::size_t at = 0; at < text.size();) {
    if (!IsDigit(text[at])) {
      ++at;
      continue;
    }
    const WrittenNumber n = ReadNumber(text, at);
    NumberFact fact{Normalized(n), Normalized(n), false, IsCodeLike(n)};
    auto [word, after] = WordAt(text, SkipSpaces(text, n.end));
    std::string folded = FoldedShortWord(word);
    if (const std::size_t zeros = MultiplierZeros(folded); zeros > 0) {
      fact.meant = Scaled(n, zeros).value_or(fact.written + "e" + std::to_string(zeros));
      word = WordAt(text, SkipSpaces(text, after)).first;
      folded = FoldedShortWord(word);
    }
    fact.money = IsCurrency(word, folded);
    facts.push_back(std::move(fact));
    at = n.end;
  }
  return facts;
}

// ---- URLs ------------------------------------------------------------------------------------------------

// The printable ASCII bytes a URL may hold, as a model writes one in a sentence: no brackets or quotes.
constexpr std::array<bool, 128> kUrlBytes = [] {
  std::array<bool, 128> allowed{};
  for (std::size_t c = 0x21; c < 0x7F; ++c) allowed[c] = true;
  for (const char c : std::string_view("()<>\"'[]{}|\\^`")) allowed[static_cast<unsigned char>(c)] = false;
  return allowed;
}();

// Whether the byte at `at` may stand in a URL. ':' ends one unless a scheme's "//" or a port follows, so that
// "tại:dichvucong.gov.vn" gives the host alone.
bool IsUrlByte(std::string_view text, std::size_t at) {
  const auto c = static_cast<unsigned char>(text[at]);
  if (c >= kUrlBytes.size() || !kUrlBytes[c]) return false;
  return c != ':' || text.substr(at + 1).starts_with("//") || (at + 1 < text.size() && IsDigit(text[at + 1]));
}

bool HasKnownTopLevelDomain(std::string_view host) {
  const std::size_t dot = host.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  const std::string_view last = host.substr(dot + 1);
  return last == "vn" || last == "com" || last == "net" || last == "org" || last == "gov" || last == "edu" ||
         last == "info" || last == "io";
}

// `chunk` without its scheme, "www.", case and trailing '/' when it is a URL or an e-mail address.
std::optional<std::string> UrlForm(std::string_view chunk) {
  std::string url(chunk);
  std::ranges::transform(url, url.begin(), [](char c) { return IsAsciiLetter(c) ? static_cast<char>(c | 0x20) : c; });
  bool marked = false;
  if (const std::size_t scheme = url.find("://"); scheme != std::string::npos) {
    url.erase(0, scheme + 3);
    marked = true;
  }
  if (url.starts_with("www.")) {
    url.erase(0, 4);
    marked = true;
  }
  if (!marked && !HasKnownTopLevelDomain(url.substr(0, url.find_first_of("/?#")))) return std::nullopt;
  while (!url.empty() && url.back() == '/') url.pop_back();
  if (url.empty()) return std::nullopt;
  return url;
}

std::vector<std::string> UrlsIn(std::string_view text) {
  std::vector<std::string> urls;
  for (std::size_t at = 0; at < text.size();) {
    if (!IsUrlByte(text, at)) {
      ++at;
      continue;
    }
    std::size_t end = at;
    while (end < text.size() && IsUrlByte(text, end)) ++end;
    std::string_view chunk = text.substr(at, end - at);
    while (!chunk.empty() && std::strchr(".,;:!?", chunk.back()) != nullptr) chunk.remove_suffix(1);
    if (auto url = UrlForm(chunk)) urls.push_back(std::move(*url));
    at = end;
  }
  return urls;
}

// ---- Counts in words -------------------------------------------------------------------------------------

// The number words of a count: "một" … "mười" with their value, and the parts of compounds with none ("tư" and
// "lăm" are 4 and 5 only inside a compound).
constexpr std::pair<std::string_view, std::string_view> kNumberWords[] = {
    {"một", "1"}, {"hai", "2"}, {"ba", "3"},  {"bốn", "4"},  {"năm", "5"},   {"sáu", "6"},
    {"bảy", "7"}, {"bẩy", "7"}, {"tám", "8"}, {"chín", "9"}, {"mười", "10"}, {"mươi", ""},
    {"mốt", ""},  {"tư", ""},   {"lăm", ""},  {"linh", ""},  {"trăm", ""},
};

// The value of a number word ("" for a part of a compound), or nullopt for any other word.
std::optional<std::string_view> NumberWordValue(std::string_view word) {
  const auto* found = std::ranges::find(kNumberWords, word, &std::pair<std::string_view, std::string_view>::first);
  if (found == std::ranges::end(kNumberWords)) return std::nullopt;
  return found->second;
}

bool IsCountedUnit(std::string_view word) {
  constexpr std::array<std::string_view, 13> kUnits = {"ngày", "tháng", "giờ",  "tuần",  "năm", "bản", "lần",
                                                       "đồng", "nghìn", "ngàn", "triệu", "tỷ",  "tỉ"};
  return std::ranges::find(kUnits, word) != kUnits.end();
}

// ---- What the answer says --------------------------------------------------------------------------------

struct KnownFacts {
  std::set<std::string> numbers;        // written forms and the whole numbers they mean
  std::set<std::string> amounts;        // whole numbers of đồng
  std::set<std::string> urls;           // UrlForm()
  std::vector<std::string_view> texts;  // all of them, for the rare phrase looked up word for word
};

void Learn(KnownFacts& known, std::string_view text, bool fee_text) {
  for (NumberFact& fact : NumbersIn(text)) {
    known.numbers.insert(fact.written);
    known.numbers.insert(fact.meant);
    if (fact.money || fee_text) known.amounts.insert(fact.meant);
  }
  for (std::string& url : UrlsIn(text)) known.urls.insert(std::move(url));
  known.texts.push_back(text);
}

KnownFacts FactsOf(const ProcedureAnswer& answer) {
  KnownFacts known;
  for (const std::string_view text : {std::string_view(answer.text_vi), std::string_view(answer.code),
                                      std::string_view(answer.name), std::string_view(answer.source_url)}) {
    Learn(known, text, false);
  }
  for (const AnswerSection& section : answer.sections) {
    for (const std::string& line : section.lines) Learn(known, line, section.topic == QuestionIntent::kFee);
  }
  for (const std::string& note : answer.notes) Learn(known, note, false);
  return known;
}

// Whether `phrase` (" word word ", as LowerTokens() cuts and lowers them) stands in one of `texts`. Cutting every
// text into words is the slow part of the check, so it is done only when a phrase is looked up.
bool SaysPhrase(const std::vector<std::string_view>& texts, std::string_view phrase) {
  return std::ranges::any_of(texts, [&](std::string_view text) {
    std::string words = " ";
    for (const std::string& word : LowerTokens(text)) words += word + " ";
    return words.contains(phrase);
  });
}

// ---- The checks, each the first fault of its kind or kNone -----------------------------------------------

RephrasingFault NumberFault(const NumberFact& fact, const KnownFacts& known) {
  if (!known.numbers.contains(fact.meant)) {
    return fact.code_like ? RephrasingFault::kNewCode : RephrasingFault::kNewNumber;
  }
  if (fact.money && !known.amounts.contains(fact.meant)) return RephrasingFault::kNewAmount;
  return RephrasingFault::kNone;
}

RephrasingFault NumbersFault(std::string_view rephrased, const KnownFacts& known) {
  for (const NumberFact& fact : NumbersIn(rephrased)) {
    if (const RephrasingFault fault = NumberFault(fact, known); fault != RephrasingFault::kNone) return fault;
  }
  return RephrasingFault::kNone;
}

// A URL of the rewording must be one of the answer's, or a shorter form of it cut at a '/', '?' or '#'.
RephrasingFault UrlsFault(std::string_view rephrased, const KnownFacts& known) {
  for (const std::string& url : UrlsIn(rephrased)) {
    const bool found = std::ranges::any_of(known.urls, [&](const std::string& k) {
      return k.starts_with(url) && (k.size() == url.size() || std::strchr("/?#", k[url.size()]) != nullptr);
    });
    if (!found) return RephrasingFault::kNewUrl;
  }
  return RephrasingFault::kNone;
}

// Number words before a unit ("ba ngày", "mười lăm ngày", "hai năm"): one word must be a number of the answer
// or written so there too; a compound must be written so in the answer.
RephrasingFault SpelledNumbersFault(std::string_view rephrased, const KnownFacts& known) {
  const std::vector<std::string> words = LowerTokens(rephrased);
  for (std::size_t unit = 1; unit < words.size(); ++unit) {
    if (!IsCountedUnit(words[unit]) || !NumberWordValue(words[unit - 1])) continue;
    std::size_t first = unit - 1;
    while (first > 0 && NumberWordValue(words[first - 1])) --first;
    std::string phrase = " ";
    for (std::size_t k = first; k <= unit; ++k) phrase += words[k] + " ";
    const std::string_view value = unit - first == 1 ? *NumberWordValue(words[first]) : "";
    const bool known_number = !value.empty() && known.numbers.contains(std::string(value));
    if (!known_number && !SaysPhrase(known.texts, phrase)) return RephrasingFault::kNewSpelledNumber;
  }
  return RephrasingFault::kNone;
}

// The code, or the name's first kNameWords words (without a leading "Thủ tục"; tone marks, case and punctuation
// ignored): a name can run to hundreds of bytes, past what text_vi shows of it.
bool NamesTheProcedure(std::string_view rephrased, const ProcedureAnswer& answer) {
  constexpr std::size_t kNameWords = 12;
  if (!answer.code.empty() && rephrased.find(answer.code) != std::string_view::npos) return true;
  std::vector<std::string> name = FoldedTokens(answer.name);
  if (name.size() > 2 && name[0] == "thu" && name[1] == "tuc") name.erase(name.begin(), name.begin() + 2);
  if (name.empty()) return false;
  std::string wanted = " ";
  for (std::size_t i = 0; i < std::min(name.size(), kNameWords); ++i) wanted += name[i] + " ";
  std::string said = " ";
  for (const std::string& word : FoldedTokens(rephrased)) said += word + " ";
  return said.contains(wanted);
}

constexpr std::pair<RephrasingFault, std::string_view> kFaultNames[] = {
    {RephrasingFault::kNone, "none"},
    {RephrasingFault::kEmpty, "empty"},
    {RephrasingFault::kTooLong, "too_long"},
    {RephrasingFault::kNewNumber, "new_number"},
    {RephrasingFault::kNewCode, "new_code"},
    {RephrasingFault::kNewAmount, "new_amount"},
    {RephrasingFault::kNewUrl, "new_url"},
    {RephrasingFault::kNewSpelledNumber, "new_spelled_number"},
    {RephrasingFault::kProcedureNotNamed, "procedure_not_named"},
};

}  // namespace

RephrasingFault CheckRephrasing(std::string_view rephrased, const ProcedureAnswer& answer) {
  if (rephrased.find_first_not_of(" \t\r\n") == std::string_view::npos) return RephrasingFault::kEmpty;
  if (rephrased.size() > 2 * answer.text_vi.size() + kRephrasingSlackBytes) return RephrasingFault::kTooLong;
  const KnownFacts known = FactsOf(answer);
  for (const auto check : {NumbersFault, UrlsFault, SpelledNumbersFault}) {
    if (const RephrasingFault fault = check(rephrased, known); fault != RephrasingFault::kNone) return fault;
  }
  if (!NamesTheProcedure(rephrased, answer)) return RephrasingFault::kProcedureNotNamed;
  return RephrasingFault::kNone;
}

bool AddsNoFacts(std::string_view rephrased, const ProcedureAnswer& answer) {
  return CheckRephrasing(rephrased, answer) == RephrasingFault::kNone;
}

std::string_view RephrasingFaultName(RephrasingFault fault) {
  const auto* found = std::ranges::find(kFaultNames, fault, &std::pair<RephrasingFault, std::string_view>::first);
  return found == std::ranges::end(kFaultNames) ? std::string_view() : found->second;
}

}  // namespace motcua
