-- Report totals: the report counters (0005) added up per side and unit, for the reports that need no finer
-- split — a unit's or a province's figures, the ranking of a province's units, the competent agencies'.
-- report_counters keys each row by procedure, official, agency, channel and both units, so that a province's
-- year has as many rows as it has distinct (procedure, official, ...) pairs: 540,000 for one province-year of
-- bench-data, ≈ 2 s to add up (docs/performance.md). Here the same year is ≈ 1,400 rows a side.
--
-- Each counter delta is added, in the same transaction, to two rows of each bucket: its receiving unit's
-- ('receiving', agency '') and its competent unit's ('competent', with the competent agency, which belongs to
-- that side and splits it little: a unit has few agencies). Reports grouped by procedure, official or channel,
-- and receiving-side reports of one agency, still read report_counters. Buckets, periods, provinces and
-- balances are as in 0005; `motcua rebuild` checks and rebuilds both tables from the history.
CREATE TABLE report_totals (
  side     TEXT NOT NULL CHECK (side IN ('receiving', 'competent')),
  province TEXT NOT NULL,  -- the unit's province when the row was written
  measure  TEXT NOT NULL,
  bucket   TEXT NOT NULL CHECK (bucket IN ('a', 'd', 'm', 'y')),
  period   TEXT NOT NULL,
  unit     TEXT NOT NULL,  -- the receiving or the competent unit, as the side says
  agency   TEXT NOT NULL,  -- the competent agency on the competent side; '' on the receiving side
  value    INTEGER NOT NULL,
  -- A report reads, per measure, one range of periods: a province's in this key, a unit's in the index below
  -- (a unit's ranges are short, so reading their values from the table costs little). The measure comes
  -- before the period so that balances (2 of 28 measures, read over long spans of the future) skip the flows.
  PRIMARY KEY (side, province, measure, bucket, period, unit, agency)
) STRICT, WITHOUT ROWID;

CREATE INDEX report_totals_by_unit ON report_totals (side, unit, measure, bucket, period);

-- The totals of the counters already kept (a rebuild would give the same rows, from the events).
INSERT INTO report_totals (side, province, measure, bucket, period, unit, agency, value)
SELECT 'receiving', receiving_province, measure, bucket, period, receiving_unit, '', sum(value)
  FROM report_counters GROUP BY receiving_unit, bucket, period, measure, receiving_province HAVING sum(value) <> 0;

INSERT INTO report_totals (side, province, measure, bucket, period, unit, agency, value)
SELECT 'competent', competent_province, measure, bucket, period, competent_unit, agency, sum(value)
  FROM report_counters GROUP BY competent_unit, bucket, period, measure, agency, competent_province
  HAVING sum(value) <> 0;
