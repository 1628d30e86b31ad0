// A dossier (GET /api/v1/dossiers/{code}): its status, the actions the account may take, its particulars, its
// printed forms and documents, and the history in Vietnamese (or English).
import { useState } from 'preact/hooks';
import { fetchDossier, type DossierAction } from '../../api/dossiers';
import type { Account } from '../../api/types';
import { FailureNotice, Loading } from '../../components/FailureNotice';
import { Timeline } from '../../components/Timeline';
import { EMPTY_REGISTER, useRegister } from '../../hooks/useRegister';
import { useResource } from '../../hooks/useResource';
import { useI18n } from '../../i18n/i18n';
import { href } from '../../router';
import { ActionPanel } from './ActionPanel';
import { DossierFacts } from './DossierFacts';
import { DossierFiles } from './DossierFiles';
import { DossierForms } from './DossierForms';
import { DossierSigning } from './DossierSigning';

export function DossierScreen({ code, account }: { code: string; account: Account }) {
  const { t } = useI18n();
  const view = useResource(() => fetchDossier(code), [code]);
  const register = useRegister().data ?? EMPTY_REGISTER;
  // The last action taken here and the event it made: its notice shows once the page has reloaded past it.
  const [done, setDone] = useState<{ action: DossierAction; seq: number } | null>(null);

  if (view.failure) return <FailureNotice failure={view.failure} onRetry={view.reload} />;
  if (!view.data) return <Loading />;
  const { dossier } = view.data;
  const urgency = view.data.urgency;

  return (
    <section>
      <header class="screen-head">
        <div>
          <p class="muted">{t('dossier.title')}</p>
          <h1 class="mono" data-testid="dossier-code">
            {dossier.code}
          </h1>
        </div>
        <p class={`status status--${dossier.status} urgency--${urgency}`} data-testid="dossier-status" data-status={dossier.status}>
          {t(`status.${dossier.status}`)}
        </p>
      </header>
      {done && dossier.last_seq >= done.seq && (
        <p class="notice notice--ok" role="status" data-testid="action-done" data-action={done.action}>
          {t('action.done', { action: t(`action.${done.action}`) })}
        </p>
      )}
      <div class="button-row no-print">
        {account.role === 'receptionist' && dossier.received_at && (
          <a class="button button--secondary" href={href(['quay', 'phieu', dossier.code])} data-testid="dossier-slip">
            {t('dossier.slip')}
          </a>
        )}
        <a class="button button--secondary" href={href(['tra-cuu', dossier.code])}>
          {t('dossier.public_tracking')}
        </a>
      </div>
      <ActionPanel
        context={{ dossier, account, agencies: register.agencies, allowed: view.data.allowed_actions }}
        onDone={(answer, action) => {
          setDone({ action, seq: answer.last_seq });
          view.reload();
        }}
      />
      <DossierFacts view={view.data} register={register} />
      <DossierForms view={view.data} />
      <DossierSigning view={view.data} onSigned={view.reload} />
      <DossierFiles dossier={dossier} />
      <section class="panel">
        <h2>{t('dossier.history')}</h2>
        <Timeline events={view.data.history} />
      </section>
    </section>
  );
}
