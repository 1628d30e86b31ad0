-- Document files and the province's procedure settings.
-- Times are UTC text 'YYYY-MM-DDTHH:MM:SSZ', so that text comparison is time order.

-- Uploads of document files (domain/document_file.h). The bytes live beside the database, in <db>.files/,
-- named by their SHA-256 (store/disk_blob_store.h); a row is written only once its file is durable, so a row
-- never names a missing file. The same content uploaded by two people is one file with two rows; uploaded again
-- by the same person, the first row is kept.
CREATE TABLE document_uploads (
  id            TEXT NOT NULL CHECK (length(id) = 64),  -- SHA-256 of the content, lower-case hex
  uploader      TEXT NOT NULL,                          -- login
  size          INTEGER NOT NULL CHECK (size > 0),
  media_type    TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  original_name TEXT NOT NULL,                          -- '' when not given
  uploaded_at   TEXT NOT NULL,
  PRIMARY KEY (id, uploader)
) STRICT, WITHOUT ROWID;

-- A file is attached to a dossier by a 'digitized' event naming it; the history stays the only record of the
-- attachment, and this index finds the dossiers of a file (who else may read it) without a scan.
CREATE INDEX dossier_events_by_file ON dossier_events (json_extract(payload, '$.file')) WHERE type = 'digitized';

-- The province's settings of a procedure (domain/procedure_settings.h), beside the national catalogue, which a
-- reload never writes here. processing_times and steps are JSON arrays:
--   [{"channel":"direct","amount":5,"unit":"working_day"}], [{"name":"...","role":"specialist","share_percent":60}]
CREATE TABLE procedure_settings (
  procedure_code   TEXT PRIMARY KEY REFERENCES procedures (code),
  processing_times TEXT NOT NULL,
  steps            TEXT NOT NULL,
  boundaryless     INTEGER CHECK (boundaryless IN (0, 1)),  -- NULL: not set
  updated_by       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;
