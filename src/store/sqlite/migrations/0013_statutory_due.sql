-- The appointment the law holds the agency to (DossierState::statutory_due_at), so that a list says a dossier is
-- overdue exactly when the periodic report counts it so (domain/dossier_standing.h; issue 15, item 11). It differs
-- from due_at only after an extension: an apology slip gives the applicant a new date (due_at) but does not move
-- the statutory one, which only receptions and supplements set.
ALTER TABLE dossiers ADD COLUMN statutory_due_at TEXT;

-- Without an extension the two are the same.
UPDATE dossiers SET statutory_due_at = due_at WHERE extensions = 0;

-- With extensions: a supplement moves both appointments by the same amount, so the statutory one is due_at less
-- what the extensions added, each extension's new date less the appointment just before it.
WITH appointments AS (
  SELECT dossier_code, seq, type,
         unixepoch(CASE type WHEN 'extended' THEN json_extract(payload, '$.new_due_at')
                             ELSE json_extract(payload, '$.due_at') END) AS due
  FROM dossier_events
  WHERE type IN ('received', 'supplemented', 'extended')
    AND dossier_code IN (SELECT code FROM dossiers WHERE extensions > 0)
), moves AS (
  SELECT dossier_code, type, due - lag(due) OVER (PARTITION BY dossier_code ORDER BY seq) AS added
  FROM appointments
), added_by_extensions AS (
  SELECT dossier_code, sum(added) AS seconds FROM moves WHERE type = 'extended' GROUP BY dossier_code
)
UPDATE dossiers
SET statutory_due_at = strftime('%Y-%m-%dT%H:%M:%SZ', unixepoch(dossiers.due_at) - added_by_extensions.seconds,
                                'unixepoch')
FROM added_by_extensions
WHERE dossiers.code = added_by_extensions.dossier_code AND dossiers.due_at IS NOT NULL;
