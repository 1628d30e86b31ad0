#include "store/sqlite/sqlite_document_store.h"

#include <SQLiteCpp/Statement.h>

#include "store/sqlite/sqlite_dossier_rows.h"

namespace motcua::store {

void SqliteDocumentStore::RecordUpload(const DocumentUpload& upload) {
  SQLite::Statement insert(db_,
                           "INSERT INTO document_uploads (id, uploader, size, media_type, original_name, uploaded_at) "
                           "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id, uploader) DO NOTHING");
  insert.bind(1, upload.id);
  insert.bind(2, upload.uploader);
  insert.bind(3, static_cast<std::int64_t>(upload.size));
  insert.bind(4, std::string(MediaTypeName(upload.media_type)));
  insert.bind(5, upload.original_name);
  insert.bind(6, UtcText(upload.uploaded_at));
  insert.exec();
}

std::vector<DocumentUpload> SqliteDocumentStore::Uploads(std::string_view id) {
  SQLite::Statement rows(db_,
                         "SELECT id, uploader, size, media_type, original_name, uploaded_at FROM document_uploads "
                         "WHERE id = ? ORDER BY uploaded_at, uploader");
  rows.bind(1, std::string(id));
  std::vector<DocumentUpload> uploads;
  while (rows.executeStep()) {
    DocumentUpload u;
    u.id = rows.getColumn(0).getString();
    u.uploader = rows.getColumn(1).getString();
    u.size = rows.getColumn(2).getInt64();
    u.media_type = ParseMediaType(rows.getColumn(3).getString()).value_or(MediaType::kPdf);
    u.original_name = rows.getColumn(4).getString();
    u.uploaded_at = ParseIsoInstant(rows.getColumn(5).getString(), "uploaded_at").value_or(Instant{});
    uploads.push_back(std::move(u));
  }
  return uploads;
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
