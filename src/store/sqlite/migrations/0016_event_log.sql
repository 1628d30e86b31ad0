-- Every dossier event in the order it was appended, each chained to the one before (chain = SHA-256 hex of the
-- previous chain followed by the event's hash; '' before the first). Each dossier's own hash chain shows an edited
-- or removed event of that dossier; this one shows a dossier removed whole (its events and its row), and — checked
-- against a checkpoint kept off the machine (`motcua verify` prints the head) — a lost tail, such as a lost WAL.
-- A database made before this table is filled once, when it is next opened (store/sqlite/sqlite_event_log.h), in
-- the order (recorded_at, dossier_code, seq): event_log_backfill marks that it is due, and only this migration
-- marks it, so that a log deleted later is never silently made again.
CREATE TABLE event_log (
  position     INTEGER PRIMARY KEY,
  dossier_code TEXT NOT NULL,
  seq          INTEGER NOT NULL,
  chain        TEXT NOT NULL,
  UNIQUE (dossier_code, seq)
) STRICT;

CREATE TRIGGER event_log_no_update BEFORE UPDATE ON event_log
BEGIN
  SELECT RAISE(ABORT, 'event_log is append-only');
END;
CREATE TRIGGER event_log_no_delete BEFORE DELETE ON event_log
BEGIN
  SELECT RAISE(ABORT, 'event_log is append-only');
END;

CREATE TABLE event_log_backfill (due INTEGER NOT NULL) STRICT;
INSERT INTO event_log_backfill (due) VALUES (1);
