#include "store/sql/sql_document_store.h"

#include "store/sql/sql_dossier_rows.h"

namespace motcua::store {

namespace {

DocumentUpload UploadOf(sql::Statement& row) {
  DocumentUpload u;
  u.id = row.Text(0);
  u.uploader = row.Text(1);
  u.size = row.Int(2);
  u.media_type = ParseMediaType(row.Text(3)).value_or(MediaType::kPdf);
  u.original_name = row.Text(4);
  u.uploaded_at = ParseIsoInstant(row.Text(5), "uploaded_at").value_or(Instant{});
  return u;
}

constexpr const char* kUploadColumns = "id, uploader, size, media_type, original_name, uploaded_at";

}  // namespace

// The same person's upload of the same content keeps its first row, unless the bytes were removed since: then
// the upload stored them again and counts from now (a pruning must not take them again at once).
void SqlDocumentStore::RecordUpload(const DocumentUpload& upload) {
  sql::Statement insert(db_,
                        "INSERT INTO document_uploads (id, uploader, size, media_type, original_name, uploaded_at) "
                        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id, uploader) DO UPDATE "
                        "SET uploaded_at = excluded.uploaded_at WHERE EXISTS (SELECT 1 FROM removed_files r "
                        "WHERE r.id = excluded.id AND r.removed_at >= document_uploads.uploaded_at)");
  insert.Bind(1, upload.id);
  insert.Bind(2, upload.uploader);
  insert.Bind(3, static_cast<std::int64_t>(upload.size));
  insert.Bind(4, std::string(MediaTypeName(upload.media_type)));
  insert.Bind(5, upload.original_name);
  insert.Bind(6, UtcText(upload.uploaded_at));
  insert.Execute();
}

std::vector<DocumentUpload> SqlDocumentStore::Uploads(std::string_view id) {
  sql::Statement rows(db_, std::string("SELECT ") + kUploadColumns +
                               " FROM document_uploads WHERE id = ? ORDER BY uploaded_at, uploader");
  rows.Bind(1, std::string(id));
  std::vector<DocumentUpload> uploads;
  while (rows.Step()) uploads.push_back(UploadOf(rows));
  return uploads;
}

std::vector<DocumentUpload> SqlDocumentStore::UploadsBy(std::string_view uploader, Instant since) {
  sql::Statement rows(db_, std::string("SELECT ") + kUploadColumns +
                               " FROM document_uploads WHERE uploader = ? AND uploaded_at >= ? "
                               "ORDER BY uploaded_at, id");
  rows.Bind(1, std::string(uploader));
  rows.Bind(2, UtcText(since));
  std::vector<DocumentUpload> uploads;
  while (rows.Step()) uploads.push_back(UploadOf(rows));
  return uploads;
}

std::vector<std::string> SqlDocumentStore::Unattached(Instant uploaded_before) {
  // The inner WHERE repeats the partial index's expression and condition (dossier_events_by_file).
  sql::Statement rows(db_,
                      "SELECT u.id FROM (SELECT id, max(uploaded_at) AS last FROM document_uploads GROUP BY id) u "
                      "WHERE u.last < ? AND NOT EXISTS (SELECT 1 FROM dossier_events e WHERE e.type = 'digitized' "
                      "AND " +
                          db_.dialect().JsonText("e.payload", "file") +
                          " = u.id) "
                          "AND NOT EXISTS (SELECT 1 FROM removed_files r WHERE r.id = u.id AND r.removed_at >= u.last) "
                          "ORDER BY u.id");
  rows.Bind(1, UtcText(uploaded_before));
  std::vector<std::string> ids;
  while (rows.Step()) ids.push_back(rows.Text(0));
  return ids;
}

void SqlDocumentStore::RecordRemoved(std::string_view id, Instant at) {
  sql::Statement insert(db_, "INSERT INTO removed_files (id, removed_at) VALUES (?, ?) ON CONFLICT DO NOTHING");
  insert.Bind(1, std::string(id));
  insert.Bind(2, UtcText(at));
  insert.Execute();
}

std::vector<std::string> SqlDocumentStore::DossiersWith(std::string_view id) {
  // The WHERE repeats the partial index's expression and condition, so that SQLite uses dossier_events_by_file.
  sql::Statement rows(db_,
                      "SELECT DISTINCT dossier_code FROM dossier_events "
                      "WHERE type = 'digitized' AND " +
                          db_.dialect().JsonText("payload", "file") + " = ? ORDER BY dossier_code");
  rows.Bind(1, std::string(id));
  std::vector<std::string> codes;
  while (rows.Step()) codes.push_back(rows.Text(0));
  return codes;
}

}  // namespace motcua::store
