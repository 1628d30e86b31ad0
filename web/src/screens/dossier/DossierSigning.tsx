// Signing the dossier's result (POST /api/v1/dossiers/{code}/sign-result), shown when the server says this account
// may (may_sign_result) and can sign (GET /api/v1/signing/methods): with the agency's seal, or with the token on
// this PC, whose PIN is typed for this signature only and cleared at once.
import { useState } from 'preact/hooks';
import { isRequestFailure, type RequestFailure } from '../../api/client';
import { type SigningMethod, fetchSigningMethods, signResult } from '../../api/signing';
import type { DossierView } from '../../api/types';
import { FailureNotice } from '../../components/FailureNotice';
import { formatDateTime } from '../../format/datetime';
import { useResource } from '../../hooks/useResource';
import { useI18n } from '../../i18n/i18n';

export function DossierSigning({ view, onSigned }: { view: DossierView; onSigned: () => void }) {
  const { t } = useI18n();
  const methods = useResource(() => (view.may_sign_result ? fetchSigningMethods() : Promise.resolve([])), [view.may_sign_result]);
  const [chosen, setChosen] = useState<SigningMethod | null>(null);
  const [pin, setPin] = useState('');
  const [signing, setSigning] = useState(false);
  const [failure, setFailure] = useState<RequestFailure | null>(null);
  const offered = methods.data ?? [];
  if (!view.may_sign_result || offered.length === 0) return null;
  const method = chosen ?? offered[0]!.method;
  const chosenInfo = offered.find((m) => m.method === method);
  const needsPin = chosenInfo?.needs_pin ?? false;
  const standing = chosenInfo?.standing ?? 'valid';

  const sign = (event: Event) => {
    event.preventDefault();
    setSigning(true);
    setFailure(null);
    signResult(view.dossier.code, method, needsPin ? pin : '').then(
      () => {
        setSigning(false);
        setPin('');
        onSigned();
      },
      (cause: unknown) => {
        setSigning(false);
        setPin('');
        if (!isRequestFailure(cause)) throw cause;
        setFailure(cause);
      },
    );
  };

  return (
    <section class="panel no-print" data-testid="dossier-signing">
      <h2>{t('signing.title')}</h2>
      <p class="muted">{t('signing.help')}</p>
      <FailureNotice failure={failure ?? methods.failure} />
      {standing !== 'valid' && chosenInfo?.certificate && (
        <p class={standing === 'expires_soon' ? 'notice notice--info' : 'notice notice--error'} data-testid="signing-standing">
          {t(`signing.standing.${standing}`, { date: formatDateTime(chosenInfo.certificate.not_after) })}
        </p>
      )}
      <form class="button-row" onSubmit={sign}>
        {offered.length > 1 && (
          <select value={method} onChange={(e) => setChosen((e.target as HTMLSelectElement).value as SigningMethod)} data-testid="signing-method">
            {offered.map((m) => (
              <option key={m.method} value={m.method}>
                {t(`signing.method.${m.method}`)}
              </option>
            ))}
          </select>
        )}
        {offered.length === 1 && <span>{t(`signing.method.${method}`)}</span>}
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
        <button type="submit" class="button" disabled={signing} data-testid="signing-submit">
          {signing ? t('common.loading') : t('signing.submit')}
        </button>
      </form>
    </section>
  );
}
