// Signing the dossier's result (POST /api/v1/dossiers/{code}/sign-result), shown when the server says this account
// may (may_sign_result) and can sign (GET /api/v1/signing/methods): with the agency's seal, with the token on
// this PC, whose PIN is typed for this signature only and cleared at once, or remotely, the leader confirming in
// the CA's app on the phone. A remote signature is a request that ends later: its state is shown and followed
// (hooks/useSigningRequest.ts) until the server says it ended — also after a reload of the page.
import { useState } from 'preact/hooks';
import { ApiError, isRequestFailure, type RequestFailure } from '../../api/client';
import {
  type SigningMethod,
  type SigningRequest,
  type SigningRequestState,
  fetchSigningMethods,
  isOpenSigningRequest,
  requestRemoteSignature,
  signResult,
} from '../../api/signing';
import type { DossierView } from '../../api/types';
import { FailureNotice } from '../../components/FailureNotice';
import { formatDateTime, formatTime } from '../../format/datetime';
import { useResource } from '../../hooks/useResource';
import { useSigningRequest } from '../../hooks/useSigningRequest';
import { useI18n, type Translate } from '../../i18n/i18n';
import { href } from '../../router';
import { useSession } from '../../session';

// The request's state said in words: waiting (for this leader's phone, or another leader's), or how it ended.
function requestText(t: Translate, request: SigningRequest, login: string | undefined): string {
  const time = formatTime(request.expires_at);
  switch (request.state) {
    case 'pending':
      return login === undefined || login === request.login
        ? t('signing.remote.waiting', { time })
        : t('signing.remote.waiting_other', { login: request.login, time });
    case 'failed':
      return t('signing.remote.failed', { problem: request.problem });
    default:
      return t(`signing.remote.${request.state}`);
  }
}

const NOTICE_TONE: Record<SigningRequestState, string> = {
  pending: 'notice--info',
  settling: 'notice--info',
  signed: 'notice--ok',
  rejected: 'notice--info',
  expired: 'notice--info',
  failed: 'notice--error',
};

function SigningRequestNotice({ request }: { request: SigningRequest }) {
  const { t } = useI18n();
  const { account } = useSession();
  const open = isOpenSigningRequest(request);
  return (
    <div data-testid="signing-request-state" data-state={request.state} data-id={request.id}>
      <p class={`notice ${NOTICE_TONE[request.state]}`} role="status" data-testid={open ? 'signing-waiting' : undefined}>
        {requestText(t, request, account?.login)}
      </p>
    </div>
  );
}

// A refusal of the remote method naming "certificate": the leader has no remote certificate valid today in the
// register, which is kept on the dashboard.
function isMissingRemoteCertificate(failed: { failure: RequestFailure; method: SigningMethod } | null): boolean {
  const failure = failed?.failure;
  return failed?.method === 'remote' && failure instanceof ApiError && failure.status === 409 && failure.field === 'certificate';
}

export function DossierSigning({ view, onSigned }: { view: DossierView; onSigned: () => void }) {
  const { t } = useI18n();
  const code = view.dossier.code;
  const methods = useResource(() => (view.may_sign_result ? fetchSigningMethods() : Promise.resolve([])), [view.may_sign_result]);
  const followed = useSigningRequest(code, view.may_sign_result, onSigned);
  const [chosen, setChosen] = useState<SigningMethod | null>(null);
  const [pin, setPin] = useState('');
  const [signing, setSigning] = useState(false);
  const [failed, setFailed] = useState<{ failure: RequestFailure; method: SigningMethod } | null>(null);
  const offered = view.may_sign_result ? (methods.data ?? []) : [];
  // A request followed stays in sight even when the account may no longer sign (the dossier moved on).
  if (offered.length === 0 && !followed.request) return null;
  const method = chosen ?? offered[0]?.method ?? 'seal';
  const chosenInfo = offered.find((m) => m.method === method);
  const needsPin = chosenInfo?.needs_pin ?? false;
  const standing = chosenInfo?.standing ?? 'valid';
  const waiting = followed.request !== null && isOpenSigningRequest(followed.request);

  const fail = (cause: unknown) => {
    setSigning(false);
    setPin('');
    if (!isRequestFailure(cause)) throw cause;
    setFailed({ failure: cause, method });
    // A request for this dossier is already waiting (asked from another tab, or by another leader): follow it.
    if (method === 'remote' && cause instanceof ApiError && cause.status === 409 && cause.field === 'code') followed.lookUp();
  };

  const sign = (event: Event) => {
    event.preventDefault();
    if (signing) return;
    setSigning(true);
    setFailed(null);
    if (method === 'remote') {
      requestRemoteSignature(code).then((request) => {
        setSigning(false);
        followed.follow(request);
      }, fail);
      return;
    }
    signResult(code, method, needsPin ? pin : '').then(() => {
      setSigning(false);
      setPin('');
      onSigned();
    }, fail);
  };

  return (
    <section class="panel no-print" data-testid="dossier-signing">
      <h2>{t('signing.title')}</h2>
      <p class="muted">{t('signing.help')}</p>
      <FailureNotice failure={failed?.failure ?? methods.failure} />
      {isMissingRemoteCertificate(failed) && (
        <p class="notice notice--info" data-testid="signing-certificate-hint">
          {t('signing.remote.no_certificate')}{' '}
          <a href={href(['giam-sat'])} data-testid="signing-register-link">
            {t('signing.remote.register_link')}
          </a>
        </p>
      )}
      {followed.request && <SigningRequestNotice request={followed.request} />}
      {followed.failure && !followed.retry ? (
        // A lost answer while following: asked again by itself, so no "retry" button.
        <p class="notice notice--info" data-testid="signing-request-failure">
          {t('signing.remote.reconnecting')}
        </p>
      ) : (
        <FailureNotice failure={followed.failure} onRetry={followed.retry} testid="signing-request-failure" />
      )}
      {standing !== 'valid' && chosenInfo?.certificate && (
        <p class={standing === 'expires_soon' ? 'notice notice--info' : 'notice notice--error'} data-testid="signing-standing">
          {t(`signing.standing.${standing}`, { date: formatDateTime(chosenInfo.certificate.not_after) })}
        </p>
      )}
      {offered.length > 0 && (
        <form class="button-row" onSubmit={sign}>
          {offered.length > 1 && (
            <select value={method} onChange={(e) => setChosen((e.target as HTMLSelectElement).value as SigningMethod)} data-testid="signing-method">
              {offered.map((m) => (
                <option key={m.method} value={m.method} data-testid={`signing-method-${m.method}`}>
                  {t(`signing.method.${m.method}`)}
                </option>
              ))}
            </select>
          )}
          {offered.length === 1 && <span data-testid={`signing-method-${method}`}>{t(`signing.method.${method}`)}</span>}
          {chosenInfo?.certificate && <span class="muted">{chosenInfo.certificate.common_name}</span>}
          {needsPin && (
            <input
              type="password"
              inputMode="numeric"
              autoComplete="off"
              value={pin}
              onInput={(e) => setPin((e.target as HTMLInputElement).value)}
              placeholder={t('signing.pin')}
              aria-label={t('signing.pin')}
              data-testid="signing-pin"
              required
            />
          )}
          <button type="submit" class="button" disabled={signing || (waiting && method === 'remote')} data-testid="signing-submit">
            {signing ? t('common.loading') : t('signing.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
