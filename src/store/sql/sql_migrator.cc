#include "store/sql/sql_migrator.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "store/sql/transaction.h"

namespace motcua::store {

namespace {

struct Migration {
  int version = 0;
  std::string_view name;
  std::string_view sql;
};

// "0001_reference_catalogue.sql" → version 1.
std::vector<Migration> KnownMigrations(std::span<const EmbeddedFile> files) {
  std::vector<Migration> migrations;
  for (const EmbeddedFile& file : files) {
    Migration m{0, file.path, file.content};
    std::from_chars(file.path.data(), file.path.data() + file.path.size(), m.version);
    migrations.push_back(m);
  }
  std::ranges::sort(migrations, {}, &Migration::version);
  return migrations;
}

// The versions recorded in schema_migrations (created on first use).
std::set<int> AppliedVersions(sql::Connection& db, std::string_view create_record_table) {
  db.ExecuteScript(create_record_table);
  sql::Statement query(db, "SELECT version FROM schema_migrations");
  std::set<int> versions;
  while (query.Step()) versions.insert(static_cast<int>(query.Int(0)));
  return versions;
}

}  // namespace

Result<void> Migrate(sql::Connection& db, const MigrationSet& set) {
  const auto migrations = KnownMigrations(set.files);
  const std::set<int> applied = AppliedVersions(db, set.create_record_table);
  const int newest = migrations.empty() ? 0 : migrations.back().version;
  if (!applied.empty() && *applied.rbegin() > newest) {
    return Fail(Error::FailedPrecondition(
        "db",
        "cơ sở dữ liệu ở phiên bản lược đồ " + std::to_string(*applied.rbegin()) + ", mới hơn chương trình này (" +
            std::to_string(newest) + "): hãy dùng bản motcua mới hơn",
        "the database schema is at version " + std::to_string(*applied.rbegin()) + ", newer than this binary's " +
            std::to_string(newest) + ": use a newer motcua"));
  }
  // Upgrading a database already in use may take minutes on a large history (0009 adds up every counter, 0010
  // reads them all), during which nothing else can use the file: say so, on standard error.
  const bool upgrading = !applied.empty();
  for (const Migration& m : migrations) {
    // Any version not yet applied, not only those above the newest applied: databases made by branches that
    // applied migrations in another order still get every one.
    if (applied.contains(m.version) || m.version > set.up_to_version) continue;
    const auto started = std::chrono::steady_clock::now();
    if (upgrading) {
      std::fprintf(stderr, "motcua: đang nâng cấp cơ sở dữ liệu / upgrading the database: %.*s\n",
                   static_cast<int>(m.name.size()), m.name.data());
    }
    sql::Transaction transaction(db, sql::TxMode::kWrite);
    db.ExecuteScript(std::string(m.sql));
    sql::Statement record(db, "INSERT INTO schema_migrations (version, name) VALUES (?, ?)");
    record.Bind(1, m.version);
    record.Bind(2, std::string(m.name));
    record.Execute();
    transaction.Commit();
    if (upgrading) {
      const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
      std::fprintf(stderr, "motcua: %.*s: %.1f s\n", static_cast<int>(m.name.size()), m.name.data(), took.count());
    }
  }
  return {};
}

}  // namespace motcua::store
