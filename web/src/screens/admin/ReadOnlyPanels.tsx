// What the administrator will set once the API allows it: procedure settings and the work calendar. For now
// the procedure is shown as the catalogue has it, and the calendar as the server counts it.
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

export function CalendarPanel() {
  const { t } = useI18n();
  return (
    <section class="panel">
      <h2>{t('admin.calendar')}</h2>
      <p class="notice notice--info" data-testid="calendar-readonly">
        {t('admin.calendar_note')}
      </p>
      <dl class="facts">
        <div>
          <dt>{t('admin.working_days')}</dt>
          <dd>{t('admin.working_days_value')}</dd>
        </div>
        <div>
          <dt>{t('admin.working_hours')}</dt>
          <dd>07:30–11:30, 13:00–17:00</dd>
        </div>
        <div>
          <dt>{t('admin.time_zone')}</dt>
          <dd>Asia/Ho_Chi_Minh (UTC+07:00)</dd>
        </div>
      </dl>
    </section>
  );
}
