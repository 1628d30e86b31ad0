// Online submission by a citizen (POST /api/v1/submissions): the applicant, the documents, the agency that
// decides. The API takes no files yet: the picker only records the names of the chosen files in the
// components' names, and the applicant brings the papers to the counter.
import { useState } from 'preact/hooks';
import { fetchAgencies, fetchProcedure } from '../../api/catalogue';
import { submitOnline, type IntakeBody } from '../../api/dossiers';
import type { Account, CatalogueComponent, Component, Dossier } from '../../api/types';
import {
  ApplicantFields,
  EMPTY_APPLICANT,
  applicantBody,
  applicantErrors,
  changedApplicantFields,
  type ApplicantForm,
} from '../../components/ApplicantFields';
import { FailureNotice, Loading } from '../../components/FailureNotice';
import { ChannelTable, groupComponents } from '../../components/ProcedureDetails';
import { SelectField, focusFirstInvalid } from '../../components/fields';
import { formatDateTime } from '../../format/datetime';
import { useFieldErrors } from '../../hooks/useFieldErrors';
import { useResource } from '../../hooks/useResource';
import { useSubmission } from '../../hooks/useSubmission';
import { useI18n } from '../../i18n/i18n';
import { href } from '../../router';

const FIELDS = [
  'applicant.name',
  'applicant.citizen_id',
  'applicant.phone',
  'applicant.email',
  'applicant.address',
  'applicant.organisation',
  'components',
  'competent_agency',
  'receiving_point',
];

// Stored with the dossier, so in the language of the records whatever the interface language.
const FILES_NOTE = 'tệp đính kèm';

interface Attached {
  ticked: boolean;
  files: string[];
}

function submittedComponents(components: CatalogueComponent[], attached: Record<number, Attached>): Component[] {
  return components.flatMap((c) => {
    const a = attached[c.seq];
    if (!a || (!a.ticked && a.files.length === 0)) return [];
    const name = a.files.length > 0 ? `${c.document} — ${FILES_NOTE}: ${a.files.join(', ')}` : c.document;
    return [{ seq: c.seq, name, originals: c.originals, copies: c.copies }];
  });
}

function Submitted({ dossier }: { dossier: Dossier }) {
  const { t } = useI18n();
  return (
    <section class="panel" data-testid="submission-done">
      <h1>{t('submit.done_title')}</h1>
      <p>
        {t('submit.done_code')}:{' '}
        <strong class="mono" data-testid="submission-code">
          {dossier.code}
        </strong>
      </p>
      <p>
        {t('dossier.submitted_at')}: {formatDateTime(dossier.submitted_at)}
      </p>
      <p>{t('submit.done_next')}</p>
      <div class="button-row">
        <a class="button" href={href(['tra-cuu', dossier.code])}>
          {t('track.title')}
        </a>
        <a class="button button--secondary" href={href(['ho-so', dossier.code])}>
          {t('dossier.title')}
        </a>
      </div>
    </section>
  );
}

export function SubmitOnline({ code, account }: { code: string; account: Account }) {
  const { t } = useI18n();
  const procedure = useResource(() => fetchProcedure(code), [code]);
  const agencies = useResource(() => fetchAgencies(), []);
  const [applicant, setApplicant] = useState<ApplicantForm>({ ...EMPTY_APPLICANT, name: account.display_name });
  const [attached, setAttached] = useState<Record<number, Attached>>({});
  const [agencyId, setAgencyId] = useState('');
  const [done, setDone] = useState<Dossier | null>(null);
  const submission = useSubmission<Dossier>();
  const fieldErrors = useFieldErrors(submission.failure);

  if (done) return <Submitted dossier={done} />;
  if (procedure.failure) return <FailureNotice failure={procedure.failure} onRetry={procedure.reload} />;
  if (!procedure.data) return <Loading />;
  const components = procedure.data.components;

  const changeApplicant = (next: ApplicantForm) => {
    fieldErrors.edited(...changedApplicantFields(applicant, next));
    setApplicant(next);
  };
  const attach = (seq: number, change: Partial<Attached>) => {
    fieldErrors.edited('components');
    setAttached((all) => ({ ...all, [seq]: { ...(all[seq] ?? { ticked: false, files: [] }), ...change } }));
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const found = applicantErrors(t, applicant, false);
    const chosen = submittedComponents(components, attached);
    if (components.length > 0 && chosen.length === 0) found['components'] = t('submit.components_required');
    if (!agencyId) found['competent_agency'] = t('counter.agency_required');
    fieldErrors.setOwn(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(event.currentTarget);
      return;
    }
    const body: IntakeBody = {
      procedure_code: code,
      channel: 'online',
      applicant: applicantBody(applicant),
      components: chosen,
      competent_agency: agencyId,
    };
    submission.submit((key) => submitOnline(body, key), setDone);
  };

  const errors: Record<string, string | undefined> = Object.fromEntries(FIELDS.map((name) => [name, fieldErrors.error(name)]));

  return (
    <section>
      <p>
        <a href={href(['cong-dan', 'thu-tuc', code])}>← {procedure.data.name}</a>
      </p>
      <h1>{t('submit.title')}</h1>
      <form onSubmit={submit} noValidate data-testid="submit-form">
        <div class="panel">
          <h2>{procedure.data.name}</h2>
          <ChannelTable procedure={procedure.data} />
        </div>
        <div class="panel">
          <ApplicantFields idPrefix="submit" value={applicant} onChange={changeApplicant} errors={errors} lookUpReturning={false} />
          <p class="field__hint">{t('submit.id_default')}</p>
        </div>
        <fieldset class={errors['components'] ? 'fieldset panel fieldset--invalid' : 'fieldset panel'}>
          <legend>{t('component.title')}</legend>
          <p class="notice notice--info">{t('submit.files_note')}</p>
          {groupComponents(components).map(([group, items]) => (
            <div key={group} class="component-group">
              {group && <h3>{group}</h3>}
              <ul class="checklist">
                {items.map((c) => {
                  const a = attached[c.seq] ?? { ticked: false, files: [] };
                  const id = `submit-component-${c.seq}`;
                  return (
                    <li key={c.seq} class="checklist__item" data-testid="submit-component" data-seq={c.seq}>
                      <input
                        type="checkbox"
                        id={id}
                        checked={a.ticked || a.files.length > 0}
                        onChange={(e) => attach(c.seq, { ticked: e.currentTarget.checked })}
                        data-testid="submit-component-have"
                      />
                      <label for={id} class="prewrap">
                        {c.document}
                      </label>
                      <label class="file-pick">
                        <span class="visually-hidden">{t('submit.choose_files', { n: c.seq })}</span>
                        <input
                          type="file"
                          multiple
                          onChange={(e) => attach(c.seq, { files: Array.from(e.currentTarget.files ?? [], (f) => f.name) })}
                          data-testid="submit-component-file"
                        />
                      </label>
                      {a.files.length > 0 && <p class="muted">{t('submit.files_chosen', { names: a.files.join(', ') })}</p>}
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
          {errors['components'] && (
            <p class="field__error" data-testid="components-error">
              {errors['components']}
            </p>
          )}
        </fieldset>
        <div class="panel">
          <FailureNotice failure={agencies.failure} onRetry={agencies.reload} />
          <SelectField
            id="submit-agency"
            label={t('counter.agency')}
            value={agencyId}
            onValue={(id) => {
              fieldErrors.edited('competent_agency', 'receiving_point');
              setAgencyId(id);
            }}
            options={(agencies.data ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.id})` }))}
            placeholder={t('common.choose')}
            required
            error={errors['competent_agency'] ?? errors['receiving_point']}
            testid="submit-agency"
          />
          <FailureNotice failure={submission.failure} onRetry={submission.retry} fields={FIELDS} />
          <button type="submit" class="button button--primary" disabled={submission.pending} data-testid="submit-online">
            {submission.pending ? t('common.sending') : t('submit.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
