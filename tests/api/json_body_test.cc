// The strict JSON body reader (src/http/json_body.h): what a body may be, how each kind of field is read and
// refused, and which error a body with several problems gets. Expected paths and messages are written out.
#include "http/json_body.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

namespace motcua::http {
namespace {

JsonBody Parsed(std::string_view text, EmptyBody empty = EmptyBody::kRefused) {
  Result<JsonBody> body = JsonBody::Parse(text, empty);
  EXPECT_TRUE(body.has_value()) << text << ": " << body.error().field << " " << body.error().message_en;
  if (!body) return JsonBody::Parse("{}").value();
  return std::move(*body);
}

// The error a body gets from Parse, or "" when it parses.
std::string ParseErrorField(std::string_view text, EmptyBody empty = EmptyBody::kRefused) {
  Result<JsonBody> body = JsonBody::Parse(text, empty);
  if (body) return "";
  EXPECT_EQ(body.error().code, ErrorCode::kInvalidArgument);
  return body.error().field;
}

// The error Finish() reports, or "" when it succeeds.
Error FinishError(const JsonBody& body) {
  Result<void> done = body.Finish();
  return done ? Error{} : done.error();
}

std::string Repeated(std::string_view part, int times) {
  std::string text;
  for (int i = 0; i < times; ++i) text += part;
  return text;
}

// --- What a body may be ----------------------------------------------------------------------------------------

TEST(JsonBodyTest, ReadsEveryKindOfField) {
  JsonBody body = Parsed(R"({"name": "Nguyễn Văn An", "note": "", "copies": 2, "amount": 0.5,
      "applicant": {"phone": "0912345678"}, "components": [{"seq": 1}, {"seq": 2}], "missing": ["Tờ khai"]})");
  JsonObject root = body.Root();
  EXPECT_EQ(root.RequiredString("name", 300), "Nguyễn Văn An");
  EXPECT_EQ(root.OptionalString("note", 300), "");
  EXPECT_EQ(root.OptionalString("absent", 300), "");
  EXPECT_EQ(root.RequiredInt("copies", 0, 99), 2);
  EXPECT_EQ(root.OptionalInt("absent_count", 0, 99), std::nullopt);
  EXPECT_EQ(root.RequiredNumber("amount", 0, 3650), 0.5);
  EXPECT_EQ(root.RequiredObject("applicant").OptionalString("phone", 300), "0912345678");
  EXPECT_EQ(root.OptionalObject("absent_object"), std::nullopt);
  std::vector<JsonObject> components = root.OptionalObjectArray("components", 200);
  ASSERT_EQ(components.size(), 2u);
  EXPECT_EQ(components[0].RequiredInt("seq", 0, 999), 1);
  EXPECT_EQ(components[1].RequiredInt("seq", 0, 999), 2);
  EXPECT_EQ(root.OptionalStringArray("missing", 200, 300), std::vector<std::string>{"Tờ khai"});
  EXPECT_TRUE(root.OptionalStringArray("absent_list", 200, 300).empty());
  EXPECT_TRUE(body.Finish().has_value()) << FinishError(body).field;
}

TEST(JsonBodyTest, ABodyThatIsNotOneJsonObjectIsRefused) {
  const char* cases[] = {
      "[]",
      "[{\"a\":1}]",
      "5",
      "\"text\"",
      "null",
      "true",  // not an object
      "{",
      "{\"a\":",
      "{\"a\":\"b",
      "{\"a\":1",
      "{\"a\":1,",  // truncated
      "{\"a\":1,}",
      "{'a':1}",
      "{a:1}",
      "{\"a\":01}",
      "{\"a\":NaN}",  // not JSON
      "{} {}",
      "{}x",
      "{\"a\":1} // comment",
      "/* c */ {}",
      "{\"a\":\"\t\"}",  // trailing, comments, raw tab
  };
  for (const char* text : cases) {
    SCOPED_TRACE(text);
    EXPECT_EQ(ParseErrorField(text), "body");
  }
  Result<JsonBody> body = JsonBody::Parse("[]");
  ASSERT_FALSE(body.has_value());
  EXPECT_EQ(body.error().message_vi, "nội dung phải là một đối tượng JSON hợp lệ (UTF-8)");
  EXPECT_EQ(body.error().message_en, "the body must be a valid JSON object (UTF-8)");
}

TEST(JsonBodyTest, AnEmptyBodyIsRefusedOrReadAsAnEmptyObjectAsTheEndpointSays) {
  for (const char* text : {"", " ", "\r\n\t "}) {
    SCOPED_TRACE(std::string("[") + text + "]");
    EXPECT_EQ(ParseErrorField(text), "body");
    JsonBody body = Parsed(text, EmptyBody::kIsEmptyObject);
    EXPECT_EQ(body.Root().OptionalString("note", 300), "");
    EXPECT_TRUE(body.Finish().has_value());
  }
  JsonBody body = Parsed("", EmptyBody::kIsEmptyObject);
  EXPECT_EQ(body.Root().RequiredString("reason", 2000), "");
  EXPECT_EQ(FinishError(body).field, "reason");
}

TEST(JsonBodyTest, InvalidUtf8AnywhereMakesTheBodyInvalid) {
  const char* cases[] = {
      "{\"a\":\"\xff\"}",              // a byte that never occurs in UTF-8
      "{\"a\":\"Nguy\xe1\xbb\"}",      // a three-byte character cut short
      "{\"a\":\"\xc0\xaf\"}",          // an overlong '/'
      "{\"a\":\"\xed\xa0\x80\"}",      // a surrogate encoded as UTF-8
      "{\"a\":\"\xf4\x90\x80\x80\"}",  // beyond U+10FFFF
      "{\"a\":\"\\ud800\"}",           // a lone surrogate escape
      "{\"a\":\"\\udc00\\ud800\"}",    // surrogates in the wrong order
      "{\"\xff\":\"b\"}",              // in a key
      "{\"a\":[\"ok\", \"\x80\"]}",    // in an array
      "{\"a\":\"b\"}\xff",             // after the object
  };
  for (const char* text : cases) {
    SCOPED_TRACE(text);
    EXPECT_EQ(ParseErrorField(text), "body");
  }
}

TEST(JsonBodyTest, ValidUtf8AndEscapesAreReadAsWritten) {
  JsonBody body = Parsed(R"({"a": "Nguy\u1ec5n", "b": "\ud83d\ude00", "c": "  hai  dòng\nmột tab\t "})");
  JsonObject root = body.Root();
  EXPECT_EQ(root.RequiredString("a", 300), "Nguyễn");
  EXPECT_EQ(root.RequiredString("b", 300), "\xf0\x9f\x98\x80");
  EXPECT_EQ(root.RequiredString("c", 300), "  hai  dòng\nmột tab\t ") << "nothing is trimmed";
  EXPECT_TRUE(body.Finish().has_value());
}

// --- Duplicate keys and nesting ----------------------------------------------------------------------------------

TEST(JsonBodyTest, AKeyGivenTwiceInOneObjectIsRefusedByItsPath) {
  struct Case {
    const char* text;
    const char* field;
  };
  const Case cases[] = {
      {R"({"reason": "a", "reason": "b"})", "reason"},
      {R"({"reason": "a", "note": "n", "reason": "a"})", "reason"},
      {R"({"applicant": {"name": "A", "name": "B"}})", "applicant.name"},
      {R"({"components": [{"seq": 1}, {"seq": 2, "seq": 3}]})", "components[1].seq"},
      {R"({"m": [1, "x", [3, 4], {}], "n": [{}, {"k": 1, "k": 1}]})", "n[1].k"},
      {R"({"a": [[{"b": 1}], [{"b": 1}, {"c": {"d": 1, "d": 2}}]]})", "a[1][1].c.d"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    Result<JsonBody> body = JsonBody::Parse(c.text);
    ASSERT_FALSE(body.has_value());
    EXPECT_EQ(body.error().field, c.field);
    EXPECT_EQ(body.error().message_en, "the field is given more than once");
    EXPECT_EQ(body.error().message_vi, "trường bị lặp lại");
  }
}

TEST(JsonBodyTest, TheSameKeyInDifferentObjectsIsNoDuplicate) {
  EXPECT_EQ(ParseErrorField(R"({"a": {"x": 1}, "b": {"x": 1}, "c": [{"x": 1}, {"x": 2}], "x": 0})"), "");
}

TEST(JsonBodyTest, NestingIsBoundedAtSixteenLevels) {
  const std::string sixteen = "{\"a\":" + Repeated("[", 15) + Repeated("]", 15) + "}";
  const std::string seventeen = "{\"a\":" + Repeated("[", 16) + Repeated("]", 16) + "}";
  EXPECT_EQ(ParseErrorField(sixteen), "");
  EXPECT_EQ(ParseErrorField(seventeen), "body");
  Result<JsonBody> body = JsonBody::Parse(seventeen);
  ASSERT_FALSE(body.has_value());
  EXPECT_EQ(body.error().message_en, "the body is nested too deeply (at most 16 levels)");
  EXPECT_EQ(body.error().message_vi, "nội dung lồng nhau quá sâu (tối đa 16 cấp)");
}

// Regression guard: a recursive parser would overflow the stack on these; they must be plain errors.
TEST(JsonBodyTest, DeeplyNestedBodiesAreRefusedWithoutCrashing) {
  const std::string cases[] = {
      Repeated("[", 10000),
      Repeated("[", 10000) + Repeated("]", 10000),
      "{\"a\":" + Repeated("[", 10000) + Repeated("]", 10000) + "}",
      Repeated("{\"a\":", 100000) + "1" + Repeated("}", 100000),
      Repeated("[", 1000000),
  };
  for (const std::string& text : cases) {
    SCOPED_TRACE(text.substr(0, 20));
    EXPECT_EQ(ParseErrorField(text), "body");
  }
}

// --- Strings -----------------------------------------------------------------------------------------------------

TEST(JsonBodyTest, StringsAreCheckedForPresenceTypeLengthAndBlankness) {
  struct Case {
    const char* text;
    const char* message_en;  // "" when accepted
  };
  const Case cases[] = {
      {R"({})", "is required"},
      {R"({"s": 5})", "must be a string"},
      {R"({"s": null})", "must be a string"},
      {R"({"s": true})", "must be a string"},
      {R"({"s": ["a"]})", "must be a string"},
      {R"({"s": {"a": "b"}})", "must be a string"},
      {R"({"s": "12345"})", ""},
      {R"({"s": "123456"})", "must be at most 5 bytes long"},
      {R"({"s": "ễ"})", ""},                               // 3 bytes
      {R"({"s": "ễễ"})", "must be at most 5 bytes long"},  // 6 bytes, 2 characters
      {R"({"s": ""})", "must not be blank"},
      {R"({"s": "   "})", "must not be blank"},
      {R"({"s": "\t\r\n"})", "must not be blank"},
      {R"({"s": "\u00a0\u3000"})", "must not be blank"},  // no-break and ideographic spaces
      {R"({"s": "\u200b"})", "must not be blank"},        // zero-width space
      {R"({"s": " a "})", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    JsonBody body = Parsed(c.text);
    body.Root().RequiredString("s", 5);
    const Error error = FinishError(body);
    EXPECT_EQ(error.message_en, c.message_en);
    if (*c.message_en != '\0') {
      EXPECT_EQ(error.field, "s");
    }
  }
}

// NUL ends a text in SQLite and C (a name would be cut short); other control characters corrupt slips, CSV
// exports and log lines. Tab, line feed and carriage return are text.
TEST(JsonBodyTest, ControlCharactersAreRefusedNamingTheFieldAndTheCharacter) {
  struct Case {
    const char* text;
    const char* message_en;  // "" when accepted
  };
  const Case cases[] = {
      {R"({"s": "An\u0000Bình"})", "contains the control character U+0000"},
      {R"({"s": "An\u0007"})", "contains the control character U+0007"},
      {R"({"s": "An\u001b[31m"})", "contains the control character U+001B"},
      {R"({"s": "An\u007f"})", "contains the control character U+007F"},
      {R"({"s": "An\u0085"})", "contains the control character U+0085"},  // C1 next line
      {R"({"s": "An\u009f"})", "contains the control character U+009F"},
      {R"({"s": "Xóm 1\nThôn 2\r\n\tVân Sơn"})", ""},
      {R"({"s": "Nguyễn Thị Ánh"})", ""},  // U+00C1: its second byte is not a C1 control
      {R"({"s": "\u00a0An"})", ""},        // C2 A0, no-break space
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    JsonBody body = Parsed(c.text);
    body.Root().RequiredString("s", 300);
    const Error error = FinishError(body);
    EXPECT_EQ(error.message_en, c.message_en);
    if (*c.message_en != '\0') {
      EXPECT_EQ(error.field, "s");
    }
  }
  JsonBody nested = Parsed(R"({"applicant": {"name": "An\u0000"}})");
  nested.Root().RequiredObject("applicant").RequiredString("name", 300);
  EXPECT_EQ(FinishError(nested).field, "applicant.name");
}

TEST(JsonBodyTest, TheVietnameseMessagesOfStrings) {
  struct Case {
    const char* text;
    const char* message_vi;
  };
  const Case cases[] = {
      {R"({})", "là trường bắt buộc"},
      {R"({"s": 5})", "phải là chuỗi ký tự"},
      {R"({"s": "123456"})", "không được dài quá 5 byte"},
      {R"({"s": " "})", "không được để trống"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    JsonBody body = Parsed(c.text);
    body.Root().RequiredString("s", 5);
    EXPECT_EQ(FinishError(body).message_vi, c.message_vi);
  }
}

TEST(JsonBodyTest, ABlankStringIsAcceptedWhereTheReadAllowsIt) {
  JsonBody body = Parsed(R"({"login": "", "password": "  "})");
  EXPECT_EQ(body.Root().RequiredString("login", 300, Blank::kAllowed), "");
  EXPECT_EQ(body.Root().RequiredString("password", 300, Blank::kAllowed), "  ");
  EXPECT_TRUE(body.Finish().has_value());
}

TEST(JsonBodyTest, OptionalStringsMayBeBlankButNotNullOrTooLong) {
  struct Case {
    const char* text;
    const char* message_en;
  };
  const Case cases[] = {
      {R"({})", ""},
      {R"({"s": ""})", ""},
      {R"({"s": " "})", ""},
      {R"({"s": null})", "must be a string"},
      {R"({"s": 1})", "must be a string"},
      {R"({"s": "123456"})", "must be at most 5 bytes long"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    JsonBody body = Parsed(c.text);
    body.Root().OptionalString("s", 5);
    EXPECT_EQ(FinishError(body).message_en, c.message_en);
  }
}

// --- Numbers -----------------------------------------------------------------------------------------------------

TEST(JsonBodyTest, IntegersMustBeWrittenAsIntegersWithinTheRange) {
  struct Case {
    const char* text;
    std::int64_t value;  // when accepted
    bool accepted;
  };
  const Case cases[] = {
      {R"({"n": 0})", 0, true},
      {R"({"n": 99})", 99, true},
      {R"({"n": -0})", 0, true},
      {R"({"n": -1})", 0, false},
      {R"({"n": 100})", 0, false},
      {R"({"n": 1.0})", 0, false},
      {R"({"n": 1.5})", 0, false},
      {R"({"n": 1e1})", 0, false},
      {R"({"n": true})", 0, false},
      {R"({"n": false})", 0, false},
      {R"({"n": "5"})", 0, false},
      {R"({"n": null})", 0, false},
      {R"({"n": [5]})", 0, false},
      {R"({"n": 18446744073709551615})", 0, false},  // uint64's largest
      {R"({"n": 18446744073709551616})", 0, false},  // beyond uint64: read as a float
      {R"({"n": -9223372036854775809})", 0, false},  // below int64: read as a float
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    JsonBody body = Parsed(c.text);
    const std::int64_t value = body.Root().RequiredInt("n", 0, 99);
    const Error error = FinishError(body);
    if (c.accepted) {
      EXPECT_EQ(error.field, "");
      EXPECT_EQ(value, c.value);
    } else {
      EXPECT_EQ(error.field, "n");
      EXPECT_EQ(error.message_en, "must be an integer from 0 to 99");
      EXPECT_EQ(error.message_vi, "phải là số nguyên từ 0 đến 99");
    }
  }
}

TEST(JsonBodyTest, IntegersReachTheEndsOfInt64AndNoFurther) {
  constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  JsonBody body = Parsed(R"({"low": -9223372036854775808, "high": 9223372036854775807})");
  EXPECT_EQ(body.Root().RequiredInt("low", kMin, kMax), kMin);
  EXPECT_EQ(body.Root().RequiredInt("high", kMin, kMax), kMax);
  EXPECT_TRUE(body.Finish().has_value());

  JsonBody beyond = Parsed(R"({"n": 9223372036854775808})");
  beyond.Root().RequiredInt("n", kMin, kMax);
  EXPECT_EQ(FinishError(beyond).message_en, "must be an integer from -9223372036854775808 to 9223372036854775807");
}

// Regression: nlohmann reads a non-negative integer as unsigned, and the first version checked only the
// maximum of those, so a payment of 0 passed a minimum of 1.
TEST(JsonBodyTest, AMinimumAboveZeroHoldsForNonNegativeIntegers) {
  for (const char* text : {R"({"n": 0})", R"({"n": 2})"}) {
    SCOPED_TRACE(text);
    JsonBody body = Parsed(text);
    EXPECT_EQ(body.Root().RequiredInt("n", 3, 5), 0);
    EXPECT_EQ(FinishError(body).message_en, "must be an integer from 3 to 5");
  }
  JsonBody body = Parsed(R"({"n": 3})");
  EXPECT_EQ(body.Root().RequiredInt("n", 3, 5), 3);
  EXPECT_TRUE(body.Finish().has_value());
}

TEST(JsonBodyTest, AnOptionalIntegerIsAbsentOrValid) {
  JsonBody absent = Parsed("{}");
  EXPECT_EQ(absent.Root().OptionalInt("n", -1, 5), std::nullopt);
  EXPECT_TRUE(absent.Finish().has_value());
  JsonBody given = Parsed(R"({"n": -1})");
  EXPECT_EQ(given.Root().OptionalInt("n", -1, 5), -1);
  EXPECT_TRUE(given.Finish().has_value());
  JsonBody null = Parsed(R"({"n": null})");
  EXPECT_EQ(null.Root().OptionalInt("n", -1, 5), std::nullopt);
  EXPECT_EQ(FinishError(null).message_en, "must be an integer from -1 to 5");
}

TEST(JsonBodyTest, NumbersMayHaveFractionsWithinTheRange) {
  struct Case {
    const char* text;
    double value;  // when accepted
    bool accepted;
  };
  const Case cases[] = {
      {R"({"x": 0.5})", 0.5, true},     {R"({"x": 5})", 5, true},    {R"({"x": 3650})", 3650, true},
      {R"({"x": 3.65e3})", 3650, true}, {R"({"x": 0})", 0, false},   {R"({"x": -1})", 0, false},
      {R"({"x": 3650.5})", 0, false},   {R"({"x": "5"})", 0, false}, {R"({"x": true})", 0, false},
      {R"({"x": null})", 0, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    JsonBody body = Parsed(c.text);
    const double value = body.Root().RequiredNumber("x", 0, 3650);
    const Error error = FinishError(body);
    if (c.accepted) {
      EXPECT_EQ(error.field, "");
      EXPECT_EQ(value, c.value);
    } else {
      EXPECT_EQ(error.field, "x");
      EXPECT_EQ(error.message_en, "must be a number greater than 0 and at most 3650");
      EXPECT_EQ(error.message_vi, "phải là số lớn hơn 0 và không quá 3650");
    }
  }
  EXPECT_EQ(ParseErrorField(R"({"x": 1e400})"), "body") << "nlohmann refuses a number beyond double's range";
  JsonBody missing = Parsed("{}");
  missing.Root().RequiredNumber("x", 0, 3650);
  EXPECT_EQ(FinishError(missing).message_en, "is required");
}

// --- Objects and arrays ------------------------------------------------------------------------------------------

TEST(JsonBodyTest, ARequiredObjectThatIsMissingOrNotAnObjectIsReportedBeforeItsFields) {
  struct Case {
    const char* text;
    const char* message_en;
  };
  const Case cases[] = {
      {R"({})", "is required"},
      {R"({"applicant": "Nguyễn Văn An"})", "must be a JSON object"},
      {R"({"applicant": null})", "must be a JSON object"},
      {R"({"applicant": [{"name": "A"}]})", "must be a JSON object"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    JsonBody body = Parsed(c.text);
    JsonObject applicant = body.Root().RequiredObject("applicant");
    EXPECT_EQ(applicant.RequiredString("name", 300), "");
    EXPECT_EQ(applicant.PathOf("name"), "applicant.name");
    const Error error = FinishError(body);
    EXPECT_EQ(error.field, "applicant");
    EXPECT_EQ(error.message_en, c.message_en);
  }
  JsonBody body = Parsed(R"({"applicant": {}})");
  body.Root().RequiredObject("applicant").RequiredString("name", 300);
  EXPECT_EQ(FinishError(body).field, "applicant.name");
}

TEST(JsonBodyTest, AnOptionalObjectIsAbsentOrAnObject) {
  JsonBody body = Parsed(R"({"time": 5})");
  EXPECT_EQ(body.Root().OptionalObject("time"), std::nullopt);
  const Error error = FinishError(body);
  EXPECT_EQ(error.field, "time");
  EXPECT_EQ(error.message_en, "must be a JSON object");
  EXPECT_EQ(error.message_vi, "phải là một đối tượng JSON");
}

TEST(JsonBodyTest, ArraysOfObjectsAreCheckedForTypeSizeAndItems) {
  struct Case {
    const char* text;
    const char* field;  // "" when accepted
    const char* message_en;
  };
  const Case cases[] = {
      {R"({"c": []})", "", ""},
      {R"({"c": [{}, {}, {}]})", "", ""},
      {R"({"c": [{}, {}, {}, {}]})", "c", "must have at most 3 items"},
      {R"({"c": {}})", "c", "must be a JSON array"},
      {R"({"c": null})", "c", "must be a JSON array"},
      {R"({"c": [{}, 5]})", "c[1]", "must be a JSON object"},
      {R"({"c": [{}, [{}]]})", "c[1]", "must be a JSON object"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    JsonBody body = Parsed(c.text);
    body.Root().OptionalObjectArray("c", 3);
    const Error error = FinishError(body);
    EXPECT_EQ(error.field, c.field);
    EXPECT_EQ(error.message_en, c.message_en);
  }
  JsonBody body = Parsed(R"({"c": [{}, {}, {}, {}]})");
  body.Root().OptionalObjectArray("c", 3);
  EXPECT_EQ(FinishError(body).message_vi, "có nhiều nhất 3 phần tử");

  // The good items' fields are never read, yet the bad item is what is reported, not them as unknown.
  JsonBody mixed = Parsed(R"({"c": [{"seq": 1}, "Tờ khai"]})");
  for (JsonObject item : mixed.Root().OptionalObjectArray("c", 3)) item.RequiredInt("seq", 0, 999);
  EXPECT_EQ(FinishError(mixed).field, "c[1]");
}

TEST(JsonBodyTest, ArraysOfStringsAreCheckedItemByItem) {
  struct Case {
    const char* text;
    const char* field;  // "" when accepted
    const char* message_en;
  };
  const Case cases[] = {
      {R"({"m": ["Tờ khai", "CCCD"]})", "", ""},
      {R"({"m": ["a", "b", "c"]})", "m", "must have at most 2 items"},
      {R"({"m": "Tờ khai"})", "m", "must be a JSON array"},
      {R"({"m": ["a", 1]})", "m[1]", "must be a string"},
      {R"({"m": ["a", "12345678901"]})", "m[1]", "must be at most 10 bytes long"},
      {R"({"m": [" "]})", "m[0]", "must not be blank"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    JsonBody body = Parsed(c.text);
    body.Root().OptionalStringArray("m", 2, 10);
    const Error error = FinishError(body);
    EXPECT_EQ(error.field, c.field);
    EXPECT_EQ(error.message_en, c.message_en);
  }
}

// --- Unknown fields and which error comes first -------------------------------------------------------------------

TEST(JsonBodyTest, AFieldNoOneReadIsAnUnknownFieldNamedByItsPath) {
  struct Case {
    const char* text;
    const char* field;
  };
  const Case cases[] = {
      {R"({"name": "A", "admin": true})", "admin"},
      {R"({"name": "A", "applicant": {"name": "B", "nickname": "C"}})", "applicant.nickname"},
      {R"({"name": "A", "components": [{"seq": 1}, {"seq": 2, "extra": 0}]})", "components[1].extra"},
      {R"({"zeta": 1, "alpha": 2, "name": "A"})", "zeta"},  // the first in the document, not in sort order
      // A field with an empty name is still named (fuzz_json_body found it left unnamed).
      {R"({"name": "A", "": 1})", R"("")"},
      {R"({"name": "A", "applicant": {"name": "B", "": 1}})", R"(applicant."")"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    JsonBody body = Parsed(c.text);
    JsonObject root = body.Root();
    root.RequiredString("name", 300);
    if (auto applicant = root.OptionalObject("applicant")) applicant->RequiredString("name", 300);
    for (JsonObject component : root.OptionalObjectArray("components", 200)) component.RequiredInt("seq", 0, 999);
    const Error error = FinishError(body);
    EXPECT_EQ(error.field, c.field);
    EXPECT_EQ(error.message_en, "unknown field");
    EXPECT_EQ(error.message_vi, "trường không được hỗ trợ");
  }
}

TEST(JsonBodyTest, AnUnknownFieldIsReportedBeforeTheMissingOneItMayBeAMisspellingOf) {
  JsonBody body = Parsed(R"({"login": "a", "pasword": "b"})");
  body.Root().RequiredString("login", 300);
  body.Root().RequiredString("password", 300);
  EXPECT_EQ(FinishError(body).field, "pasword");
}

TEST(JsonBodyTest, OtherwiseTheFirstProblemReadIsReported) {
  JsonBody body = Parsed(R"({"a": 1, "b": 2})");
  JsonObject root = body.Root();
  root.RequiredString("b", 300);
  root.RequiredString("a", 300);
  root.RequiredString("c", 300);
  EXPECT_EQ(FinishError(body).field, "b");
}

TEST(JsonBodyTest, AVeryLongUnknownKeyIsCutInTheErrorAtACharacterBoundary) {
  const std::string ascii(100, 'k');
  JsonBody ascii_body = Parsed("{\"" + ascii + "\": 1}");
  EXPECT_EQ(FinishError(ascii_body).field, std::string(64, 'k') + "…");

  // "ễ" is 3 bytes: 21 of them fill 63 bytes, and the 22nd would cross byte 64.
  const std::string vietnamese = Repeated("ễ", 40);
  JsonBody vietnamese_body = Parsed("{\"" + vietnamese + "\": 1}");
  EXPECT_EQ(FinishError(vietnamese_body).field, Repeated("ễ", 21) + "…");
}

TEST(JsonBodyTest, ACallerRejectsAValueByTheFieldsPath) {
  JsonBody body = Parsed(R"({"components": [{"unit": "fortnight"}]})");
  std::vector<JsonObject> components = body.Root().OptionalObjectArray("components", 200);
  ASSERT_EQ(components.size(), 1u);
  EXPECT_EQ(components[0].RequiredString("unit", 300), "fortnight");
  EXPECT_EQ(components[0].PathOf("unit"), "components[0].unit");
  components[0].Reject("unit", "không hợp lệ", "is not valid");
  const Error error = FinishError(body);
  EXPECT_EQ(error.code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(error.field, "components[0].unit");
  EXPECT_EQ(error.message_vi, "không hợp lệ");
  EXPECT_EQ(error.message_en, "is not valid");
}

TEST(JsonBodyTest, HasDoesNotCountAsReading) {
  JsonBody body = Parsed(R"({"channel": "online"})");
  EXPECT_TRUE(body.Root().Has("channel"));
  EXPECT_FALSE(body.Root().Has("unit"));
  EXPECT_EQ(FinishError(body).field, "channel");
}

TEST(JsonBodyTest, ObjectsStayValidWhenTheBodyIsMoved) {
  Result<JsonBody> parsed = JsonBody::Parse(R"({"a": {"b": "c"}})");
  ASSERT_TRUE(parsed.has_value());
  JsonObject a = parsed->Root().RequiredObject("a");
  JsonBody body = std::move(*parsed);
  EXPECT_EQ(a.RequiredString("b", 300), "c");
  EXPECT_TRUE(body.Finish().has_value());
}

}  // namespace
}  // namespace motcua::http
