// Naming the database: --db read as a SQLite path or a PostgreSQL URL, where document files go, no password
// printed, and an engine this binary lacks refused with a clear error rather than a crash.
#include "store/store_spec.h"

#include <gtest/gtest.h>

#include "store/store_factory.h"

namespace motcua::store {
namespace {

StoreSpec Parsed(std::string_view db, std::optional<std::filesystem::path> files = std::nullopt) {
  auto spec = StoreSpec::Parse(db, std::move(files));
  EXPECT_TRUE(spec.has_value()) << db << ": " << spec.error().message_en;
  return spec.value_or(StoreSpec{});
}

TEST(StoreSpecTest, APathIsASqliteFileWithItsFilesBesideIt) {
  const StoreSpec spec = Parsed("/var/lib/motcua/motcua.db");
  EXPECT_EQ(spec.engine, StoreSpec::Engine::kSqlite);
  EXPECT_EQ(spec.location, "/var/lib/motcua/motcua.db");
  EXPECT_EQ(spec.FilesFolder().value(), "/var/lib/motcua/motcua.db.files");
  EXPECT_EQ(spec.Shown(), "/var/lib/motcua/motcua.db");
  EXPECT_EQ(spec.EngineName(), "sqlite");
  EXPECT_FALSE(spec.IsMemory());
}

TEST(StoreSpecTest, ARelativePathAndOneThatLooksLikeAUrlOfAnotherKindAreFiles) {
  EXPECT_EQ(Parsed("motcua.db").engine, StoreSpec::Engine::kSqlite);
  EXPECT_EQ(Parsed("file:motcua.db").engine, StoreSpec::Engine::kSqlite);
  EXPECT_EQ(Parsed("mysql://host/db").engine, StoreSpec::Engine::kSqlite) << "only PostgreSQL URLs are URLs";
  EXPECT_EQ(Parsed("PostgreSQL.db").engine, StoreSpec::Engine::kSqlite);
}

TEST(StoreSpecTest, NamedFilesFolderWins) {
  EXPECT_EQ(Parsed("motcua.db", "/srv/files").FilesFolder().value(), "/srv/files");
}

TEST(StoreSpecTest, MemoryHasNoFilesFolder) {
  const StoreSpec spec = Parsed(":memory:");
  EXPECT_TRUE(spec.IsMemory());
  EXPECT_EQ(spec.FilesFolder().error().field, "files");
}

TEST(StoreSpecTest, BothPostgresqlSchemesNamePostgresql) {
  EXPECT_EQ(Parsed("postgresql://motcua@127.0.0.1:5432/motcua").engine, StoreSpec::Engine::kPostgresql);
  EXPECT_EQ(Parsed("postgres://localhost/motcua").engine, StoreSpec::Engine::kPostgresql);
  EXPECT_EQ(Parsed("postgres://localhost/motcua").EngineName(), "postgresql");
}

TEST(StoreSpecTest, PostgresqlNeedsAFilesFolderNamed) {
  const auto folder = Parsed("postgresql://localhost/motcua").FilesFolder();
  ASSERT_FALSE(folder.has_value());
  EXPECT_EQ(folder.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(folder.error().field, "files");
  EXPECT_EQ(Parsed("postgresql://localhost/motcua", "/mnt/shared/files").FilesFolder().value(), "/mnt/shared/files");
}

TEST(StoreSpecTest, EmptyInputsNameTheirOption) {
  EXPECT_EQ(StoreSpec::Parse("").error().field, "db");
  EXPECT_EQ(StoreSpec::Parse("postgresql://").error().field, "db");
  EXPECT_EQ(StoreSpec::Parse("motcua.db", std::filesystem::path()).error().field, "files");
}

// What logs and messages print: never the password, wherever libpq lets it be written.
TEST(StoreSpecTest, ShownHidesEveryPassword) {
  const struct {
    const char* url;
    const char* shown;
  } cases[] = {
      {"postgresql://motcua:s3cret@db1:5432/motcua", "postgresql://motcua:***@db1:5432/motcua"},
      {"postgresql://motcua:p@ss@db1/motcua", "postgresql://motcua:***@db1/motcua"},  // '@' inside the password
      {"postgresql://motcua@db1/motcua", "postgresql://motcua@db1/motcua"},
      {"postgresql://db1:5432/motcua", "postgresql://db1:5432/motcua"},  // the port's colon is no password
      {"postgresql://u:pw@db1:5432,db2:5432/motcua?target_session_attrs=read-write",
       "postgresql://u:***@db1:5432,db2:5432/motcua?target_session_attrs=read-write"},
      {"postgresql://db1/motcua?user=u&password=s3cret&sslmode=require",
       "postgresql://db1/motcua?user=u&password=***&sslmode=require"},
      {"postgres://db1/motcua?password=s3cret", "postgres://db1/motcua?password=***"},
      {"postgresql://db1/motcua?application_name=x_password=y",
       "postgresql://db1/motcua?application_name=x_password=y"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Parsed(c.url).Shown(), c.shown) << c.url;
    EXPECT_EQ(Parsed(c.url).Shown().find("s3cret"), std::string::npos) << c.url;
  }
}

TEST(StoreSpecTest, AServerThatCannotBeReachedIsUnavailableOnDbWithoutItsPassword) {
  const StoreSpec spec = Parsed("postgresql://motcua:s3cret@127.0.0.1:1/motcua");
  const auto store = OpenStore(spec);
  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(store.error().field, "db");
  EXPECT_EQ(store.error().message_en.find("s3cret"), std::string::npos) << store.error().message_en;
  EXPECT_NE(store.error().message_en.find("127.0.0.1"), std::string::npos) << "says which server";
  // A provider connects on a thread's first request, where the same error comes.
  auto provider = OpenStoreProvider(spec);
  ASSERT_TRUE(provider.has_value());
  EXPECT_EQ((*provider)->ForThisThread().error().code, ErrorCode::kUnavailable);
}

TEST(StoreSpecTest, AServerNeedsADatabaseEveryThreadShares) {
  const auto provider = OpenStoreProvider(Parsed(":memory:"));
  ASSERT_FALSE(provider.has_value());
  EXPECT_EQ(provider.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(provider.error().field, "db");
}

}  // namespace
}  // namespace motcua::store
