-- Agencies and receiving points registered by the administrator (domain/agency.h), the idempotency keys that
-- make a retried POST run once (app/idempotent_requests.h), and the indexes the dossier lists need
-- (sqlite_dossier_query.cc). Times are UTC text 'YYYY-MM-DDTHH:MM:SSZ', so that text comparison is time order.

-- The bodies that decide. The id is the electronic ID of Decision 20/2020/QĐ-TTg that starts dossier codes.
CREATE TABLE agencies (
  id   TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  unit TEXT NOT NULL  -- province (2 digits) or commune (5 digits); not a foreign key: the caller checks it
) STRICT;

-- Listing the agencies of one unit.
CREATE INDEX agencies_by_unit ON agencies (unit, id);

-- Places with counters. The agency must exist: the codes of dossiers received here start with its id.
CREATE TABLE receiving_points (
  id        TEXT PRIMARY KEY,
  name      TEXT NOT NULL,
  unit      TEXT NOT NULL,
  agency_id TEXT NOT NULL REFERENCES agencies (id),
  address   TEXT NOT NULL  -- '' when not given
) STRICT;

CREATE INDEX receiving_points_by_unit ON receiving_points (unit, id);
-- SQLite looks child rows up by this column whenever an agency's key is checked against them.
CREATE INDEX receiving_points_by_agency ON receiving_points (agency_id);

-- One row per (login, key) a client sent with a POST: running while status is NULL, answered once status and
-- body are set. Keys are per login so that one user cannot read another's answer by guessing a key.
CREATE TABLE idempotency_keys (
  login        TEXT NOT NULL,
  key          TEXT NOT NULL,
  request_hash TEXT NOT NULL,  -- identifies the request, so that a key reused for another request is caught
  status       INTEGER,        -- the HTTP status of the answer; NULL while the request runs
  body         TEXT,           -- the answer's body; NULL while the request runs
  created_at   TEXT NOT NULL,  -- when the key was claimed; it expires from then
  PRIMARY KEY (login, key),
  CHECK ((status IS NULL) = (body IS NULL))
) STRICT;

-- Claims forget expired keys of every login; this keeps that a range scan instead of a table scan.
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);

-- Dossier lists (Store::ListDossiers) page by keyset: the trailing code makes each index deliver rows in the
-- order the page needs, so that a filter on an agency or a procedure does not sort all its dossiers.
CREATE INDEX dossiers_by_competent_agency ON dossiers (competent_agency, code);
CREATE INDEX dossiers_by_procedure ON dossiers (procedure_code, code);
-- The order of DossierOrder::kByDueAt: soonest appointment first, dossiers without one ('none' sorts after
-- every date, which starts with a digit) last, ties by code. The query repeats this expression to use it.
CREATE INDEX dossiers_by_due_order ON dossiers (coalesce(due_at, 'none'), code);
