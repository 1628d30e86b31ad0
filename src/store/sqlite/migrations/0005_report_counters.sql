-- Report counters (DESIGN.md §4: "reports never scan history"; src/domain/report_counters.h). Each dossier event
-- adds its CounterDeltas, in the same transaction as the event, to the row of its key in three buckets: the day
-- ('d', period '2026-01-12'), its month ('m', '2026-01') and its year ('y', '2026'); a balance (open, overdue)
-- also to its all-time running row ('a', period ''). A report adds up whole years, whole months and single days
-- for its flows, and reads a balance as the running row less what was counted from the period's end on, so the
-- rows it reads do not grow with the years of history.
-- Provinces are those of the units (a 2-digit unit is its own province; a commune's is in communes; '' when the
-- unit is not in the catalogue), copied here so that a province's report reads only its rows.
-- Balances (open, overdue) may keep rows whose value came back to 0: a missing row and a 0 row mean the same.

CREATE TABLE report_counters (
  receiving_unit     TEXT NOT NULL,
  bucket             TEXT NOT NULL CHECK (bucket IN ('a', 'd', 'm', 'y')),
  period             TEXT NOT NULL,  -- 'YYYY-MM-DD', 'YYYY-MM', 'YYYY' or '' (all time), as the bucket says
  measure            TEXT NOT NULL,  -- MeasureName: 'received_online', ..., 'open', 'overdue'
  competent_unit     TEXT NOT NULL,
  agency             TEXT NOT NULL,  -- the competent agency
  procedure_code     TEXT NOT NULL,
  channel            TEXT NOT NULL CHECK (channel IN ('direct', 'online', 'postal')),
  official           TEXT NOT NULL,  -- '' for balances
  receiving_province TEXT NOT NULL,
  competent_province TEXT NOT NULL,
  value              INTEGER NOT NULL,
  -- Led by the receiving unit, so that the key serves reports of a receiving unit; the indexes below serve the
  -- other three ways a report is scoped. The provinces follow from the units but are part of the key, so that a
  -- commune moved to another province starts new rows rather than leaving old rows under the wrong province.
  PRIMARY KEY (receiving_unit, bucket, period, measure, competent_unit, agency, procedure_code, channel, official,
               receiving_province, competent_province)
) STRICT, WITHOUT ROWID;

CREATE INDEX report_counters_by_competent_unit ON report_counters (competent_unit, bucket, period);
CREATE INDEX report_counters_by_receiving_province ON report_counters (receiving_province, bucket, period);
CREATE INDEX report_counters_by_competent_province ON report_counters (competent_province, bucket, period);
