-- Secrets the server derives values from, made when the database is made and kept with its data, so that a backup
-- keeps them: 'receipt_pin' derives the PIN printed on each receipt slip beside the dossier code
-- (app/receipt_pins.h). Replacing a row's value revokes what was derived from it (every slip's PIN).
CREATE TABLE server_secrets (
  name  TEXT PRIMARY KEY,
  value BLOB NOT NULL CHECK (length(value) >= 16)
) STRICT;

INSERT INTO server_secrets (name, value) VALUES ('receipt_pin', randomblob(32));
