// How refusals name fields inside JSON (domain/field_path.h).
#include "domain/field_path.h"

#include <string>

#include <gtest/gtest.h>

namespace motcua {
namespace {

TEST(FieldPath, JoinsWithADotBelowTheTop) {
  EXPECT_EQ(FieldPath("", "name"), "name");
  EXPECT_EQ(FieldPath("applicant", "name"), "applicant.name");
  EXPECT_EQ(FieldPath("components[1]", "copies"), "components[1].copies");
}

TEST(FieldPath, AnEmptyKeyIsStillNamed) {
  EXPECT_EQ(FieldPathKey(""), R"("")");
  EXPECT_EQ(FieldPath("", ""), R"("")");
  EXPECT_EQ(FieldPath("payload", ""), R"(payload."")");
}

TEST(FieldPath, AHugeKeyIsCutAtACharacterBoundary) {
  EXPECT_EQ(FieldPathKey(std::string(64, 'a')), std::string(64, 'a'));
  EXPECT_EQ(FieldPathKey(std::string(1 << 20, 'a')), std::string(64, 'a') + "…");
  // "ă" is two bytes: 63 'a' then "ă" puts byte 64 inside the character, which is dropped whole.
  const std::string key = std::string(63, 'a') + "ăăă";
  EXPECT_EQ(FieldPathKey(key), std::string(63, 'a') + "…");
}

}  // namespace
}  // namespace motcua
