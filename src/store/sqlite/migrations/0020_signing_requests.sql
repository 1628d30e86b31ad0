-- Signatures asked of a remote signing service (domain/signing_request.h): what finishing one needs after a
-- restart — the prepared PDF's blob id, where its /Contents lies, the certificates (hex DER, the signer's first,
-- one per line), the signed attributes and their digest (hex) — the CA's transaction, and how it ended. Rows are
-- never deleted. Written once per engine under the same version (postgresql/migrations/0020_signing_requests.sql).
CREATE TABLE signing_requests (
  id                INTEGER PRIMARY KEY,
  dossier_code      TEXT NOT NULL,
  login             TEXT NOT NULL,
  source_file       TEXT NOT NULL,
  transaction_id    TEXT NOT NULL,
  state             TEXT NOT NULL
                    CHECK (state IN ('pending', 'settling', 'signed', 'rejected', 'expired', 'failed')),
  prepared_file     TEXT NOT NULL,
  contents_offset   INTEGER NOT NULL CHECK (contents_offset > 0),
  contents_length   INTEGER NOT NULL CHECK (contents_length > 2),
  certificates      TEXT NOT NULL,
  signed_attributes TEXT NOT NULL,
  digest            TEXT NOT NULL,
  requested_at      TEXT NOT NULL,
  expires_at        TEXT NOT NULL,
  settled_at        TEXT,
  signed_file       TEXT NOT NULL,  -- '' unless signed
  problem           TEXT NOT NULL   -- '' unless failed
) STRICT;

-- What the poller reads (the open ones) and what a dossier's page reads (its requests).
CREATE INDEX signing_requests_open ON signing_requests (state, id) WHERE state IN ('pending', 'settling');
CREATE INDEX signing_requests_by_dossier ON signing_requests (dossier_code, id);
