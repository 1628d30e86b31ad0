-- The agencies an account is limited to (domain/account.h Account::agencies), e.g. a commune police officer
-- who works only on the police's dossiers. Agency IDs joined by '|' like units; '' (every existing account)
-- means every agency of the account's units, as before this migration.

ALTER TABLE users ADD COLUMN agencies TEXT NOT NULL DEFAULT '';
