-- The schema of a motcua database on PostgreSQL: the SQLite schema as its migrations 0001–0017 leave it
-- (src/store/sqlite/migrations/), in one step, since no PostgreSQL database predates it. Later migrations are
-- written once per engine under the same version (docs/design/postgresql.md §3.7); tests/store/pg_schema_test.cc
-- checks that both engines end with the same tables, columns, coarse types and indexes.
-- Types: SQLite's INTEGER is BIGINT here, REAL is DOUBLE PRECISION, BLOB is BYTEA. Times stay ISO 8601 text, as the
-- store writes and compares them. The database must use the C collation (scripts/pg.sh makes it so), so that text
-- sorts by bytes, as on SQLite.

CREATE TABLE provinces (
  code          TEXT PRIMARY KEY CHECK (length(code) = 2),
  name          TEXT NOT NULL,
  division_type TEXT NOT NULL,
  codename      TEXT NOT NULL,
  phone_code    TEXT NOT NULL
);

CREATE TABLE communes (
  code          TEXT PRIMARY KEY CHECK (length(code) = 5),
  name          TEXT NOT NULL,
  division_type TEXT NOT NULL CHECK (division_type IN ('xã', 'phường', 'đặc khu')),
  codename      TEXT NOT NULL,
  province_code TEXT NOT NULL REFERENCES provinces (code)
);
CREATE INDEX communes_by_province ON communes (province_code, code);

CREATE TABLE legacy_communes (
  commune_code  TEXT PRIMARY KEY CHECK (length(commune_code) = 5),
  commune_name  TEXT NOT NULL,
  division_type TEXT NOT NULL,
  district_code TEXT NOT NULL,
  district_name TEXT NOT NULL,
  province_code TEXT NOT NULL,
  province_name TEXT NOT NULL
);

CREATE TABLE legacy_links (
  old_commune_code  TEXT NOT NULL,
  commune_code      TEXT NOT NULL REFERENCES communes (code),
  old_commune_name  TEXT NOT NULL,
  merge             TEXT NOT NULL CHECK (merge IN ('whole', 'partial')),
  note              TEXT NOT NULL,
  old_district_code TEXT NOT NULL,
  old_district_name TEXT NOT NULL,
  old_province_code TEXT NOT NULL,
  old_province_name TEXT NOT NULL,
  PRIMARY KEY (old_commune_code, commune_code, old_commune_name)
);
CREATE INDEX legacy_links_by_commune ON legacy_links (commune_code);

CREATE TABLE procedures (
  code                TEXT PRIMARY KEY,
  name                TEXT NOT NULL,
  ministry            TEXT NOT NULL,
  field               TEXT NOT NULL,
  levels              TEXT NOT NULL,  -- '|'-separated: ministry, province, commune, other
  procedure_type      TEXT NOT NULL,
  decision            TEXT NOT NULL,
  implementing_agency TEXT NOT NULL,
  competent_agency    TEXT NOT NULL,
  channels            TEXT NOT NULL,  -- '|'-separated: direct, online, postal
  target_groups       TEXT NOT NULL,  -- '|'-separated
  source_url          TEXT NOT NULL
);

CREATE TABLE procedure_channels (
  code                 TEXT NOT NULL REFERENCES procedures (code),
  position             BIGINT NOT NULL,
  channel              TEXT NOT NULL CHECK (channel IN ('direct', 'online', 'postal')),
  time_text            TEXT NOT NULL,
  time_value           DOUBLE PRECISION,
  time_unit            TEXT CHECK (time_unit IN ('working_day', 'day', 'working_hour', 'month')),
  fee_free             BIGINT NOT NULL CHECK (fee_free IN (0, 1)),
  fee_first_amount_vnd BIGINT,
  fee_text             TEXT NOT NULL,
  PRIMARY KEY (code, position)
);

CREATE TABLE procedure_documents (
  code       TEXT NOT NULL REFERENCES procedures (code),
  seq        BIGINT NOT NULL,
  case_group TEXT NOT NULL,
  document   TEXT NOT NULL,
  originals  BIGINT NOT NULL,
  copies     BIGINT NOT NULL,
  PRIMARY KEY (code, seq)
);

CREATE TABLE procedure_settings (
  procedure_code   TEXT PRIMARY KEY REFERENCES procedures (code),
  processing_times TEXT NOT NULL,
  steps            TEXT NOT NULL,
  boundaryless     BIGINT CHECK (boundaryless IN (0, 1)),  -- NULL: not set
  updated_by       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);

CREATE TABLE calendar_days (
  date       TEXT PRIMARY KEY CHECK (length(date) = 10),
  kind       TEXT NOT NULL,
  name_vi    TEXT NOT NULL,
  is_day_off BIGINT CHECK (is_day_off IN (0, 1)),
  confidence TEXT NOT NULL,
  note       TEXT NOT NULL,
  source     TEXT NOT NULL DEFAULT 'reference' CHECK (source IN ('reference', 'admin'))
);

-- Dossiers: the append-only, hash-chained events, and the projection rewritten with each append.
CREATE TABLE dossier_events (
  dossier_code TEXT NOT NULL,
  seq          BIGINT NOT NULL CHECK (seq >= 1),
  type         TEXT NOT NULL,
  actor_user   TEXT NOT NULL,
  actor_role   TEXT NOT NULL,
  actor_unit   TEXT NOT NULL,
  occurred_at  TEXT NOT NULL,
  recorded_at  TEXT NOT NULL,
  imported     BIGINT NOT NULL CHECK (imported IN (0, 1)),
  imported_by  TEXT NOT NULL,  -- '' unless imported
  payload      TEXT NOT NULL,  -- JSON object, as in docs/events-jsonl.md
  prev_hash    TEXT NOT NULL,  -- '' for seq 1
  hash         TEXT NOT NULL,  -- SHA-256 hex of the canonical event (src/store/event_hash.h)
  PRIMARY KEY (dossier_code, seq)
);
CREATE INDEX dossier_events_by_file ON dossier_events ((payload::jsonb ->> 'file')) WHERE type = 'digitized';

CREATE TABLE dossiers (
  code                 TEXT PRIMARY KEY,
  status               TEXT NOT NULL,
  procedure_code       TEXT NOT NULL,
  channel              TEXT NOT NULL CHECK (channel IN ('direct', 'online', 'postal')),
  receiving_unit       TEXT NOT NULL,
  receiving_point      TEXT NOT NULL,
  competent_agency     TEXT NOT NULL,
  competent_unit       TEXT NOT NULL,
  applicant_citizen_id TEXT NOT NULL,
  applicant_name       TEXT NOT NULL,
  applicant_phone      TEXT NOT NULL,
  current_step         TEXT NOT NULL,
  assignee             TEXT NOT NULL,
  submitted_at         TEXT,
  received_at          TEXT,
  due_at               TEXT,
  original_due_at      TEXT,
  suspended_at         TEXT,
  completed_at         TEXT,
  returned_at          TEXT,
  supplement_requests  BIGINT NOT NULL,
  extensions           BIGINT NOT NULL,
  fees_assessed_vnd    BIGINT NOT NULL,
  fees_paid_vnd        BIGINT NOT NULL,
  fees_paid_online_vnd BIGINT NOT NULL,
  evaluation           BIGINT,
  last_seq             BIGINT NOT NULL,
  last_hash            TEXT NOT NULL,
  updated_at           TEXT NOT NULL,  -- recorded_at of the last event
  statutory_due_at     TEXT
);
CREATE INDEX dossiers_by_agency_due ON dossiers (competent_agency, coalesce(due_at, 'none'), code);
CREATE INDEX dossiers_by_applicant ON dossiers (applicant_citizen_id);
CREATE INDEX dossiers_by_assignee ON dossiers (assignee);
CREATE INDEX dossiers_by_competent_agency ON dossiers (competent_agency, code);
CREATE INDEX dossiers_by_competent_unit ON dossiers (competent_unit, status);
CREATE INDEX dossiers_by_due_order ON dossiers (coalesce(due_at, 'none'), code);
CREATE INDEX dossiers_by_procedure ON dossiers (procedure_code, code);
CREATE INDEX dossiers_by_procedure_due ON dossiers (procedure_code, coalesce(due_at, 'none'), code);
CREATE INDEX dossiers_by_receiving_unit ON dossiers (receiving_unit, status);
CREATE INDEX dossiers_open_by_due ON dossiers (due_at) WHERE status IN ('processing', 'waiting_supplement');

CREATE TABLE dossier_code_sequences (
  prefix TEXT PRIMARY KEY,
  last   BIGINT NOT NULL CHECK (last >= 1)
);

-- The log of every event in append order, each row chaining the one before (src/store/sql/sql_event_log.h).
CREATE TABLE event_log (
  position     BIGINT PRIMARY KEY,
  dossier_code TEXT NOT NULL,
  seq          BIGINT NOT NULL,
  chain        TEXT NOT NULL,
  UNIQUE (dossier_code, seq)
);
CREATE TABLE event_log_backfill (due BIGINT NOT NULL);

-- Refuses to change or remove what is append-only; the message names the table. Even the owner must drop the
-- trigger first, which the event chains would then show (Store::VerifyDossierChains, VerifyEventLog).
CREATE FUNCTION motcua_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: rows are never %d', TG_TABLE_NAME, lower(TG_OP);
END
$$;
CREATE TRIGGER dossier_events_no_update BEFORE UPDATE ON dossier_events
  FOR EACH ROW EXECUTE FUNCTION motcua_append_only();
CREATE TRIGGER dossier_events_no_delete BEFORE DELETE ON dossier_events
  FOR EACH ROW EXECUTE FUNCTION motcua_append_only();
CREATE TRIGGER dossier_events_no_truncate BEFORE TRUNCATE ON dossier_events
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_append_only();
CREATE TRIGGER event_log_no_update BEFORE UPDATE ON event_log FOR EACH ROW EXECUTE FUNCTION motcua_append_only();
CREATE TRIGGER event_log_no_delete BEFORE DELETE ON event_log FOR EACH ROW EXECUTE FUNCTION motcua_append_only();
CREATE TRIGGER event_log_no_truncate BEFORE TRUNCATE ON event_log
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_append_only();

-- Accounts: passwords only as Argon2id strings, session tokens only as their SHA-256.
CREATE TABLE users (
  login           TEXT PRIMARY KEY,
  display_name    TEXT NOT NULL,
  role            TEXT NOT NULL CHECK (role IN ('administrator', 'supervisor', 'director', 'receptionist',
                                                'specialist', 'leader', 'citizen')),
  units           TEXT NOT NULL,  -- unit codes joined by '|', '' for none
  citizen_id      TEXT NOT NULL,  -- '' unless a citizen
  password_hash   TEXT NOT NULL,
  disabled        BIGINT NOT NULL CHECK (disabled IN (0, 1)),
  failed_attempts BIGINT NOT NULL CHECK (failed_attempts >= 0),
  locked_until    TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,  -- the last change of password or of disabled
  agencies        TEXT NOT NULL DEFAULT ''
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  login      TEXT NOT NULL REFERENCES users (login),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX sessions_by_login ON sessions (login);

-- The registry of agencies and receiving points, and idempotency keys.
CREATE TABLE agencies (
  id   TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  unit TEXT NOT NULL  -- province (2 digits) or commune (5 digits); not a foreign key: the caller checks it
);
CREATE INDEX agencies_by_unit ON agencies (unit, id);

CREATE TABLE receiving_points (
  id        TEXT PRIMARY KEY,
  name      TEXT NOT NULL,
  unit      TEXT NOT NULL,
  agency_id TEXT NOT NULL REFERENCES agencies (id),
  address   TEXT NOT NULL  -- '' when not given
);
CREATE INDEX receiving_points_by_agency ON receiving_points (agency_id);
CREATE INDEX receiving_points_by_unit ON receiving_points (unit, id);

CREATE TABLE idempotency_keys (
  login        TEXT NOT NULL,
  key          TEXT NOT NULL,
  request_hash TEXT NOT NULL,  -- identifies the request, so that a key reused for another request is caught
  status       BIGINT,         -- the HTTP status of the answer; NULL while the request runs
  body         TEXT,           -- the answer's body; NULL while the request runs
  created_at   TEXT NOT NULL,  -- when the key was claimed; it expires from then
  dossier_code TEXT,
  PRIMARY KEY (login, key),
  CHECK ((status IS NULL) = (body IS NULL))
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);

-- Report counters (store/counter_buckets.h): per unit and per province, by day, month, year and all time.
CREATE TABLE report_counters (
  receiving_unit     TEXT NOT NULL,
  bucket             TEXT NOT NULL CHECK (bucket IN ('a', 'd', 'm', 'y')),
  period             TEXT NOT NULL,  -- 'YYYY-MM-DD', 'YYYY-MM', 'YYYY' or '' (all time), as the bucket says
  measure            TEXT NOT NULL,  -- MeasureName: 'received_online', ..., 'open', 'overdue'
  competent_unit     TEXT NOT NULL,
  agency             TEXT NOT NULL,  -- the competent agency
  procedure_code     TEXT NOT NULL,
  channel            TEXT NOT NULL CHECK (channel IN ('direct', 'online', 'postal')),
  official           TEXT NOT NULL,  -- '' for balances
  receiving_province TEXT NOT NULL,
  competent_province TEXT NOT NULL,
  value              BIGINT NOT NULL,
  PRIMARY KEY (receiving_unit, bucket, period, measure, competent_unit, agency, procedure_code, channel, official,
               receiving_province, competent_province)
);
CREATE INDEX report_counters_by_competent_unit ON report_counters (competent_unit, bucket, period);

CREATE TABLE report_totals (
  side     TEXT NOT NULL CHECK (side IN ('receiving', 'competent')),
  province TEXT NOT NULL,  -- the unit's province when the row was written
  measure  TEXT NOT NULL,
  bucket   TEXT NOT NULL CHECK (bucket IN ('a', 'd', 'm', 'y')),
  period   TEXT NOT NULL,
  unit     TEXT NOT NULL,  -- the receiving or the competent unit, as the side says
  agency   TEXT NOT NULL,  -- the competent agency on the competent side; '' on the receiving side
  value    BIGINT NOT NULL,
  PRIMARY KEY (side, province, measure, bucket, period, unit, agency)
);
CREATE INDEX report_totals_by_unit ON report_totals (side, unit, measure, bucket, period);

CREATE TABLE report_units (
  side     TEXT NOT NULL CHECK (side IN ('receiving', 'competent')),
  province TEXT NOT NULL,
  unit     TEXT NOT NULL,
  PRIMARY KEY (side, province, unit)
);

-- Document files (content-addressed on disk) and what the province configures.
CREATE TABLE document_uploads (
  id            TEXT NOT NULL CHECK (length(id) = 64),  -- SHA-256 of the content, lower-case hex
  uploader      TEXT NOT NULL,                          -- login
  size          BIGINT NOT NULL CHECK (size > 0),
  media_type    TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  original_name TEXT NOT NULL,                          -- '' when not given
  uploaded_at   TEXT NOT NULL,
  PRIMARY KEY (id, uploader)
);
CREATE INDEX document_uploads_by_uploader ON document_uploads (uploader, uploaded_at);

CREATE TABLE removed_files (
  id         TEXT NOT NULL CHECK (length(id) = 64),  -- SHA-256 of the content, lower-case hex
  removed_at TEXT NOT NULL,
  PRIMARY KEY (id, removed_at)
);

CREATE TABLE province_synonyms (
  id         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  phrase     TEXT NOT NULL,
  expansion  TEXT NOT NULL,
  added_by   TEXT NOT NULL,
  added_at   TEXT NOT NULL,
  retired_by TEXT,
  retired_at TEXT,
  CHECK ((retired_by IS NULL) = (retired_at IS NULL))
);
CREATE UNIQUE INDEX province_synonyms_active ON province_synonyms (phrase, expansion) WHERE retired_at IS NULL;

CREATE TABLE province_settings (
  id     BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  name   TEXT NOT NULL,
  value  TEXT NOT NULL,
  set_by TEXT NOT NULL,
  set_at TEXT NOT NULL
);
CREATE INDEX province_settings_by_name ON province_settings (name, id);

CREATE TABLE server_secrets (
  name  TEXT PRIMARY KEY,
  value BYTEA NOT NULL CHECK (length(value) >= 16)
);
-- The key of the receipts' PINs (0014): 32 bytes from the server's strong random source (gen_random_uuid is
-- pg_strong_random's, built in since PostgreSQL 13; pgcrypto is not needed), 244 of its bits random.
INSERT INTO server_secrets (name, value)
VALUES ('receipt_pin', decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));

-- schema_migrations is made by the migrator before the first migration (src/store/postgresql/pg_migrator.cc).
