-- An account's uploads of the last day are added up before another is taken (domain/upload_quota.h).
CREATE INDEX document_uploads_by_uploader ON document_uploads (uploader, uploaded_at);

-- Files whose bytes were removed from <db>.files/ because no dossier attached them for a month (motcua files
-- prune, app/document_pruning.h). The upload rows stay: this says when their bytes went. A content uploaded
-- again after its removal is stored again and its upload counts from then.
CREATE TABLE removed_files (
  id         TEXT NOT NULL CHECK (length(id) = 64),  -- SHA-256 of the content, lower-case hex
  removed_at TEXT NOT NULL,
  PRIMARY KEY (id, removed_at)
) STRICT, WITHOUT ROWID;
