-- Dossier lists ordered by appointment (DossierOrder::kByDueAt) filtered by a procedure or an agency: without
-- these the list sorted every dossier of the procedure (16,000 at 478,000 dossiers: 80 ms, 300 ms under load,
-- bench/http_bench.sh); with them the first page is read in index order. The expression is spelled as in
-- dossiers_by_due_order (0004) and sqlite_dossier_query.cc.
CREATE INDEX dossiers_by_procedure_due ON dossiers (procedure_code, coalesce(due_at, 'none'), code);
CREATE INDEX dossiers_by_agency_due ON dossiers (competent_agency, coalesce(due_at, 'none'), code);
