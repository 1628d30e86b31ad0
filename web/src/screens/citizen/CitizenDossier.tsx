// One of a logged-in citizen's own dossiers (#/cong-dan/ho-so/CODE), reached from "my dossiers": the dossier
// (GET /api/v1/dossiers/{code}, which the server answers for its applicant only) gives the PIN of its slip, and
// with it the citizen sees what public tracking shows — the status, the dates, the signed electronic result and
// its signatures. Someone else's dossier, or an unknown code, is the server's refusal, shown as such.
import { fetchDossier } from '../../api/dossiers';
import type { Account } from '../../api/types';
import { FailureNotice, Loading } from '../../components/FailureNotice';
import { useResource } from '../../hooks/useResource';
import { useI18n } from '../../i18n/i18n';
import { href } from '../../router';
import { TrackingView } from '../tracking/TrackScreen';

export function CitizenDossier({ code, account }: { code: string; account: Account }) {
  const { t } = useI18n();
  const own = useResource(() => fetchDossier(code), [code]);
  return (
    <section data-testid="citizen-dossier" data-code={code}>
      <p>
        <a href={href(['cong-dan'])} data-testid="citizen-dossier-back">
          ← {t('citizen.my_dossiers')}
        </a>
      </p>
      <h1>
        {t('dossier.title')} <span class="mono">{code}</span>
      </h1>
      <FailureNotice failure={own.failure} onRetry={own.reload} testid="citizen-dossier-failure" />
      {own.loading && !own.data && <Loading />}
      {own.data && <TrackingView code={own.data.dossier.code} pin={own.data.receipt_pin || null} account={account} />}
    </section>
  );
}
