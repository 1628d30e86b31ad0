// The citizen portal: ask about a procedure in plain words, find a procedure and read what to bring, track a
// dossier by its code — all without logging in — and, for a logged-in citizen, their dossiers, each opening
// its tracking and signed result (CitizenDossier.tsx).
import { useState } from 'preact/hooks';
import { fetchDossierPage } from '../../api/dossiers';
import type { Account } from '../../api/types';
import { AssistantPanel } from '../../components/AssistantPanel';
import { DossierTable } from '../../components/DossierTable';
import { PagedFooter } from '../../components/PagedFooter';
import { ProcedureSearch } from '../../components/ProcedureSearch';
import { usePagedList } from '../../hooks/usePagedList';
import { useI18n } from '../../i18n/i18n';
import { href, navigate } from '../../router';
import { loginHref } from '../../session';

// The code, and the receipt PIN printed beside it on the slip (optional: without it, the status only).
export function TrackForm({ initialCode = '' }: { initialCode?: string }) {
  const { t } = useI18n();
  const [code, setCode] = useState(initialCode);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  return (
    <form
      class="inline-form"
      role="search"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!code.trim()) {
          setError(t('track.code_required'));
          return;
        }
        const digits = pin.replace(/\s/g, '');
        navigate(href(['tra-cuu', code.trim()], digits ? { pin: digits } : {}));
      }}
      data-testid="track-form"
    >
      <label for="track-code">{t('track.code')}</label>
      <input
        id="track-code"
        value={code}
        onInput={(e) => {
          setCode(e.currentTarget.value);
          setError(undefined);
        }}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'track-code-error' : undefined}
        placeholder="000.00.25.H52-261122-0001"
        autoComplete="off"
        data-testid="track-code"
      />
      <label for="track-pin">{t('track.pin')}</label>
      <input
        id="track-pin"
        value={pin}
        onInput={(e) => setPin(e.currentTarget.value)}
        inputMode="numeric"
        autoComplete="off"
        maxLength={8}
        class="input--short"
        data-testid="track-pin"
      />
      <button type="submit" class="button" data-testid="track-submit">
        {t('track.submit')}
      </button>
      {error && (
        <p class="field__error" id="track-code-error">
          {error}
        </p>
      )}
    </form>
  );
}

function MyDossiers() {
  const { t } = useI18n();
  const list = usePagedList((cursor) => fetchDossierPage({ order: 'code' }, cursor), []);
  return (
    <section class="panel">
      <h2>{t('citizen.my_dossiers')}</h2>
      {list.items.length > 0 && (
        <DossierTable
          items={list.items}
          rowTestid="my-dossier-row"
          linkTo={(code) => href(['cong-dan', 'ho-so', code])}
          linkTestid="my-dossier-link"
          caption={t('citizen.my_dossiers')}
        />
      )}
      <PagedFooter list={list} emptyText={t('citizen.no_dossiers')} />
    </section>
  );
}

export function CitizenPortal({ account }: { account: Account | null }) {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('citizen.title')}</h1>
      <section class="panel">
        <h2>{t('track.title')}</h2>
        <TrackForm />
      </section>
      {account?.role === 'citizen' ? (
        <MyDossiers />
      ) : (
        !account && (
          <p class="notice notice--info">
            {t('citizen.login_note')} <a href={loginHref()}>{t('nav.login')}</a>
          </p>
        )
      )}
      <section class="panel" aria-labelledby="citizen-assistant-title" data-testid="citizen-assistant">
        <h2 id="citizen-assistant-title">{t('assistant.title')}</h2>
        <AssistantPanel id="citizen-assistant" detailsHref={(code) => href(['cong-dan', 'thu-tuc', code])} />
      </section>
      <section class="panel">
        <h2>{t('citizen.find_procedure')}</h2>
        <ProcedureSearch id="citizen-procedure" selected={null} onPick={(hit) => navigate(href(['cong-dan', 'thu-tuc', hit.code]))} />
      </section>
    </section>
  );
}
