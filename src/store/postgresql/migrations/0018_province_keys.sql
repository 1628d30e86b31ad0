-- The province in the keys of dossiers and their events (docs/design/postgresql.md §3.6), so that a province's
-- dossiers can be partitioned (PARTITION BY LIST (province_code)) or moved as a unit: one range of each primary
-- key. The same version as sqlite/migrations/0018_province_keys.sql, which says the rule; tests/store/
-- pg_schema_test.cc checks that both end with the same columns and primary keys.

-- Each dossier's province: that of its competent unit, else of its receiving unit (store/dossier_province.h).
CREATE TEMP TABLE dossier_provinces ON COMMIT DROP AS
SELECT code,
       CASE WHEN length(home_unit) = 2 THEN home_unit
            ELSE coalesce((SELECT c.province_code FROM communes c WHERE c.code = home_unit), '') END AS province_code
FROM (SELECT code, CASE WHEN competent_unit <> '' THEN competent_unit ELSE receiving_unit END AS home_unit
      FROM dossiers) AS d;

ALTER TABLE dossiers ADD COLUMN province_code TEXT NOT NULL DEFAULT '';
UPDATE dossiers d SET province_code = p.province_code FROM dossier_provinces p WHERE p.code = d.code;
ALTER TABLE dossiers ALTER COLUMN province_code DROP DEFAULT;
ALTER TABLE dossiers DROP CONSTRAINT dossiers_pkey;
ALTER TABLE dossiers ADD CONSTRAINT dossiers_pkey PRIMARY KEY (province_code, code);
-- The Store names a dossier by its code alone: the code stays unique in the whole database.
ALTER TABLE dossiers ADD CONSTRAINT dossiers_code_key UNIQUE (code);

-- Events are written again rather than updated (an update would leave every old row version behind, and would
-- have to lift the append-only guard): a new table, filled in key order, swapped in, its key built after.
CREATE TABLE dossier_events_0018 (
  province_code TEXT NOT NULL,
  dossier_code  TEXT NOT NULL,
  seq           BIGINT NOT NULL CHECK (seq >= 1),
  type          TEXT NOT NULL,
  actor_user    TEXT NOT NULL,
  actor_role    TEXT NOT NULL,
  actor_unit    TEXT NOT NULL,
  occurred_at   TEXT NOT NULL,
  recorded_at   TEXT NOT NULL,
  imported      BIGINT NOT NULL CHECK (imported IN (0, 1)),
  imported_by   TEXT NOT NULL,  -- '' unless imported
  payload       TEXT NOT NULL,  -- JSON object, as in docs/events-jsonl.md
  prev_hash     TEXT NOT NULL,  -- '' for seq 1
  hash          TEXT NOT NULL   -- SHA-256 hex of the canonical event (src/store/event_hash.h)
);
INSERT INTO dossier_events_0018
SELECT coalesce(p.province_code, ''), e.*
FROM dossier_events e LEFT JOIN dossier_provinces p ON p.code = e.dossier_code
ORDER BY 1, e.dossier_code, e.seq;
-- Dropping a table fires none of its triggers (TRUNCATE's included).
DROP TABLE dossier_events;
ALTER TABLE dossier_events_0018 RENAME TO dossier_events;
ALTER TABLE dossier_events ADD CONSTRAINT dossier_events_pkey PRIMARY KEY (province_code, dossier_code, seq);
CREATE INDEX dossier_events_by_file ON dossier_events ((payload::jsonb ->> 'file')) WHERE type = 'digitized';
CREATE TRIGGER dossier_events_no_update BEFORE UPDATE ON dossier_events
  FOR EACH ROW EXECUTE FUNCTION motcua_append_only();
CREATE TRIGGER dossier_events_no_delete BEFORE DELETE ON dossier_events
  FOR EACH ROW EXECUTE FUNCTION motcua_append_only();
CREATE TRIGGER dossier_events_no_truncate BEFORE TRUNCATE ON dossier_events
  FOR EACH STATEMENT EXECUTE FUNCTION motcua_append_only();

-- A code sequence's province is a column, not in its key (the SQLite file says why).
ALTER TABLE dossier_code_sequences ADD COLUMN province_code TEXT NOT NULL DEFAULT '';
UPDATE dossier_code_sequences s
SET province_code = CASE WHEN length(a.unit) = 2 THEN a.unit
                         ELSE coalesce((SELECT c.province_code FROM communes c WHERE c.code = a.unit), '') END
FROM agencies a WHERE a.id = split_part(s.prefix, '|', 1);
