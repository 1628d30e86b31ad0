-- Dossiers, event-sourced (DESIGN.md §2): dossier_events is the history and the only truth, append-only and
-- hash-chained; dossiers is a projection of it kept in the same transaction, for lists, inboxes and reports.
-- Times are UTC text 'YYYY-MM-DDTHH:MM:SSZ', so that text comparison is time order.

CREATE TABLE dossier_events (
  dossier_code TEXT NOT NULL,
  seq          INTEGER NOT NULL CHECK (seq >= 1),
  type         TEXT NOT NULL,
  actor_user   TEXT NOT NULL,
  actor_role   TEXT NOT NULL,
  actor_unit   TEXT NOT NULL,
  occurred_at  TEXT NOT NULL,
  recorded_at  TEXT NOT NULL,
  imported     INTEGER NOT NULL CHECK (imported IN (0, 1)),
  imported_by  TEXT NOT NULL,  -- '' unless imported
  payload      TEXT NOT NULL,  -- JSON object, as in docs/events-jsonl.md
  prev_hash    TEXT NOT NULL,  -- '' for seq 1
  hash         TEXT NOT NULL,  -- SHA-256 hex of the canonical event (src/store/event_hash.h)
  PRIMARY KEY (dossier_code, seq)
) STRICT, WITHOUT ROWID;

-- Nothing is updated in place and nothing is deleted. A trigger does not stop someone who can edit the file
-- (they can drop it); the hash chain is what makes such an edit visible (motcua verify).
CREATE TRIGGER dossier_events_no_update BEFORE UPDATE ON dossier_events
BEGIN
  SELECT RAISE(ABORT, 'dossier_events is append-only: events are never updated');
END;
CREATE TRIGGER dossier_events_no_delete BEFORE DELETE ON dossier_events
BEGIN
  SELECT RAISE(ABORT, 'dossier_events is append-only: events are never deleted');
END;

-- The current state of each dossier, rewritten after every append from the fold of its events.
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
  supplement_requests  INTEGER NOT NULL,
  extensions           INTEGER NOT NULL,
  fees_assessed_vnd    INTEGER NOT NULL,
  fees_paid_vnd        INTEGER NOT NULL,
  fees_paid_online_vnd INTEGER NOT NULL,
  evaluation           INTEGER,
  last_seq             INTEGER NOT NULL,
  last_hash            TEXT NOT NULL,
  updated_at           TEXT NOT NULL  -- recorded_at of the last event
) STRICT;

-- Open dossiers by deadline (what is due, what is overdue); queries must repeat this IN list to use it.
CREATE INDEX dossiers_open_by_due ON dossiers (due_at) WHERE status IN ('processing', 'waiting_supplement');
CREATE INDEX dossiers_by_competent_unit ON dossiers (competent_unit, status);
CREATE INDEX dossiers_by_receiving_unit ON dossiers (receiving_unit, status);
CREATE INDEX dossiers_by_applicant ON dossiers (applicant_citizen_id);
CREATE INDEX dossiers_by_assignee ON dossiers (assignee);

-- Daily sequence numbers of dossier codes ({agency}-{yymmdd}-{sequence}), one row per prefix.
CREATE TABLE dossier_code_sequences (
  prefix TEXT PRIMARY KEY,
  last   INTEGER NOT NULL CHECK (last >= 1)
) STRICT, WITHOUT ROWID;
