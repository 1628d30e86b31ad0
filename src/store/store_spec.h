#pragma once
// Which database a motcua process works on, as named by `--db` (or $MOTCUA_DB): a SQLite file (the embedded default:
// one PC, one file) or a PostgreSQL server (a province on two machines). Parsing is pure; opening is store_factory.h.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "domain/error.h"

namespace motcua::store {

struct StoreSpec {
  enum class Engine { kSqlite, kPostgresql };

  Engine engine = Engine::kSqlite;
  // A SQLite file path or ":memory:"; for PostgreSQL the libpq connection URL as given (password included).
  std::string location;
  // Where document files are kept (--files). SQLite defaults to the folder beside the file; PostgreSQL has no file
  // to stand beside, so it needs one named.
  std::optional<std::filesystem::path> files;

  // "postgresql://…" or "postgres://…" names PostgreSQL; anything else is a SQLite path. An empty `db` is
  // InvalidArgument on "db", and so is a URL with nothing after the scheme.
  static Result<StoreSpec> Parse(std::string_view db, std::optional<std::filesystem::path> files = std::nullopt);

  // A SQLite database at `path` (or ":memory:"), its files beside it.
  static StoreSpec Sqlite(std::string path) { return StoreSpec{Engine::kSqlite, std::move(path), std::nullopt}; }

  bool IsMemory() const { return engine == Engine::kSqlite && location == ":memory:"; }
  // The folder of document files: `files` when given, else `<file>.files` beside a SQLite file; FailedPrecondition on
  // "files" for PostgreSQL without one, and for an in-memory database.
  Result<std::filesystem::path> FilesFolder() const;
  // For logs and messages: the location with any password replaced by "***", so that no secret is printed.
  std::string Shown() const;
  // "sqlite" or "postgresql", as backups and `/health` name the engine.
  std::string_view EngineName() const;
};

}  // namespace motcua::store
