#include "store/store_spec.h"

#include <array>

#include "store/disk_blob_store.h"

namespace motcua::store {
namespace {

constexpr std::array<std::string_view, 2> kPostgresSchemes = {"postgresql://", "postgres://"};

std::optional<std::string_view> PostgresScheme(std::string_view db) {
  for (std::string_view scheme : kPostgresSchemes) {
    if (db.starts_with(scheme)) return scheme;
  }
  return std::nullopt;
}

// Masks the value of `password=` in a URL's query string (libpq accepts the password there too).
std::string MaskPasswordParameter(std::string url) {
  for (std::size_t at = url.find("password="); at != std::string::npos; at = url.find("password=", at + 1)) {
    if (at > 0 && url[at - 1] != '?' && url[at - 1] != '&') continue;
    const std::size_t value = at + std::string_view("password=").size();
    const std::size_t end = url.find('&', value);
    url.replace(value, (end == std::string::npos ? url.size() : end) - value, "***");
  }
  return url;
}

// Masks the password of "scheme://user:password@host…": the userinfo ends at the last '@' before the path.
std::string MaskUserinfoPassword(std::string url, std::size_t authority) {
  const std::size_t path = url.find_first_of("/?", authority);
  const std::size_t at = url.rfind('@', path == std::string::npos ? std::string::npos : path);
  if (at == std::string::npos || at < authority) return url;
  const std::size_t colon = url.find(':', authority);
  if (colon == std::string::npos || colon > at) return url;
  url.replace(colon + 1, at - colon - 1, "***");
  return url;
}

}  // namespace

Result<StoreSpec> StoreSpec::Parse(std::string_view db, std::optional<std::filesystem::path> files) {
  if (db.empty()) {
    return Fail(Error::InvalidArgument("db", "chưa nêu cơ sở dữ liệu (tệp SQLite hoặc địa chỉ postgresql://…)",
                                       "no database named (a SQLite file or a postgresql://… URL)"));
  }
  if (files && files->empty()) {
    return Fail(Error::InvalidArgument("files", "thư mục tệp tài liệu để trống", "the document files folder is empty"));
  }
  StoreSpec spec;
  spec.location = std::string(db);
  spec.files = std::move(files);
  if (const auto scheme = PostgresScheme(db)) {
    spec.engine = Engine::kPostgresql;
    if (db.size() == scheme->size()) {
      return Fail(Error::InvalidArgument("db", "địa chỉ PostgreSQL thiếu máy chủ hoặc tên cơ sở dữ liệu",
                                         "the PostgreSQL URL names no host or database"));
    }
  }
  return spec;
}

Result<std::filesystem::path> StoreSpec::FilesFolder() const {
  if (files) return *files;
  if (engine == Engine::kPostgresql) {
    return Fail(Error::FailedPrecondition(
        "files", "với PostgreSQL cần nêu thư mục tệp tài liệu (--files), dùng chung cho mọi máy chủ",
        "with PostgreSQL the document files folder must be named (--files), shared by every server"));
  }
  if (IsMemory()) {
    return Fail(Error::FailedPrecondition("files", "cơ sở dữ liệu trong bộ nhớ không có thư mục tệp bên cạnh",
                                          "an in-memory database has no folder beside it"));
  }
  return BlobFolderBeside(location);
}

std::string StoreSpec::Shown() const {
  if (engine != Engine::kPostgresql) return location;
  const std::size_t authority = PostgresScheme(location)->size();
  return MaskPasswordParameter(MaskUserinfoPassword(location, authority));
}

std::string_view StoreSpec::EngineName() const { return engine == Engine::kPostgresql ? "postgresql" : "sqlite"; }

}  // namespace motcua::store
