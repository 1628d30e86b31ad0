-- Accounts and login sessions (app/accounts.h). Passwords are stored only as Argon2id strings; session
-- tokens only as their SHA-256 (hex). Times are UTC text 'YYYY-MM-DDTHH:MM:SSZ', so that text comparison is
-- time order.

CREATE TABLE users (
  login           TEXT PRIMARY KEY,
  display_name    TEXT NOT NULL,
  role            TEXT NOT NULL CHECK (role IN ('administrator', 'supervisor', 'director', 'receptionist',
                                                'specialist', 'leader', 'citizen')),
  units           TEXT NOT NULL,  -- unit codes joined by '|', '' for none
  citizen_id      TEXT NOT NULL,  -- '' unless a citizen
  password_hash   TEXT NOT NULL,
  disabled        INTEGER NOT NULL CHECK (disabled IN (0, 1)),
  failed_attempts INTEGER NOT NULL CHECK (failed_attempts >= 0),
  locked_until    TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL   -- the last change of password or of disabled
) STRICT;

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  login      TEXT NOT NULL REFERENCES users (login),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
) STRICT;

CREATE INDEX sessions_by_login ON sessions (login);
