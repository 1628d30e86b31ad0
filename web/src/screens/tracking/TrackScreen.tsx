// Public tracking by dossier code (GET /api/v1/track/{code}) — what the QR code of the receipt slip opens, with
// the receipt PIN: the status for the code alone, the dates too with the PIN; never personal data. The applicant, logged in, can rate the service once it is returned.
import { fetchDossier } from '../../api/dossiers';
import { trackDossier } from '../../api/catalogue';
import type { Account } from '../../api/types';
import { FailureNotice, Loading } from '../../components/FailureNotice';
import { formatDateTime } from '../../format/datetime';
import { useResource } from '../../hooks/useResource';
import { useI18n } from '../../i18n/i18n';
import { href } from '../../router';
import { loginHref } from '../../session';
import { TrackForm } from '../citizen/CitizenPortal';
import { RatingForm } from './RatingForm';
import { TrackedResult } from './TrackedResult';

// The dossier as its applicant sees it, when the logged-in citizen is the applicant (else nothing: the
// server refuses someone else's dossier).
function useOwnDossier(code: string, account: Account | null) {
  return useResource(
    () => (account?.role === 'citizen' ? fetchDossier(code).catch(() => null) : Promise.resolve(null)),
    [code, account?.login],
  );
}

function Rating({ code, account, returned }: { code: string; account: Account | null; returned: boolean }) {
  const { t } = useI18n();
  const own = useOwnDossier(code, account);
  if (!returned) return null;
  if (!account) {
    return (
      <p class="notice notice--info">
        {t('rating.login')}{' '}
        <a href={loginHref()} data-testid="rating-login">
          {t('nav.login')}
        </a>
      </p>
    );
  }
  const dossier = own.data?.dossier;
  return dossier ? <RatingForm dossier={dossier} onRated={own.reload} /> : null;
}

// What tracking shows for a code (and the PIN, when known): the status, the dates, the electronic result and its
// signatures, the rating — on the public page and on a citizen's own dossier (screens/citizen/CitizenDossier.tsx).
export function TrackingView({ code, pin, account }: { code: string; pin: string | null; account: Account | null }) {
  const { t } = useI18n();
  const tracking = useResource(() => trackDossier(code, pin ?? undefined), [code, pin]);
  const details = tracking.data?.details ?? null;
  return (
    <>
      {tracking.loading && !tracking.data && <Loading />}
      <FailureNotice failure={tracking.failure} onRetry={tracking.reload} testid="track-failure" />
      {tracking.data && (
        <section class="panel" data-testid="tracking">
          <p class="muted mono">{tracking.data.code}</p>
          {details && <h2>{details.procedure.name || details.procedure.code}</h2>}
          <p class={`status status--${tracking.data.status}`} data-testid="track-status" data-status={tracking.data.status}>
            {t(`status.${tracking.data.status}`)}
          </p>
          {!details && (
            <p class="notice notice--info" data-testid="track-pin-needed">
              {t('track.pin_needed')}
            </p>
          )}
          {details && (
            <dl class="facts facts--columns">
              <div>
                <dt>{t('dossier.received_at')}</dt>
                <dd>{formatDateTime(details.received_at)}</dd>
              </div>
              <div>
                <dt>{t('dossier.due')}</dt>
                <dd data-testid="track-due">
                  {formatDateTime(details.due_at)}
                  {details.overdue && <span class="badge badge--danger">{t('urgency.overdue')}</span>}
                  {details.standing === 'paused' && <span class="badge">{t('standing.paused')}</span>}
                </dd>
              </div>
              {details.completed_at && (
                <div>
                  <dt>{t('dossier.completed_at')}</dt>
                  <dd>{formatDateTime(details.completed_at)}</dd>
                </div>
              )}
              {details.timeliness && (
                <div>
                  <dt>{t('dossier.timeliness')}</dt>
                  <dd data-testid="track-timeliness">{t(`timeliness.${details.timeliness}`)}</dd>
                </div>
              )}
              {details.returned_at && (
                <div>
                  <dt>{t('dossier.returned_at')}</dt>
                  <dd>{formatDateTime(details.returned_at)}</dd>
                </div>
              )}
            </dl>
          )}
          {account && account.role !== 'citizen' && (
            <a class="button button--secondary" href={href(['ho-so', tracking.data.code])}>
              {t('dossier.title')}
            </a>
          )}
        </section>
      )}
      {pin && details?.electronic_result && <TrackedResult code={code} pin={pin} />}
      {tracking.data && <Rating code={code} account={account} returned={tracking.data.status === 'returned'} />}
    </>
  );
}

export function TrackScreen({ code, pin, account }: { code: string | null; pin: string | null; account: Account | null }) {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('track.title')}</h1>
      <section class="panel">
        <TrackForm initialCode={code ?? ''} />
      </section>
      {code && <TrackingView code={code} pin={pin} account={account} />}
    </section>
  );
}
