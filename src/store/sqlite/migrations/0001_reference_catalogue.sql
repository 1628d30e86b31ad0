-- The reference catalogue: administrative units (two-tier model, 2025 arrangement), the national
-- procedure catalogue and the work calendar's days off. Keys are the official codes, as text, with their
-- leading zeros.

CREATE TABLE provinces (
  code          TEXT PRIMARY KEY CHECK (length(code) = 2),
  name          TEXT NOT NULL,
  division_type TEXT NOT NULL,
  codename      TEXT NOT NULL,
  phone_code    TEXT NOT NULL
) STRICT;

CREATE TABLE communes (
  code          TEXT PRIMARY KEY CHECK (length(code) = 5),
  name          TEXT NOT NULL,
  division_type TEXT NOT NULL CHECK (division_type IN ('xã', 'phường', 'đặc khu')),
  codename      TEXT NOT NULL,
  province_code TEXT NOT NULL REFERENCES provinces (code)
) STRICT;
CREATE INDEX communes_by_province ON communes (province_code, code);

-- Units of the three-tier model before 1 July 2025, which old records still name.
CREATE TABLE legacy_communes (
  commune_code  TEXT PRIMARY KEY CHECK (length(commune_code) = 5),
  commune_name  TEXT NOT NULL,
  division_type TEXT NOT NULL,
  district_code TEXT NOT NULL,
  district_name TEXT NOT NULL,
  province_code TEXT NOT NULL,
  province_name TEXT NOT NULL
) STRICT;

-- The 2025 arrangement: (part of) an old commune went into a new commune.
CREATE TABLE legacy_links (
  old_commune_code  TEXT NOT NULL,
  commune_code      TEXT NOT NULL REFERENCES communes (code),
  old_commune_name  TEXT NOT NULL,
  merge             TEXT NOT NULL CHECK (merge IN ('whole', 'partial')),
  note              TEXT NOT NULL,
  old_district_code TEXT NOT NULL,
  old_district_name TEXT NOT NULL,
  old_province_code TEXT NOT NULL,
  old_province_name TEXT NOT NULL,
  PRIMARY KEY (old_commune_code, commune_code, old_commune_name)
) STRICT;
CREATE INDEX legacy_links_by_commune ON legacy_links (commune_code);

CREATE TABLE procedures (
  code                TEXT PRIMARY KEY,
  name                TEXT NOT NULL,
  ministry            TEXT NOT NULL,
  field               TEXT NOT NULL,
  levels              TEXT NOT NULL,  -- '|'-separated: ministry, province, commune, other
  procedure_type      TEXT NOT NULL,
  decision            TEXT NOT NULL,
  implementing_agency TEXT NOT NULL,
  competent_agency    TEXT NOT NULL,
  channels            TEXT NOT NULL,  -- '|'-separated: direct, online, postal
  target_groups       TEXT NOT NULL,  -- '|'-separated
  source_url          TEXT NOT NULL
) STRICT;

-- Processing time and fee per channel; a procedure may list a channel more than once (one row per case),
-- so rows are keyed by their position in the procedure's list.
CREATE TABLE procedure_channels (
  code                 TEXT NOT NULL REFERENCES procedures (code),
  position             INTEGER NOT NULL,
  channel              TEXT NOT NULL CHECK (channel IN ('direct', 'online', 'postal')),
  time_text            TEXT NOT NULL,
  time_value           REAL,
  time_unit            TEXT CHECK (time_unit IN ('working_day', 'day', 'working_hour', 'month')),
  fee_free             INTEGER NOT NULL CHECK (fee_free IN (0, 1)),
  fee_first_amount_vnd INTEGER,
  fee_text             TEXT NOT NULL,
  PRIMARY KEY (code, position)
) STRICT;

CREATE TABLE procedure_documents (
  code       TEXT NOT NULL REFERENCES procedures (code),
  seq        INTEGER NOT NULL,
  case_group TEXT NOT NULL,
  document   TEXT NOT NULL,
  originals  INTEGER NOT NULL,
  copies     INTEGER NOT NULL,
  PRIMARY KEY (code, seq)
) STRICT;

-- Days that differ from the Monday–Friday week. source = 'admin' marks a day an administrator set,
-- which a reload of the catalogue does not override.
CREATE TABLE calendar_days (
  date       TEXT PRIMARY KEY CHECK (length(date) = 10),
  kind       TEXT NOT NULL,
  name_vi    TEXT NOT NULL,
  is_day_off INTEGER CHECK (is_day_off IN (0, 1)),
  confidence TEXT NOT NULL,
  note       TEXT NOT NULL,
  source     TEXT NOT NULL DEFAULT 'reference' CHECK (source IN ('reference', 'admin'))
) STRICT;
