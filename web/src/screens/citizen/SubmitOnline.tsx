// Online submission by a citizen (POST /api/v1/submissions): the applicant, the documents — each may carry one
// file (PDF, JPEG or PNG), uploaded when chosen and sent by its id — and the agency that decides.
// The draft and the submission's Idempotency-Key are kept in sessionStorage until the server has answered, so
// that a reload (or an answer lost on a bad connection) neither loses what was typed nor makes a second dossier.
import { useEffect, useState } from 'preact/hooks';
import { fetchAgencies, fetchProcedure } from '../../api/catalogue';
import { submitOnline, type IntakeBody } from '../../api/dossiers';
import type { Account, CatalogueComponent, Component, Dossier, UploadedFile } from '../../api/types';
import {
  ApplicantFields,
  EMPTY_APPLICANT,
  applicantBody,
  applicantErrors,
  changedApplicantFields,
  type ApplicantForm,
} from '../../components/ApplicantFields';
import { FailureNotice, Loading } from '../../components/FailureNotice';
import { FileUpload, type UploadState } from '../../components/FileUpload';
import { ChannelTable, ComponentNotes, documentsOf, groupComponents, notesOf } from '../../components/ProcedureDetails';
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

interface Attached {
  ticked: boolean;
  file: UploadedFile | null;
  upload?: UploadState;
}

function submittedComponents(components: CatalogueComponent[], attached: Record<number, Attached>): Component[] {
  return components.flatMap((c) => {
    const a = attached[c.seq];
    if (!a || (!a.ticked && !a.file)) return [];
    const component: Component = { seq: c.seq, name: c.document, originals: c.originals, copies: c.copies };
    if (a.file) component.file = a.file.id;
    return [component];
  });
}

// What was typed, kept in sessionStorage per procedure until the submission is answered.
interface Draft {
  applicant: ApplicantForm;
  attached: Record<number, Attached>;
  agencyId: string;
}

const draftKey = (code: string) => `motcua.draft.submit.${code}`;

function loadDraft(code: string): Draft | null {
  try {
    const text = sessionStorage.getItem(draftKey(code));
    return text ? (JSON.parse(text) as Draft) : null;
  } catch {
    return null;
  }
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
  const [draft] = useState(() => loadDraft(code));
  const [applicant, setApplicant] = useState<ApplicantForm>(
    draft?.applicant ?? { ...EMPTY_APPLICANT, name: account.display_name },
  );
  const [attached, setAttached] = useState<Record<number, Attached>>(draft?.attached ?? {});
  const [agencyId, setAgencyId] = useState(draft?.agencyId ?? '');
  const [done, setDone] = useState<Dossier | null>(null);
  const submission = useSubmission<Dossier>(`submit.${code}`);
  const fieldErrors = useFieldErrors(submission.failure);

  useEffect(() => {
    if (done) return;
    // An upload on its way is not kept: after a reload it would never finish.
    const kept = Object.fromEntries(
      Object.entries(attached).map(([seq, a]) => [seq, { ticked: a.ticked, file: a.upload === 'pending' ? null : a.file }]),
    );
    sessionStorage.setItem(draftKey(code), JSON.stringify({ applicant, attached: kept, agencyId }));
  }, [applicant, attached, agencyId, done]);

  if (done) return <Submitted dossier={done} />;
  if (procedure.failure) return <FailureNotice failure={procedure.failure} onRetry={procedure.reload} />;
  if (!procedure.data) return <Loading />;
  // Only documents are attached; the notes of the list are read.
  const components = documentsOf(procedure.data.components);

  const changeApplicant = (next: ApplicantForm) => {
    fieldErrors.edited(...changedApplicantFields(applicant, next));
    setApplicant(next);
  };
  const attach = (seq: number, change: Partial<Attached>) => {
    fieldErrors.edited('components');
    setAttached((all) => ({ ...all, [seq]: { ...(all[seq] ?? { ticked: false, file: null }), ...change } }));
  };
  const uploading = Object.values(attached).some((a) => a.upload === 'pending');

  const submit = (event: Event) => {
    event.preventDefault();
    const found = applicantErrors(t, applicant, false);
    const chosen = submittedComponents(components, attached);
    if (components.length > 0 && chosen.length === 0) found['components'] = t('submit.components_required');
    if (uploading) found['components'] = t('file.wait');
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
    submission.submit(
      (key) => submitOnline(body, key),
      (dossier) => {
        sessionStorage.removeItem(draftKey(code));
        setDone(dossier);
      },
    );
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
          <p class="muted">{t('submit.files_note')}</p>
          {groupComponents(components).map(([group, items]) => (
            <div key={group} class="component-group">
              {group && <h3>{group}</h3>}
              <ul class="checklist">
                {items.map((c) => {
                  const a = attached[c.seq] ?? { ticked: false, file: null };
                  const id = `submit-component-${c.seq}`;
                  return (
                    <li key={c.seq} class="checklist__item" data-testid="submit-component" data-seq={c.seq}>
                      <input
                        type="checkbox"
                        id={id}
                        checked={a.ticked || a.file !== null}
                        onChange={(e) => attach(c.seq, { ticked: e.currentTarget.checked })}
                        data-testid="submit-component-have"
                      />
                      <label for={id} class="prewrap">
                        {c.document}
                      </label>
                      <FileUpload
                        id={`submit-file-${c.seq}`}
                        label={t('submit.choose_files', { n: c.seq })}
                        testid="submit-component-file"
                        value={a.file}
                        onUploaded={(file) => attach(c.seq, { file })}
                        onState={(upload) => attach(c.seq, { upload })}
                      />
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
          <ComponentNotes notes={notesOf(procedure.data.components)} testid="submit-notes" />
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
