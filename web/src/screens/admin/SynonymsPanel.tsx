// The province's search synonyms (GET/POST /api/v1/search/synonyms, POST …/{id}/retire): the words its people
// use (phrase) for the catalogue's wording (expansion), added to the national list that ships with motcua and
// used by every search from the moment they are added or retired. Whether an expansion fits the catalogue is
// the server's to decide: its refusal is shown beside the field it names. Nothing is deleted: a synonym is
// retired and stays listed.
import { useState } from 'preact/hooks';
import { addSearchSynonym, fetchSearchSynonyms, retireSearchSynonym } from '../../api/catalogue';
import { ApiError } from '../../api/client';
import type { NewSynonym, Synonym } from '../../api/types';
import { FailureNotice, Loading } from '../../components/FailureNotice';
import { TextField, focusFirstInvalid, tooLongMessage } from '../../components/fields';
import { formatDateTime } from '../../format/datetime';
import { useFieldErrors } from '../../hooks/useFieldErrors';
import { useRequest } from '../../hooks/useRequest';
import { useResource } from '../../hooks/useResource';
import { useI18n, type Translate } from '../../i18n/i18n';

const FIELDS = ['phrase', 'expansion'] as const;
type Field = (typeof FIELDS)[number];
// The API's limit of each text, in UTF-8 bytes.
const MAX_BYTES = 200;
const EMPTY: NewSynonym = { phrase: '', expansion: '' };

// The form's own checks: something typed, within the API's length. The rest (words of a catalogue name, a
// phrase not yet active) is the server's.
function formErrors(t: Translate, form: NewSynonym): Record<string, string> {
  const found: Record<string, string> = {};
  for (const field of FIELDS) {
    const problem = form[field].trim() ? tooLongMessage(t, form[field], MAX_BYTES) : t('common.required');
    if (problem) found[field] = problem;
  }
  return found;
}

function AddSynonymForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState<NewSynonym>(EMPTY);
  const [added, setAdded] = useState<Synonym | null>(null);
  const request = useRequest();
  const fieldErrors = useFieldErrors(request.failure);
  const set = (field: Field) => (value: string) => {
    fieldErrors.edited(field);
    setAdded(null);
    setForm((f) => ({ ...f, [field]: value }));
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const found = formErrors(t, form);
    fieldErrors.setOwn(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(event.currentTarget);
      return;
    }
    const body: NewSynonym = { phrase: form.phrase.trim(), expansion: form.expansion.trim() };
    request.run(
      () => addSearchSynonym(body),
      (synonym) => {
        setAdded(synonym);
        setForm(EMPTY);
        onAdded();
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="synonym-form">
      <h3>{t('synonyms.add_title')}</h3>
      {added && (
        <p class="notice notice--ok" role="status" data-testid="synonym-added">
          {t('synonyms.added', { phrase: added.phrase, expansion: added.expansion })}
        </p>
      )}
      <div class="grid-2">
        <TextField
          id="synonym-phrase"
          label={t('synonyms.phrase')}
          value={form.phrase}
          onValue={set('phrase')}
          placeholder={t('synonyms.phrase_placeholder')}
          autoComplete="off"
          maxBytes={MAX_BYTES}
          required
          error={fieldErrors.error('phrase')}
          testid="synonym-phrase"
        />
        <TextField
          id="synonym-expansion"
          label={t('synonyms.expansion')}
          hint={t('synonyms.expansion_hint')}
          value={form.expansion}
          onValue={set('expansion')}
          placeholder={t('synonyms.expansion_placeholder')}
          autoComplete="off"
          maxBytes={MAX_BYTES}
          required
          error={fieldErrors.error('expansion')}
          testid="synonym-expansion"
        />
      </div>
      <FailureNotice failure={request.failure} fields={[...FIELDS]} />
      <button type="submit" class="button button--primary" disabled={request.pending} data-testid="synonym-submit">
        {request.pending ? t('common.sending') : t('synonyms.add')}
      </button>
    </form>
  );
}

function SynonymRow({ synonym, onChanged }: { synonym: Synonym; onChanged: () => void }) {
  const { t } = useI18n();
  const retire = useRequest();
  // A definite refusal (retired meanwhile, no such synonym) means the list is stale: it is reloaded too.
  const send = () =>
    retire.run(
      () =>
        retireSearchSynonym(synonym.id).catch((error: unknown) => {
          if (error instanceof ApiError && !error.retryable) onChanged();
          throw error;
        }),
      onChanged,
    );
  return (
    <>
      <tr
        data-testid="synonym-row"
        data-id={synonym.id}
        data-active={synonym.active ? 'true' : 'false'}
        class={synonym.active ? undefined : 'muted'}
      >
        <th scope="row">{synonym.phrase}</th>
        <td>{synonym.expansion}</td>
        <td>{t('synonyms.by_at', { who: synonym.added_by, when: formatDateTime(synonym.added_at) })}</td>
        <td data-testid="synonym-state">
          {synonym.active ? (
            t('synonyms.active')
          ) : (
            <>
              {t('synonyms.retired')}
              <br />
              <span class="muted">
                {t('synonyms.by_at', { who: synonym.retired_by ?? '—', when: formatDateTime(synonym.retired_at) })}
              </span>
            </>
          )}
        </td>
        <td>
          {synonym.active && (
            <button
              type="button"
              class="button button--small button--danger-outline"
              disabled={retire.pending}
              onClick={() => {
                if (window.confirm(t('synonyms.retire_confirm', { phrase: synonym.phrase, expansion: synonym.expansion }))) send();
              }}
              data-testid="synonym-retire"
            >
              {t('synonyms.retire')}
              <span class="visually-hidden"> “{synonym.phrase}”</span>
            </button>
          )}
        </td>
      </tr>
      {retire.failure && (
        <tr>
          <td colSpan={5}>
            <FailureNotice failure={retire.failure} onRetry={send} />
          </td>
        </tr>
      )}
    </>
  );
}

export function SynonymsPanel() {
  const { t } = useI18n();
  const synonyms = useResource(() => fetchSearchSynonyms(), []);
  return (
    <section data-testid="synonyms">
      <section class="panel">
        <h2>{t('synonyms.title')}</h2>
        <p class="muted" data-testid="synonyms-note">
          {t('synonyms.note')}
        </p>
        <AddSynonymForm onAdded={synonyms.reload} />
      </section>
      <section class="panel">
        <h3>{t('synonyms.list')}</h3>
        {synonyms.loading && !synonyms.data && <Loading />}
        <FailureNotice failure={synonyms.failure} onRetry={synonyms.reload} />
        {synonyms.data && synonyms.data.length === 0 && <p data-testid="synonyms-empty">{t('synonyms.none')}</p>}
        {synonyms.data && synonyms.data.length > 0 && (
          <div class="table-scroll">
            <table class="table" data-testid="synonyms-table">
              <thead>
                <tr>
                  <th scope="col">{t('synonyms.phrase')}</th>
                  <th scope="col">{t('synonyms.expansion')}</th>
                  <th scope="col">{t('synonyms.added_by')}</th>
                  <th scope="col">{t('synonyms.state')}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t('dossier.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {synonyms.data.map((s) => (
                  <SynonymRow key={s.id} synonym={s} onChanged={synonyms.reload} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  );
}
