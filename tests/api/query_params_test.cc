// Query strings (src/http/query_params.h): every refusal is an InvalidArgument naming a field a client can act on.
#include "http/query_params.h"

#include <gtest/gtest.h>

#include <string_view>

namespace motcua::http {
namespace {

// Regression (found by fuzz/query_params_fuzzer.cc): "?=x" was refused as an unknown parameter named "", so the
// error body's "field" was empty.
TEST(QueryParamsTest, EveryRefusalNamesAField) {
  const struct {
    std::string_view target;
    std::string_view field;
    std::string_view why;
  } cases[] = {
      {"/p?=x", "query", "a parameter without a name"},
      {"/p?q=a&=", "query", "a name-less parameter after a known one"},
      {"/p?%3D=1", "=", "an encoded '=' is a name like any other, unknown here"},
      {"/p?q=%4", "q", "a malformed escape names its parameter"},
      {"/p?%ZZ=1", "query", "a key that does not decode names the query"},
      {"/p?q=1&q=2", "q", "a parameter given twice"},
      {"/p?x=1", "x", "an unknown parameter"},
  };
  for (const auto& c : cases) {
    const auto parsed = QueryParams::ParseKnown(c.target, {"q"});
    ASSERT_FALSE(parsed.has_value()) << c.target << " (" << c.why << ")";
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument) << c.target;
    EXPECT_EQ(parsed.error().field, c.field) << c.target << " (" << c.why << ")";
  }
}

TEST(QueryParamsTest, EmptyPairsAreSkipped) {
  const auto parsed = QueryParams::ParseKnown("/p?&q=a&&", {"q"});
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message_en;
  EXPECT_EQ(parsed->Get("q"), "a");
}

}  // namespace
}  // namespace motcua::http
