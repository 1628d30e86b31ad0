#include "domain/text_folding.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace motcua {
namespace {

struct FoldCase {
  const char* input;
  const char* folded;
};

// Expected outputs are written from the Vietnamese alphabet (29 letters, 5 tone marks), not from the code.
constexpr FoldCase kFoldCases[] = {
    {"Đăng Ký", "dang ky"},
    {"ĐỒNG", "dong"},
    {"Nguyễn Thị Ánh", "nguyen thi anh"},
    {"Phường Ba Đình", "phuong ba dinh"},
    {"ă â ê ô ơ ư đ", "a a e o o u d"},
    {"à á ả ã ạ", "a a a a a"},
    {"ỲÝỶỸỴ", "yyyyy"},
    {"Thủ tục đăng ký khai sinh", "thu tuc dang ky khai sinh"},
    // tab, CR LF, no-break space, ideographic space, vertical tab
    {"  Thủ\ttục\n\r đăng\u00A0ký\u3000khai  sinh\v", "thu tuc dang ky khai sinh"},
    {"khai\u00ADsinh", "khaisinh"},                        // soft hyphen inside a word
    {"ＡＢＣ １２３", "abc 123"},                          // full-width, from some IMEs
    {"Mã 1.001193, (QĐ-BCA).", "ma 1.001193, (qd-bca)."},  // punctuation is kept
    {"", ""},
    {" \t\n ", ""},
};

TEST(FoldVietnamese, FoldsTheCasesTable) {
  for (const FoldCase& c : kFoldCases) {
    EXPECT_EQ(FoldVietnamese(c.input), c.folded) << "input: " << c.input;
  }
}

TEST(FoldVietnamese, DecomposedInputFoldsLikeComposedInput) {
  // NFD: the base letter followed by combining circumflex/breve/horn and tone marks, as macOS file names and
  // some keyboards produce.
  const std::string nfd = "Nguye\u0302\u0303n Thi\u0323 A\u0301nh, \u0110a\u0306ng ky\u0301, Phu\u031Bo\u031B\u0300ng";
  const std::string nfc = "Nguyễn Thị Ánh, Đăng ký, Phường";
  EXPECT_EQ(FoldVietnamese(nfd), FoldVietnamese(nfc));
  EXPECT_EQ(FoldVietnamese(nfd), "nguyen thi anh, dang ky, phuong");
}

struct InvalidUtf8Case {
  const char* name;
  std::string input;
  std::string folded;
};

// Octal escapes where letters follow a bad byte: a hex escape would swallow them ("\x80abc").
TEST(FoldVietnamese, ReplacesEachInvalidByteAndFoldsTheRest) {
  const std::string r = "\uFFFD";
  const InvalidUtf8Case cases[] = {
      {"stray byte", "Đăng\xFF Ký", "dang" + r + " ky"},
      {"lone continuation byte", "\200abc", r + "abc"},
      {"truncated sequence at the end", "Hà N\xE1\xBB", "ha n" + r + r},
      {"overlong slash", "a\300\257b", "a" + r + r + "b"},
      {"UTF-16 surrogate", "x\xED\xA0\x80y", "x" + r + r + r + "y"},
      {"only garbage", "\xFE\xFF", r + r},
  };
  for (const InvalidUtf8Case& c : cases) {
    EXPECT_EQ(FoldVietnamese(c.input), c.folded) << c.name;
  }
}

TEST(FoldVietnamese, KeepsAnEmbeddedNulOutOfTheResult) {
  EXPECT_EQ(FoldVietnamese(std::string("ab\0cd", 5)), "abcd");  // a control character, dropped
}

struct TokensCase {
  const char* input;
  std::vector<std::string> tokens;
};

TEST(FoldedTokens, SplitsOnEverythingButLettersAndDigits) {
  const TokensCase cases[] = {
      {"Thủ tục đăng ký khai sinh", {"thu", "tuc", "dang", "ky", "khai", "sinh"}},
      {"nhận cha, mẹ, con", {"nhan", "cha", "me", "con"}},
      {"QĐ-BCA/2025", {"qd", "bca", "2025"}},
      {"trẻ em dưới 6 tuổi", {"tre", "em", "duoi", "6", "tuoi"}},
      {"", {}},
      {" ... ,,; ", {}},
      {"ab\377cd", {"ab", "cd"}},  // U+FFFD is not a letter
  };
  for (const TokensCase& c : cases) {
    EXPECT_EQ(FoldedTokens(c.input), c.tokens) << "input: " << c.input;
  }
}

TEST(FoldedTokens, KeepsADotBetweenDigitsInsideTheToken) {
  const TokensCase cases[] = {
      {"1.001193", {"1.001193"}},
      {"Mã 1.001193.", {"ma", "1.001193"}},  // the full stop ends the sentence
      {"mức 0.5 ngày", {"muc", "0.5", "ngay"}},
      {"khai sinh.Kết hôn", {"khai", "sinh", "ket", "hon"}},  // a dot between letters separates
      {"1. Đăng ký", {"1", "dang", "ky"}},                    // a numbered list item
      {".5 và 5.", {"5", "va", "5"}},
  };
  for (const TokensCase& c : cases) {
    EXPECT_EQ(FoldedTokens(c.input), c.tokens) << "input: " << c.input;
  }
}

}  // namespace
}  // namespace motcua
