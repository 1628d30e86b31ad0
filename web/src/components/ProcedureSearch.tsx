// Type to find a procedure: the server folds diacritics ("dang ky khai sinh" finds "Đăng ký khai sinh") and
// tolerates typos; results come best first.
import { useEffect, useState } from 'preact/hooks';
import { isRequestFailure, type RequestFailure } from '../api/client';
import { searchProcedures } from '../api/catalogue';
import type { ProcedureHit } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { FailureNotice } from './FailureNotice';
import { TextField } from './fields';

const DEBOUNCE_MS = 250;

export function ProcedureSearch({ id, selected, onPick }: { id: string; selected: string | null; onPick: (hit: ProcedureHit) => void }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<ProcedureHit[]>([]);
  const [failure, setFailure] = useState<RequestFailure | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setHits([]);
      setFailure(null);
      return undefined;
    }
    let live = true;
    const timer = setTimeout(() => {
      setSearching(true);
      searchProcedures(q, 15).then(
        (found) => {
          if (!live) return;
          setHits(found);
          setFailure(null);
          setSearching(false);
        },
        (error: unknown) => {
          if (!live) return;
          setSearching(false);
          if (!isRequestFailure(error)) throw error;
          setFailure(error);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, attempt]);

  return (
    <div class="procedure-search">
      <TextField
        id={id}
        label={t('procedure.search')}
        hint={t('procedure.search_hint')}
        type="search"
        value={query}
        onValue={setQuery}
        autoComplete="off"
        testid="procedure-search"
      />
      <FailureNotice failure={failure} onRetry={() => setAttempt((n) => n + 1)} />
      <p class="visually-hidden" aria-live="polite">
        {searching ? t('common.loading') : query.trim().length >= 2 ? t('procedure.found', { n: hits.length }) : ''}
      </p>
      {hits.length > 0 && (
        <ul class="procedure-hits">
          {hits.map((hit) => (
            <li key={hit.code}>
              <button
                type="button"
                class={hit.code === selected ? 'procedure-hit procedure-hit--selected' : 'procedure-hit'}
                aria-pressed={hit.code === selected}
                onClick={() => onPick(hit)}
                data-testid="procedure-result"
                data-code={hit.code}
              >
                <span class="procedure-hit__name">{hit.name}</span>
                <span class="procedure-hit__meta muted">
                  {hit.code} · {hit.field}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {!searching && !failure && query.trim().length >= 2 && hits.length === 0 && <p class="muted">{t('procedure.none')}</p>}
    </div>
  );
}
