-- The register of the certificates officials sign with (domain/official_certificate.h): whose each is, whether a
-- USB token or a remote signing CA holds its key (and the official's account there), the certificate itself and
-- the facts read from it when registered, so that "who can sign today" and "whose certificate runs out within 30
-- days" are queries, not certificate parsing. Rows are never deleted: retiring one sets retired_by and
-- retired_at. Written once per engine under the same version (postgresql/migrations/0019_signing_certificates.sql).
CREATE TABLE signing_certificates (
  id          INTEGER PRIMARY KEY,
  login       TEXT NOT NULL,
  holding     TEXT NOT NULL CHECK (holding IN ('token', 'remote')),
  remote_user TEXT NOT NULL,  -- '' for a token
  certificate TEXT NOT NULL,  -- PEM
  sha256      TEXT NOT NULL,
  serial      TEXT NOT NULL,
  common_name TEXT NOT NULL,
  issuer      TEXT NOT NULL,
  not_before  TEXT NOT NULL,
  not_after   TEXT NOT NULL,
  added_by    TEXT NOT NULL,
  added_at    TEXT NOT NULL,
  retired_by  TEXT,
  retired_at  TEXT,
  CHECK ((retired_by IS NULL) = (retired_at IS NULL)),
  CHECK ((holding = 'remote') = (remote_user <> ''))
) STRICT;

-- One active row per official and certificate: registering the same again is a Conflict, not a second row.
CREATE UNIQUE INDEX signing_certificates_active ON signing_certificates (login, sha256) WHERE retired_at IS NULL;
