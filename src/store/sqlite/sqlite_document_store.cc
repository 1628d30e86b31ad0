#include "store/sqlite/sqlite_document_store.h"

#include <SQLiteCpp/Statement.h>

#include "store/sqlite/sqlite_dossier_rows.h"

namespace motcua::store {

namespace {

DocumentUpload UploadOf(SQLite::Statement& row) {
  DocumentUpload u;
  u.id = row.getColumn(0).getString();
  u.uploader = row.getColumn(1).getString();
  u.size = row.getColumn(2).getInt64();
  u.media_type = ParseMediaType(row.getColumn(3).getString()).value_or(MediaType::kPdf);
  u.original_name = row.getColumn(4).getString();
  u.uploaded_at = ParseIsoInstant(row.getColumn(5).getString(), "uploaded_at").value_or(Instant{});
  return u;
}

constexpr const char* kUploadColumns = "id, uploader, size, media_type, original_name, uploaded_at";

}  // namespace

// The same person's upload of the same content keeps its first row, unless the bytes were removed since: then
// the upload stored them again and counts from now (a pruning must not take them again at once).
void SqliteDocumentStore::RecordUpload(const DocumentUpload& upload) {
  SQLite::Statement insert(db_,
                           "INSERT INTO document_uploads (id, uploader, size, media_type, original_name, uploaded_at) "
                           "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id, uploader) DO UPDATE "
                           "SET uploaded_at = excluded.uploaded_at WHERE EXISTS (SELECT 1 FROM removed_files r "
                           "WHERE r.id = excluded.id AND r.removed_at >= document_uploads.uploaded_at)");
  insert.bind(1, upload.id);
  insert.bind(2, upload.uploader);
  insert.bind(3, static_cast<std::int64_t>(upload.size));
  insert.bind(4, std::string(MediaTypeName(upload.media_type)));
  insert.bind(5, upload.original_name);
  insert.bind(6, UtcText(upload.uploaded_at));
  insert.exec();
}

std::vector<DocumentUpload> SqliteDocumentStore::Uploads(std::string_view id) {
  SQLite::Statement rows(db_, std::string("SELECT ") + kUploadColumns +
                                  " FROM document_uploads WHERE id = ? ORDER BY uploaded_at, uploader");
  rows.bind(1, std::string(id));
  std::vector<DocumentUpload> uploads;
  while (rows.executeStep()) uploads.push_back(UploadOf(rows));
  return uploads;
}

std::vector<DocumentUpload> SqliteDocumentStore::UploadsBy(std::string_view uploader, Instant since) {
  SQLite::Statement rows(db_, std::string("SELECT ") + kUploadColumns +
                                  " FROM document_uploads WHERE uploader = ? AND uploaded_at >= ? "
                                  "ORDER BY uploaded_at, id");
  rows.bind(1, std::string(uploader));
  rows.bind(2, UtcText(since));
  std::vector<DocumentUpload> uploads;
  while (rows.executeStep()) uploads.push_back(UploadOf(rows));
  return uploads;
}

std::vector<std::string> SqliteDocumentStore::Unattached(Instant uploaded_before) {
  // The inner WHERE repeats the partial index's expression and condition (dossier_events_by_file).
  SQLite::Statement rows(db_,
                         "SELECT u.id FROM (SELECT id, max(uploaded_at) AS last FROM document_uploads GROUP BY id) u "
                         "WHERE u.last < ? AND NOT EXISTS (SELECT 1 FROM dossier_events e WHERE e.type = 'digitized' "
                         "AND json_extract(e.payload, '$.file') = u.id) "
                         "AND NOT EXISTS (SELECT 1 FROM removed_files r WHERE r.id = u.id AND r.removed_at >= u.last) "
                         "ORDER BY u.id");
  rows.bind(1, UtcText(uploaded_before));
  std::vector<std::string> ids;
  while (rows.executeStep()) ids.push_back(rows.getColumn(0).getString());
  return ids;
}

void SqliteDocumentStore::RecordRemoved(std::string_view id, Instant at) {
  SQLite::Statement insert(db_, "INSERT INTO removed_files (id, removed_at) VALUES (?, ?) ON CONFLICT DO NOTHING");
  insert.bind(1, std::string(id));
  insert.bind(2, UtcText(at));
  insert.exec();
}

std::vector<std::string> SqliteDocumentStore::DossiersWith(std::string_view id) {
  // The WHERE repeats the partial index's expression and condition, so that SQLite uses dossier_events_by_file.
  SQLite::Statement rows(db_,
                         "SELECT DISTINCT dossier_code FROM dossier_events "
                         "WHERE type = 'digitized' AND json_extract(payload, '$.file') = ? ORDER BY dossier_code");
  rows.bind(1, std::string(id));
  std::vector<std::string> codes;
  while (rows.executeStep()) codes.push_back(rows.getColumn(0).getString());
  return codes;
}

}  // namespace motcua::store
