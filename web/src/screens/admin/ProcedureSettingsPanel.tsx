// The province's settings of a procedure (PUT /api/v1/procedures/{code}/settings): the processing time per
// channel (where the catalogue is silent, or shortened by the province), the internal workflow (ordered steps,
// who does each and its share of the time, 100 % in all), and whether it is received boundaryless. They apply
// to dossiers received from the moment they are saved; the catalogue itself is shown beside them, read-only.
import { useEffect, useState } from 'preact/hooks';
import { fetchProcedure, saveProcedureSettings } from '../../api/catalogue';
import { isRequestFailure, type RequestFailure } from '../../api/client';
import type { Channel, ProcedureHit, ProcedureSettings, TimeUnit, WorkflowStep } from '../../api/types';
import { FailureNotice, Loading } from '../../components/FailureNotice';
import { ProcedureDetails } from '../../components/ProcedureDetails';
import { ProcedureSearch } from '../../components/ProcedureSearch';
import { SelectField, TextField, focusFirstInvalid } from '../../components/fields';
import { formatDateTime } from '../../format/datetime';
import { useFieldErrors } from '../../hooks/useFieldErrors';
import { useResource } from '../../hooks/useResource';
import { useI18n, type Translate } from '../../i18n/i18n';

const CHANNELS: Channel[] = ['direct', 'online', 'postal'];
const UNITS: TimeUnit[] = ['working_day', 'day', 'working_hour', 'month'];
const STEP_ROLES: WorkflowStep['role'][] = ['receptionist', 'specialist', 'leader'];

interface StepForm {
  name: string;
  role: WorkflowStep['role'];
  share: string;
}

interface SettingsForm {
  times: Record<Channel, { amount: string; unit: TimeUnit }>;
  steps: StepForm[];
  boundaryless: '' | 'yes' | 'no';
}

function formOf(settings: ProcedureSettings | null | undefined): SettingsForm {
  const times = Object.fromEntries(
    CHANNELS.map((c) => {
      const set = settings?.processing_times.find((p) => p.channel === c);
      return [c, { amount: set ? String(set.amount) : '', unit: set?.unit ?? 'working_day' }];
    }),
  ) as SettingsForm['times'];
  const steps = (settings?.steps ?? []).map((s) => ({ name: s.name, role: s.role, share: String(s.share_percent) }));
  const boundaryless = settings?.boundaryless === true ? 'yes' : settings?.boundaryless === false ? 'no' : '';
  return { times, steps, boundaryless };
}

const number = (text: string) => Number(text.replace(',', '.'));

// The form's own checks, by the API's field names.
function problemsOf(t: Translate, form: SettingsForm): Record<string, string> {
  const found: Record<string, string> = {};
  for (const c of CHANNELS) {
    const amount = form.times[c].amount.trim();
    if (amount && !(number(amount) > 0 && number(amount) <= 3650)) found[`time.${c}`] = t('time.invalid');
  }
  form.steps.forEach((s, i) => {
    if (!s.name.trim()) found[`steps[${i}].name`] = t('common.required');
    const share = Number(s.share);
    if (!/^\d{1,3}$/.test(s.share.trim()) || share > 100) found[`steps[${i}].share_percent`] = t('settings.share_invalid');
  });
  const total = form.steps.reduce((sum, s) => sum + (Number(s.share) || 0), 0);
  if (form.steps.length > 0 && total !== 100) found['steps'] = t('settings.shares_total', { total });
  return found;
}

function bodyOf(form: SettingsForm): ProcedureSettings {
  const body: ProcedureSettings = {
    processing_times: CHANNELS.filter((c) => form.times[c].amount.trim()).map((c) => ({
      channel: c,
      amount: number(form.times[c].amount),
      unit: form.times[c].unit,
    })),
    steps: form.steps.map((s) => ({ name: s.name.trim(), role: s.role, share_percent: Number(s.share) })),
    boundaryless: null,
  };
  if (form.boundaryless) body.boundaryless = form.boundaryless === 'yes';
  else delete (body as Partial<ProcedureSettings>).boundaryless;
  return body;
}

function SettingsEditor({ code, settings, onSaved }: { code: string; settings: ProcedureSettings | null | undefined; onSaved: () => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState<SettingsForm>(() => formOf(settings));
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<RequestFailure | null>(null);
  const [saved, setSaved] = useState<ProcedureSettings | null>(null);
  const fieldErrors = useFieldErrors(failure);
  useEffect(() => setForm(formOf(settings)), [code]);

  const change = (next: SettingsForm, ...fields: string[]) => {
    fieldErrors.edited(...fields);
    setSaved(null);
    setForm(next);
  };
  const setTime = (c: Channel, part: Partial<SettingsForm['times'][Channel]>) =>
    change({ ...form, times: { ...form.times, [c]: { ...form.times[c], ...part } } }, `time.${c}`, 'processing_times');
  const setStep = (i: number, part: Partial<StepForm>) =>
    change(
      { ...form, steps: form.steps.map((s, j) => (j === i ? { ...s, ...part } : s)) },
      `steps[${i}].name`,
      `steps[${i}].share_percent`,
      'steps',
    );
  const moveStep = (i: number, by: number) => {
    const steps = [...form.steps];
    const [step] = steps.splice(i, 1);
    if (step) steps.splice(i + by, 0, step);
    change({ ...form, steps }, 'steps');
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const found = problemsOf(t, form);
    fieldErrors.setOwn(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(event.currentTarget);
      return;
    }
    setPending(true);
    setFailure(null);
    saveProcedureSettings(code, bodyOf(form)).then(
      (answer) => {
        setPending(false);
        setSaved(answer);
        onSaved();
      },
      (error: unknown) => {
        setPending(false);
        if (!isRequestFailure(error)) throw error;
        setFailure(error);
      },
    );
  };

  const timeError = (c: Channel) =>
    fieldErrors.error(`time.${c}`) ?? fieldErrors.server(`processing_times[${CHANNELS.indexOf(c)}]`);
  return (
    <form class="settings-form" onSubmit={submit} noValidate data-testid="procedure-settings-form">
      <fieldset class="fieldset">
        <legend>{t('settings.times')}</legend>
        <p class="field__hint">{t('settings.times_hint')}</p>
        <div class="settings-times">
          {CHANNELS.map((c) => (
            <div key={c} class="settings-times__row" data-channel={c}>
              <TextField
                id={`settings-time-${c}-amount`}
                label={t(`channel.${c}`)}
                value={form.times[c].amount}
                onValue={(amount) => setTime(c, { amount })}
                inputMode="decimal"
                error={timeError(c)}
                testid={`settings-time-${c}-amount`}
              />
              <SelectField
                id={`settings-time-${c}-unit`}
                label={t('time.unit')}
                value={form.times[c].unit}
                onValue={(unit) => setTime(c, { unit: unit as TimeUnit })}
                options={UNITS.map((u) => ({ value: u, label: t(`unit.${u}`) }))}
                testid={`settings-time-${c}-unit`}
              />
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset class={fieldErrors.error('steps') ? 'fieldset fieldset--invalid' : 'fieldset'}>
        <legend>{t('settings.steps')}</legend>
        <p class="field__hint">{t('settings.steps_hint')}</p>
        <ol class="settings-steps">
          {form.steps.map((s, i) => (
            <li key={i} class="settings-steps__row" data-testid="settings-step">
              <TextField
                id={`settings-step-${i}-name`}
                label={t('settings.step_name')}
                value={s.name}
                onValue={(name) => setStep(i, { name })}
                maxBytes={300}
                error={fieldErrors.error(`steps[${i}].name`)}
                testid="settings-step-name"
              />
              <SelectField
                id={`settings-step-${i}-role`}
                label={t('settings.step_role')}
                value={s.role}
                onValue={(role) => setStep(i, { role: role as WorkflowStep['role'] })}
                options={STEP_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                error={fieldErrors.error(`steps[${i}].role`)}
                testid="settings-step-role"
              />
              <TextField
                id={`settings-step-${i}-share`}
                label={t('settings.step_share')}
                value={s.share}
                onValue={(share) => setStep(i, { share })}
                inputMode="numeric"
                error={fieldErrors.error(`steps[${i}].share_percent`)}
                testid="settings-step-share"
              />
              <div class="button-row">
                <button type="button" class="button button--secondary button--small" disabled={i === 0} onClick={() => moveStep(i, -1)}>
                  ↑<span class="visually-hidden"> {t('settings.step_up')}</span>
                </button>
                <button
                  type="button"
                  class="button button--secondary button--small"
                  disabled={i === form.steps.length - 1}
                  onClick={() => moveStep(i, 1)}
                >
                  ↓<span class="visually-hidden"> {t('settings.step_down')}</span>
                </button>
                <button
                  type="button"
                  class="button button--secondary button--small"
                  onClick={() => change({ ...form, steps: form.steps.filter((_, j) => j !== i) }, 'steps')}
                  data-testid="settings-step-remove"
                >
                  {t('settings.step_remove')}
                </button>
              </div>
            </li>
          ))}
        </ol>
        {fieldErrors.error('steps') && (
          <p class="field__error" data-testid="settings-steps-error">
            {fieldErrors.error('steps')}
          </p>
        )}
        <button
          type="button"
          class="button button--secondary button--small"
          disabled={form.steps.length >= 20}
          onClick={() => change({ ...form, steps: [...form.steps, { name: '', role: 'specialist', share: '' }] }, 'steps')}
          data-testid="settings-step-add"
        >
          {t('settings.step_add')}
        </button>
      </fieldset>
      <SelectField
        id="settings-boundaryless"
        label={t('settings.boundaryless')}
        hint={t('settings.boundaryless_hint')}
        value={form.boundaryless}
        onValue={(value) => change({ ...form, boundaryless: value as SettingsForm['boundaryless'] }, 'boundaryless')}
        options={[
          { value: '', label: t('settings.boundaryless_unset') },
          { value: 'yes', label: t('settings.boundaryless_yes') },
          { value: 'no', label: t('settings.boundaryless_no') },
        ]}
        error={fieldErrors.error('boundaryless')}
        testid="settings-boundaryless"
      />
      <FailureNotice failure={failure} fields={['processing_times', 'steps', 'boundaryless']} />
      {saved && (
        <p class="notice notice--ok" role="status" data-testid="settings-saved">
          {t('settings.saved', { when: formatDateTime(saved.updated_at ?? null) })}
        </p>
      )}
      <button type="submit" class="button button--primary" disabled={pending} data-testid="settings-submit">
        {pending ? t('common.sending') : t('settings.save')}
      </button>
    </form>
  );
}

export function ProcedureSettingsPanel() {
  const { t } = useI18n();
  const [hit, setHit] = useState<ProcedureHit | null>(null);
  const procedure = useResource(() => (hit ? fetchProcedure(hit.code) : Promise.resolve(null)), [hit?.code]);
  return (
    <section class="panel" data-testid="procedure-settings">
      <h2>{t('admin.procedures')}</h2>
      <p class="muted">{t('admin.procedures_note')}</p>
      <ProcedureSearch id="admin-procedure" selected={hit?.code ?? null} onPick={setHit} />
      {hit && procedure.loading && !procedure.data && <Loading />}
      <FailureNotice failure={procedure.failure} onRetry={procedure.reload} />
      {procedure.data && (
        <div class="settings-layout">
          <div>
            <h3>
              {t('settings.title')} <span class="mono muted">{procedure.data.code}</span>
            </h3>
            {procedure.data.settings?.updated_by && (
              <p class="muted" data-testid="settings-updated">
                {t('settings.updated', {
                  who: procedure.data.settings.updated_by,
                  when: formatDateTime(procedure.data.settings.updated_at ?? null),
                })}
              </p>
            )}
            <SettingsEditor code={procedure.data.code} settings={procedure.data.settings} onSaved={procedure.reload} />
          </div>
          <ProcedureDetails procedure={procedure.data} staff />
        </div>
      )}
    </section>
  );
}
