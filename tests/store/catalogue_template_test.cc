// The test support that gives each API test server a copy of one catalogue database (support/catalogue_template.h):
// the URL of a copy keeps the server's address and options, and the template's name follows what it is made from.
#include "support/catalogue_template.h"

#include <gtest/gtest.h>

namespace motcua::test_support {
namespace {

TEST(CatalogueTemplateTest, ACopysUrlChangesOnlyTheDatabaseName) {
  EXPECT_EQ(PostgresUrlOfDatabase("postgresql://motcua@127.0.0.1:5432/motcua_test", "t1_2"),
            "postgresql://motcua@127.0.0.1:5432/t1_2");
  EXPECT_EQ(PostgresUrlOfDatabase("postgresql://motcua@127.0.0.1:5432/motcua_test?sslmode=disable", "t1_2"),
            "postgresql://motcua@127.0.0.1:5432/t1_2?sslmode=disable");
  // No database named: one is added, before the options.
  EXPECT_EQ(PostgresUrlOfDatabase("postgresql://motcua@127.0.0.1:5432", "t1_2"),
            "postgresql://motcua@127.0.0.1:5432/t1_2");
  EXPECT_EQ(PostgresUrlOfDatabase("postgresql://h1:5432,h2:5432?target_session_attrs=read-write", "t1_2"),
            "postgresql://h1:5432,h2:5432/t1_2?target_session_attrs=read-write");
}

TEST(CatalogueTemplateTest, TheTemplatesNameIsAHashOfWhatItIsMadeFrom) {
  const std::string& fingerprint = CatalogueTemplateFingerprint();
  EXPECT_EQ(fingerprint.size(), 16u);
  EXPECT_EQ(fingerprint.find_first_not_of("0123456789abcdef"), std::string::npos) << fingerprint;
  EXPECT_EQ(&fingerprint, &CatalogueTemplateFingerprint()) << "computed once per process";
}

}  // namespace
}  // namespace motcua::test_support
