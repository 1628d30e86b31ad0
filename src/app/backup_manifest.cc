#include "app/backup_manifest.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <vector>

#include "store/sha256.h"

namespace motcua::app {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kFormat = "motcua-backup";
constexpr int kVersion = 1;

Error NotAManifest(const std::string& why_vi, const std::string& why_en) {
  return Error::InvalidArgument(std::string(kManifestName), "không phải bản kê sao lưu của motcua: " + why_vi,
                                "not a motcua backup manifest: " + why_en);
}

Error BadMember(const char* name) {
  return NotAManifest(std::string("thiếu trường \"") + name + "\" hoặc sai kiểu",
                      std::string("the member \"") + name + "\" is missing or of the wrong type");
}

// The member `name` of `object` when it exists and `is` holds for it; nullptr otherwise.
const json* Member(const json& object, const char* name, bool (json::*is)() const noexcept) {
  auto found = object.find(name);
  return found != object.end() && ((*found).*is)() ? &*found : nullptr;
}

// A path that stays inside the backup folder: relative, '/'-separated, no empty, "." or ".." segment.
bool IsInsideFolder(std::string_view path) {
  if (path.empty() || path == kManifestName || path.find('\\') != std::string_view::npos ||
      path.find('\0') != std::string_view::npos) {
    return false;
  }
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = std::min(path.find('/', start), path.size());
    const std::string_view segment = path.substr(start, slash - start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    start = slash + 1;
  }
  return true;
}

bool IsSha256Hex(std::string_view text) {
  return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

Result<BackupFile> ReadFileEntry(const json& entry) {
  const json* path = Member(entry, "path", &json::is_string);
  const json* size = Member(entry, "size", &json::is_number_unsigned);
  const json* sha256 = Member(entry, "sha256", &json::is_string);
  if (path == nullptr || size == nullptr || sha256 == nullptr) return Fail(BadMember("files"));
  BackupFile file{path->get<std::string>(), size->get<std::uint64_t>(), sha256->get<std::string>()};
  if (!IsInsideFolder(file.path)) {
    return Fail(NotAManifest("đường dẫn \"" + file.path + "\" ra ngoài thư mục sao lưu",
                             "the path \"" + file.path + "\" leaves the backup folder"));
  }
  if (!IsSha256Hex(file.sha256)) {
    return Fail(NotAManifest("mã băm của " + file.path + " không phải 64 chữ số hex",
                             "the hash of " + file.path + " is not 64 hex digits"));
  }
  return file;
}

Result<std::vector<BackupFile>> ReadFiles(const json& files) {
  std::vector<BackupFile> read;
  std::set<std::string> seen;
  for (const json& entry : files) {
    if (!entry.is_object()) return Fail(BadMember("files"));
    auto file = ReadFileEntry(entry);
    if (!file) return Fail(file.error());
    if (!seen.insert(file->path).second) {
      return Fail(
          NotAManifest("tệp " + file->path + " được kê hai lần", "the file " + file->path + " is listed twice"));
    }
    read.push_back(std::move(*file));
  }
  return read;
}

Result<store::BackupFacts> ReadFacts(const json& root) {
  const json* engine = Member(root, "engine", &json::is_string);
  const json* schema = Member(root, "schema_version", &json::is_number_integer);
  const json* dossiers = Member(root, "dossiers", &json::is_number_integer);
  const json* events = Member(root, "events", &json::is_number_integer);
  if (engine == nullptr) return Fail(BadMember("engine"));
  if (schema == nullptr) return Fail(BadMember("schema_version"));
  if (dossiers == nullptr) return Fail(BadMember("dossiers"));
  if (events == nullptr) return Fail(BadMember("events"));
  return store::BackupFacts{engine->get<std::string>(), schema->get<int>(), dossiers->get<std::int64_t>(),
                            events->get<std::int64_t>()};
}

}  // namespace

std::string FormatBackupManifest(const BackupManifest& manifest) {
  const nlohmann::ordered_json head = {{"format", kFormat},
                                       {"version", kVersion},
                                       {"created_at", FormatIsoLocal(manifest.created_at)},
                                       {"engine", manifest.facts.engine},
                                       {"schema_version", manifest.facts.schema_version},
                                       {"dossiers", manifest.facts.dossiers},
                                       {"events", manifest.facts.events},
                                       {"database", manifest.database}};
  std::string text = "{\n";
  for (const auto& [key, value] : head.items()) text += "  " + json(key).dump() + ": " + value.dump() + ",\n";
  text += "  \"files\": [\n";
  for (std::size_t i = 0; i < manifest.files.size(); ++i) {
    const BackupFile& file = manifest.files[i];
    const nlohmann::ordered_json entry = {{"path", file.path}, {"size", file.size}, {"sha256", file.sha256}};
    text += "    " + entry.dump() + (i + 1 < manifest.files.size() ? ",\n" : "\n");
  }
  return text + "  ]\n}\n";
}

Result<BackupManifest> ParseBackupManifest(std::string_view text) {
  const json root = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded() || !root.is_object()) return Fail(NotAManifest("không phải JSON", "not JSON"));
  const json* format = Member(root, "format", &json::is_string);
  const json* version = Member(root, "version", &json::is_number_integer);
  if (format == nullptr || *format != kFormat || version == nullptr || *version != kVersion) {
    return Fail(NotAManifest("định dạng khác (cần \"motcua-backup\" phiên bản 1)",
                             "another format (expected \"motcua-backup\" version 1)"));
  }
  const json* created_at = Member(root, "created_at", &json::is_string);
  const json* database = Member(root, "database", &json::is_string);
  const json* files = Member(root, "files", &json::is_array);
  if (created_at == nullptr) return Fail(BadMember("created_at"));
  if (database == nullptr) return Fail(BadMember("database"));
  if (files == nullptr) return Fail(BadMember("files"));
  BackupManifest manifest;
  auto created = ParseIsoInstant(created_at->get<std::string>(), std::string(kManifestName) + ": created_at");
  if (!created) return Fail(created.error());
  manifest.created_at = *created;
  auto facts = ReadFacts(root);
  if (!facts) return Fail(facts.error());
  manifest.facts = std::move(*facts);
  manifest.database = database->get<std::string>();
  auto listed = ReadFiles(*files);
  if (!listed) return Fail(listed.error());
  manifest.files = std::move(*listed);
  if (std::ranges::none_of(manifest.files, [&](const BackupFile& f) { return f.path == manifest.database; })) {
    return Fail(NotAManifest("cơ sở dữ liệu " + manifest.database + " không có trong danh sách tệp",
                             "the database " + manifest.database + " is not among the files"));
  }
  return manifest;
}

Result<BackupManifest> ReadBackupManifest(const fs::path& folder) {
  const fs::path path = folder / kManifestName;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Fail(Error::NotFound(std::string(kManifestName),
                                "không có bản kê " + path.string() + ": không phải bản sao lưu, hoặc bản chưa xong",
                                "no manifest " + path.string() + ": not a backup, or one that never finished"));
  }
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return ParseBackupManifest(text);
}

Result<BackupFile> DigestFile(const fs::path& path, std::string name) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(Error::Unavailable(name, "không đọc được tệp " + path.string(), "cannot read " + path.string()));
  store::Sha256 hash;
  BackupFile file{std::move(name), 0, ""};
  std::vector<char> buffer(1 << 20);
  while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
    hash.Update(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())));
    file.size += static_cast<std::uint64_t>(in.gcount());
  }
  if (in.bad())
    return Fail(Error::Unavailable(file.path, "lỗi đọc " + path.string(), "error reading " + path.string()));
  file.sha256 = hash.HexDigest();
  return file;
}

Result<void> CheckBackupFiles(const fs::path& folder, const BackupManifest& manifest) {
  for (const BackupFile& listed : manifest.files) {
    const fs::path path = folder / listed.path;
    std::error_code error;
    if (!fs::is_regular_file(path, error)) {
      return Fail(Error::NotFound(listed.path, "bản sao lưu thiếu tệp này (" + path.string() + ")",
                                  "the backup is missing this file (" + path.string() + ")"));
    }
    auto found = DigestFile(path, listed.path);
    if (!found) return Fail(found.error());
    if (found->size != listed.size || found->sha256 != listed.sha256) {
      return Fail(Error::FailedPrecondition(
          listed.path, "tệp đã bị thay đổi hoặc hỏng: kích thước hoặc mã SHA-256 khác bản kê (" + path.string() + ")",
          "the file was changed or damaged: its size or SHA-256 differs from the manifest (" + path.string() + ")"));
    }
  }
  return {};
}

}  // namespace motcua::app
