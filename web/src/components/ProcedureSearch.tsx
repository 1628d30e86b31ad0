// Type to find a procedure: the server folds diacritics ("dang ky khai sinh" finds "Đăng ký khai sinh"),
// tolerates typos and reads everyday words ("sổ đỏ"); results come best first. When the server is not confident
// it sends no results but a message and a few suggestions, shown as such.
import { useEffect, useState } from 'preact/hooks';
import { isRequestFailure, type RequestFailure } from '../api/client';
import { searchProcedures } from '../api/catalogue';
import type { PreferLevel, ProcedureHit, ProcedureMatches, UnderstoodPhrase } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { FailureNotice } from './FailureNotice';
import { TextField } from './fields';

const DEBOUNCE_MS = 250;

// "Understood: sổ đỏ → giấy chứng nhận quyền sử dụng đất", small and muted.
export function Understood({ phrases, testid }: { phrases: UnderstoodPhrase[]; testid: string }) {
  const { t } = useI18n();
  if (phrases.length === 0) return null;
  return (
    <p class="understood muted" data-testid={testid}>
      <span>{t('procedure.understood')}</span>{' '}
      {phrases.map((u) => (
        <span key={u.phrase} class="chip">
          {u.phrase} → {u.expansion}
        </span>
      ))}
    </p>
  );
}

// A hit's name, code and field, and whether it was found through the abolished district level.
export function HitLabel({ hit }: { hit: ProcedureHit }) {
  const { t } = useI18n();
  return (
    <>
      <span class="procedure-hit__name">{hit.name}</span>
      <span class="procedure-hit__meta muted">
        {hit.code} · {hit.field}
        {hit.abolished_level && (
          <span class="tag tag--warn" data-testid="procedure-abolished">
            {t('procedure.abolished_level')}
          </span>
        )}
      </span>
    </>
  );
}

function HitList({
  hits,
  selected,
  onPick,
  testid,
  labelledBy,
}: {
  hits: ProcedureHit[];
  selected: string | null;
  onPick: (hit: ProcedureHit) => void;
  testid: string;
  labelledBy?: string | undefined;
}) {
  return (
    <ul class="procedure-hits" aria-labelledby={labelledBy}>
      {hits.map((hit) => (
        <li key={hit.code}>
          <button
            type="button"
            class={hit.code === selected ? 'procedure-hit procedure-hit--selected' : 'procedure-hit'}
            aria-pressed={hit.code === selected}
            onClick={() => onPick(hit)}
            data-testid={testid}
            data-code={hit.code}
          >
            <HitLabel hit={hit} />
          </button>
        </li>
      ))}
    </ul>
  );
}

export function ProcedureSearch({
  id,
  selected,
  onPick,
  preferLevel,
}: {
  id: string;
  selected: string | null;
  onPick: (hit: ProcedureHit) => void;
  // The counter's level, whose procedures come first; none on the citizen portal.
  preferLevel?: PreferLevel | undefined;
}) {
  const { t, lang } = useI18n();
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<ProcedureMatches | null>(null);
  const [failure, setFailure] = useState<RequestFailure | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setMatches(null);
      setFailure(null);
      return undefined;
    }
    let live = true;
    const timer = setTimeout(() => {
      setSearching(true);
      searchProcedures(q, 15, preferLevel).then(
        (found) => {
          if (!live) return;
          setMatches(found);
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
  }, [query, attempt, preferLevel]);

  const asked = query.trim().length >= 2;
  const hits = matches?.items ?? [];
  const suggestions = matches && !matches.confident ? (matches.suggestions ?? []) : [];
  // The server's message when it is not confident; "nothing found" when it found nothing at all.
  const serverMessage = matches && !matches.confident ? (lang === 'en' ? matches.message_en || matches.message : matches.message || matches.message_en) : undefined;
  const message = !matches || hits.length > 0 ? undefined : (serverMessage ?? t('procedure.none'));
  let announced = '';
  if (searching) announced = t('common.loading');
  else if (asked && matches) announced = message ?? t('procedure.found', { n: hits.length });

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
        {announced}
      </p>
      {asked && matches && <Understood phrases={matches.understood} testid="procedure-understood" />}
      {asked && hits.length > 0 && <HitList hits={hits} selected={selected} onPick={onPick} testid="procedure-result" />}
      {asked && !searching && !failure && message && (
        <p class="muted" data-testid="procedure-message">
          {message}
        </p>
      )}
      {asked && suggestions.length > 0 && (
        <div class="procedure-suggestions">
          <h4 id={`${id}-suggestions`}>{t('procedure.suggestions')}</h4>
          <HitList hits={suggestions} selected={selected} onPick={onPick} testid="procedure-suggestion" labelledBy={`${id}-suggestions`} />
        </div>
      )}
    </div>
  );
}
