#pragma once
// Applies the schema migrations compiled into the binary (an engine's migrations/NNNN_name.sql), in order, each in
// its own transaction, recording each in schema_migrations; any version not recorded is applied, even below the
// newest recorded. A database whose newest migration is unknown to this binary is refused rather than used with a
// schema we do not understand. Upgrading a database already in use, it names each migration and its time on
// standard error (a large history takes minutes).
#include <limits>
#include <span>
#include <string_view>

#include "domain/error.h"
#include "embedded_file.h"
#include "store/sql/connection.h"

namespace motcua::store {

// Every migration the binary has; a smaller version leaves a database as an older motcua did (upgrade tests).
inline constexpr int kEveryVersion = std::numeric_limits<int>::max();

// One engine's migrations: the files, and the statement that creates schema_migrations when it is missing
// (version, name, applied_at as UTC text); those above `up_to_version` are left out.
struct MigrationSet {
  std::span<const EmbeddedFile> files;
  std::string_view create_record_table;
  int up_to_version = kEveryVersion;
};

// May throw sql::DbError.
Result<void> Migrate(sql::Connection& db, const MigrationSet& migrations);

}  // namespace motcua::store
