-- Report units: which units each province's report counters are kept under, so that a province's report read
-- through its units needs no index of its own on report_counters.
--
-- report_counters had two indexes led by the provinces (0005). Each holds the whole key of the table (it has no
-- rowid), so each was as large as the table and cost as much to write: with them, the four B-trees of the
-- counters made half of a generated history's file (≈ 8.8 GB per million dossiers) and most of an event's write
-- time (docs/performance.md). They served only the reports of a whole province split by procedure, official or
-- channel, and the receiving side's reports of one agency. Those now read the province's units, listed here, in
-- the primary key (receiving side) or in report_counters_by_competent_unit (competent side), and keep the rows
-- written under that province: a commune moved to another province keeps its old rows under the old one.
--
-- A row is added, in the events' transaction, the first time a unit's counters are written under a province;
-- none is ever removed (a unit without rows costs a report one empty range). `motcua rebuild` checks that every
-- unit of the counters is listed and lists those missing.
CREATE TABLE report_units (
  side     TEXT NOT NULL CHECK (side IN ('receiving', 'competent')),
  province TEXT NOT NULL,
  unit     TEXT NOT NULL,
  PRIMARY KEY (side, province, unit)
) STRICT, WITHOUT ROWID;

INSERT INTO report_units (side, province, unit)
SELECT DISTINCT 'receiving', receiving_province, receiving_unit FROM report_counters;
INSERT INTO report_units (side, province, unit)
SELECT DISTINCT 'competent', competent_province, competent_unit FROM report_counters;

DROP INDEX IF EXISTS report_counters_by_receiving_province;
DROP INDEX IF EXISTS report_counters_by_competent_province;
