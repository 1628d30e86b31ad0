-- The province in the keys of dossiers and their events (docs/design/postgresql.md §3.6), so that a province's
-- dossiers can be partitioned or moved as a unit: one range of each primary key. Written once per engine under the
-- same version (postgresql/migrations/0018_province_keys.sql); tests/store/pg_schema_test.cc checks that both end
-- with the same columns and the same primary keys.
--
-- A dossier's province is that of its competent unit, else of its receiving unit, as it was at its first event
-- (store/dossier_province.h); a unit of two characters is a province, a commune's province is the catalogue's, an
-- unknown unit's is ''. The store writes it from then on; this backfills what is already here by the same rule.
-- The event chains and the event log do not cover the column (an event's hash is of the event, not of where it is
-- kept), so moving rows between provinces' keys changes no hash; `motcua verify` checks that a dossier and its
-- events agree on it.
--
-- SQLite cannot change a primary key in place: each table is made again, copied in key order, and swapped in
-- (https://sqlite.org/lang_altertable.html#otheralter). On a commune's history this takes seconds.

CREATE TABLE dossiers_0018 (
  code                 TEXT NOT NULL UNIQUE,
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
  supplement_requests  INTEGER NOT NULL,
  extensions           INTEGER NOT NULL,
  fees_assessed_vnd    INTEGER NOT NULL,
  fees_paid_vnd        INTEGER NOT NULL,
  fees_paid_online_vnd INTEGER NOT NULL,
  evaluation           INTEGER,
  last_seq             INTEGER NOT NULL,
  last_hash            TEXT NOT NULL,
  updated_at           TEXT NOT NULL,  -- recorded_at of the last event
  statutory_due_at     TEXT,
  province_code        TEXT NOT NULL,  -- store/dossier_province.h
  PRIMARY KEY (province_code, code)
) STRICT;

-- Each dossier's province, by the rule above.
CREATE TEMP TABLE dossier_provinces AS
SELECT code,
       CASE WHEN length(home_unit) = 2 THEN home_unit
            ELSE coalesce((SELECT c.province_code FROM communes c WHERE c.code = home_unit), '') END AS province_code
FROM (SELECT code, CASE WHEN competent_unit <> '' THEN competent_unit ELSE receiving_unit END AS home_unit
      FROM dossiers);

INSERT INTO dossiers_0018
SELECT d.*, p.province_code FROM dossiers d JOIN temp.dossier_provinces p ON p.code = d.code
ORDER BY p.province_code, d.code;
DROP TABLE dossiers;
ALTER TABLE dossiers_0018 RENAME TO dossiers;
CREATE INDEX dossiers_open_by_due ON dossiers (due_at) WHERE status IN ('processing', 'waiting_supplement');
CREATE INDEX dossiers_by_competent_unit ON dossiers (competent_unit, status);
CREATE INDEX dossiers_by_receiving_unit ON dossiers (receiving_unit, status);
CREATE INDEX dossiers_by_applicant ON dossiers (applicant_citizen_id);
CREATE INDEX dossiers_by_assignee ON dossiers (assignee);
CREATE INDEX dossiers_by_competent_agency ON dossiers (competent_agency, code);
CREATE INDEX dossiers_by_procedure ON dossiers (procedure_code, code);
CREATE INDEX dossiers_by_due_order ON dossiers (coalesce(due_at, 'none'), code);
CREATE INDEX dossiers_by_procedure_due ON dossiers (procedure_code, coalesce(due_at, 'none'), code);
CREATE INDEX dossiers_by_agency_due ON dossiers (competent_agency, coalesce(due_at, 'none'), code);

-- Events under their dossier's province; an event without a dossier row (which `verify` reports) under ''.
CREATE TABLE dossier_events_0018 (
  province_code TEXT NOT NULL,
  dossier_code  TEXT NOT NULL,
  seq           INTEGER NOT NULL CHECK (seq >= 1),
  type          TEXT NOT NULL,
  actor_user    TEXT NOT NULL,
  actor_role    TEXT NOT NULL,
  actor_unit    TEXT NOT NULL,
  occurred_at   TEXT NOT NULL,
  recorded_at   TEXT NOT NULL,
  imported      INTEGER NOT NULL CHECK (imported IN (0, 1)),
  imported_by   TEXT NOT NULL,  -- '' unless imported
  payload       TEXT NOT NULL,  -- JSON object, as in docs/events-jsonl.md
  prev_hash     TEXT NOT NULL,  -- '' for seq 1
  hash          TEXT NOT NULL,  -- SHA-256 hex of the canonical event (src/store/event_hash.h)
  PRIMARY KEY (province_code, dossier_code, seq)
) STRICT, WITHOUT ROWID;
INSERT INTO dossier_events_0018
SELECT coalesce(p.province_code, ''), e.*
FROM dossier_events e LEFT JOIN temp.dossier_provinces p ON p.code = e.dossier_code
ORDER BY 1, e.dossier_code, e.seq;
-- Dropping a table fires none of its triggers: they go with it (https://sqlite.org/lang_droptable.html).
DROP TABLE dossier_events;
ALTER TABLE dossier_events_0018 RENAME TO dossier_events;
CREATE TRIGGER dossier_events_no_update BEFORE UPDATE ON dossier_events
BEGIN
  SELECT RAISE(ABORT, 'dossier_events is append-only: events are never updated');
END;
CREATE TRIGGER dossier_events_no_delete BEFORE DELETE ON dossier_events
BEGIN
  SELECT RAISE(ABORT, 'dossier_events is append-only: events are never deleted');
END;
CREATE INDEX dossier_events_by_file ON dossier_events (json_extract(payload, '$.file')) WHERE type = 'digitized';

DROP TABLE temp.dossier_provinces;

-- A code sequence is kept under the province of the dossiers it numbers, as a column and not in its key: its
-- prefix begins with a national agency ID, unique across provinces already, and a key that changed with the
-- province would restart a day's numbering. Backfilled from the agency's unit ('' when the agency is unknown).
ALTER TABLE dossier_code_sequences ADD COLUMN province_code TEXT NOT NULL DEFAULT '';
UPDATE dossier_code_sequences
SET province_code = coalesce(
  (SELECT CASE WHEN length(a.unit) = 2 THEN a.unit
               ELSE coalesce((SELECT c.province_code FROM communes c WHERE c.code = a.unit), '') END
   FROM agencies a WHERE a.id = substr(dossier_code_sequences.prefix, 1, instr(dossier_code_sequences.prefix, '|') - 1)),
  '');
