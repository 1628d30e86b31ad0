// What the administrator will set once the API allows it: procedure settings. For now the procedure is shown as
// the catalogue has it. (The work calendar is edited in CalendarPanel.tsx.)
import { useState } from 'preact/hooks';
import { fetchProcedure } from '../../api/catalogue';
import type { ProcedureHit } from '../../api/types';
import { FailureNotice, Loading } from '../../components/FailureNotice';
import { ProcedureDetails } from '../../components/ProcedureDetails';
import { ProcedureSearch } from '../../components/ProcedureSearch';
import { useResource } from '../../hooks/useResource';
import { useI18n } from '../../i18n/i18n';

export function ProceduresPanel() {
  const { t } = useI18n();
  const [hit, setHit] = useState<ProcedureHit | null>(null);
  const procedure = useResource(() => (hit ? fetchProcedure(hit.code) : Promise.resolve(null)), [hit?.code]);
  return (
    <section class="panel">
      <h2>{t('admin.procedures')}</h2>
      <p class="notice notice--info" data-testid="procedures-readonly">
        {t('admin.procedures_note')}
      </p>
      <ProcedureSearch id="admin-procedure" selected={hit?.code ?? null} onPick={setHit} />
      {hit && procedure.loading && <Loading />}
      <FailureNotice failure={procedure.failure} onRetry={procedure.reload} />
      {procedure.data && <ProcedureDetails procedure={procedure.data} />}
    </section>
  );
}
