-- A province's own search synonyms (domain/province_synonym.h), added to the national lexicon shipped in
-- data/reference/search/ when the catalogue's search is built and each time one is added or retired. Rows are
-- never deleted: retiring one sets retired_by and retired_at.
CREATE TABLE province_synonyms (
  id         INTEGER PRIMARY KEY,
  phrase     TEXT NOT NULL,
  expansion  TEXT NOT NULL,
  added_by   TEXT NOT NULL,
  added_at   TEXT NOT NULL,
  retired_by TEXT,
  retired_at TEXT,
  CHECK ((retired_by IS NULL) = (retired_at IS NULL))
) STRICT;

-- One active row per phrase and expansion: adding the same again is a Conflict, not a second row.
CREATE UNIQUE INDEX province_synonyms_active ON province_synonyms (phrase, expansion) WHERE retired_at IS NULL;
