// The applicant's particulars, with the citizen ID checked as it is typed. At the counter, a complete ID
// also looks for the applicant's last dossier, so that a returning applicant's particulars can be filled in.
import { useEffect, useState } from 'preact/hooks';
import { fetchDossier, fetchDossierPage } from '../api/dossiers';
import type { Applicant } from '../api/types';
import { citizenIdProblem, isCompleteCitizenId } from '../format/citizen-id';
import { useI18n, type Translate } from '../i18n/i18n';
import { LONG_TEXT_BYTES, SHORT_TEXT_BYTES } from '../format/text';
import { TextAreaField, TextField, tooLongMessage } from './fields';

export type ApplicantForm = Applicant;

// The API's limit of each field, in UTF-8 bytes.
const MAX_BYTES: Record<keyof ApplicantForm, number> = {
  name: SHORT_TEXT_BYTES,
  citizen_id: SHORT_TEXT_BYTES,
  phone: SHORT_TEXT_BYTES,
  email: SHORT_TEXT_BYTES,
  address: LONG_TEXT_BYTES,
  organisation: SHORT_TEXT_BYTES,
};

// The API field paths ("applicant.name") whose values differ between `before` and `after`.
export function changedApplicantFields(before: ApplicantForm, after: ApplicantForm): string[] {
  return (Object.keys(MAX_BYTES) as (keyof ApplicantForm)[]).filter((k) => before[k] !== after[k]).map((k) => `applicant.${k}`);
}

export const EMPTY_APPLICANT: ApplicantForm = { name: '', citizen_id: '', phone: '', email: '', address: '', organisation: '' };

export function citizenIdMessage(t: Translate, text: string, complete: boolean): string | undefined {
  const problem = citizenIdProblem(text, complete);
  if (!problem) return undefined;
  switch (problem.kind) {
    case 'digits':
      return t('cid.digits');
    case 'province':
      return t('cid.province', { code: problem.code });
    case 'future':
      return t('cid.future', { year: problem.year });
  }
}

// The problems of the form, by API field path ("applicant.name"). `idRequired`: a citizen ID is needed unless
// an organisation applies.
export function applicantErrors(t: Translate, a: ApplicantForm, idRequired: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!a.name.trim()) errors['applicant.name'] = t('applicant.name_required');
  if (a.citizen_id.trim()) {
    const message = citizenIdMessage(t, a.citizen_id, true);
    if (message) errors['applicant.citizen_id'] = message;
  } else if (idRequired && !a.organisation.trim()) {
    errors['applicant.citizen_id'] = t('applicant.id_required');
  }
  // Whether a phone number or an e-mail address is well formed is the server's to say (domain/contact.h): its
  // refusal shows beside the field it names.
  for (const key of Object.keys(MAX_BYTES) as (keyof ApplicantForm)[]) {
    const message = tooLongMessage(t, a[key], MAX_BYTES[key]);
    if (message) errors[`applicant.${key}`] = message;
  }
  return errors;
}

// The applicant as the API takes it: blank optional fields left out.
export function applicantBody(a: ApplicantForm): Partial<Applicant> & { name: string } {
  const body: Partial<Applicant> & { name: string } = { name: a.name.trim() };
  for (const key of ['citizen_id', 'phone', 'email', 'address', 'organisation'] as const) {
    const value = a[key].trim();
    if (value) body[key] = value;
  }
  return body;
}

interface Returning {
  code: string;
  applicant: Applicant;
}

function useReturningApplicant(citizenId: string, enabled: boolean): Returning | null {
  const [found, setFound] = useState<Returning | null>(null);
  useEffect(() => {
    setFound(null);
    if (!enabled || !isCompleteCitizenId(citizenId)) return undefined;
    let live = true;
    fetchDossierPage({ applicant_id: citizenId.trim(), limit: 1 })
      .then(async (page) => {
        const last = page.items[0];
        if (!last || !live) return;
        const view = await fetchDossier(last.code);
        if (live) setFound({ code: last.code, applicant: view.dossier.applicant });
      })
      // The lookup only helps: when it fails, the receptionist types the particulars.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [citizenId, enabled]);
  return found;
}

export function ApplicantFields({
  idPrefix,
  value,
  onChange,
  errors,
  lookUpReturning,
}: {
  idPrefix: string;
  value: ApplicantForm;
  onChange: (next: ApplicantForm) => void;
  errors: Record<string, string | undefined>;
  lookUpReturning: boolean;
}) {
  const { t } = useI18n();
  const returning = useReturningApplicant(value.citizen_id, lookUpReturning);
  const set = (key: keyof ApplicantForm) => (v: string) => onChange({ ...value, [key]: v });
  const typedProblem = value.citizen_id ? citizenIdMessage(t, value.citizen_id, false) : undefined;
  const digits = value.citizen_id.trim().length;

  return (
    <fieldset class="fieldset">
      <legend>{t('applicant.title')}</legend>
      <div class="grid-2">
        <TextField
          id={`${idPrefix}-citizen-id`}
          label={t('applicant.citizen_id')}
          value={value.citizen_id}
          onValue={(v) => set('citizen_id')(v.replace(/\s/g, ''))}
          inputMode="numeric"
          maxLength={12}
          autoComplete="off"
          hint={!typedProblem && digits > 0 && digits < 12 ? t('cid.progress', { n: digits }) : t('cid.hint')}
          error={typedProblem ?? errors['applicant.citizen_id']}
          testid="applicant-citizen-id"
        />
        <TextField
          id={`${idPrefix}-name`}
          label={t('applicant.name')}
          value={value.name}
          onValue={set('name')}
          required
          autoComplete="name"
          maxBytes={MAX_BYTES.name}
          error={errors['applicant.name']}
          testid="applicant-name"
        />
      </div>
      {returning && (
        <div class="notice notice--info" data-testid="returning-applicant">
          <p>{t('applicant.returning', { name: returning.applicant.name, code: returning.code })}</p>
          <button
            type="button"
            class="button button--small"
            onClick={() => onChange({ ...returning.applicant, citizen_id: value.citizen_id })}
            data-testid="applicant-prefill"
          >
            {t('applicant.prefill')}
          </button>
        </div>
      )}
      <div class="grid-2">
        <TextField
          id={`${idPrefix}-phone`}
          label={t('applicant.phone')}
          type="tel"
          inputMode="tel"
          value={value.phone}
          onValue={set('phone')}
          autoComplete="tel"
          maxBytes={MAX_BYTES.phone}
          error={errors['applicant.phone']}
          testid="applicant-phone"
        />
        <TextField
          id={`${idPrefix}-email`}
          label={t('applicant.email')}
          type="email"
          value={value.email}
          onValue={set('email')}
          autoComplete="email"
          maxBytes={MAX_BYTES.email}
          error={errors['applicant.email']}
          testid="applicant-email"
        />
      </div>
      <TextAreaField
        id={`${idPrefix}-address`}
        label={t('applicant.address')}
        rows={2}
        value={value.address}
        onValue={set('address')}
        maxBytes={MAX_BYTES.address}
        error={errors['applicant.address']}
        testid="applicant-address"
      />
      <TextField
        id={`${idPrefix}-organisation`}
        label={t('applicant.organisation')}
        hint={t('applicant.organisation_hint')}
        value={value.organisation}
        onValue={set('organisation')}
        maxBytes={MAX_BYTES.organisation}
        error={errors['applicant.organisation']}
        testid="applicant-organisation"
      />
    </fieldset>
  );
}
