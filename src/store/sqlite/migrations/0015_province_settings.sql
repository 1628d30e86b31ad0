-- The settings the law leaves to the province (app/province_settings.h), with who set each value and when. Nothing
-- is overwritten: a new value is a new row, and the newest row of a name is the one in force.
CREATE TABLE province_settings (
  id     INTEGER PRIMARY KEY,
  name   TEXT NOT NULL,
  value  TEXT NOT NULL,
  set_by TEXT NOT NULL,
  set_at TEXT NOT NULL
) STRICT;

CREATE INDEX province_settings_by_name ON province_settings (name, id);
