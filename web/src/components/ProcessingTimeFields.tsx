// The processing time, stated by hand when the catalogue gives none for the channel (the API answers 404 on
// processing_time otherwise).
import type { ProcessingTime, Procedure, TimeUnit } from '../api/types';
import { useI18n, type Translate } from '../i18n/i18n';
import { SelectField, TextField } from './fields';

export interface TimeForm {
  amount: string;
  unit: TimeUnit;
}

export const EMPTY_TIME: TimeForm = { amount: '', unit: 'working_day' };
const UNITS: TimeUnit[] = ['working_day', 'day', 'working_hour', 'month'];

// Whether the processing time of the channel is known: the province's setting, or the catalogue's.
export function catalogueHasTime(procedure: Procedure, channel: 'direct' | 'online'): boolean {
  if (procedure.settings?.processing_times.some((c) => c.channel === channel)) return true;
  return procedure.channels.some((c) => c.channel === channel && c.time_value !== null && c.time_unit !== null);
}

export function timeError(t: Translate, form: TimeForm): string | undefined {
  const amount = Number(form.amount.replace(',', '.'));
  if (!form.amount.trim() || !Number.isFinite(amount) || amount <= 0 || amount > 3650) return t('time.invalid');
  return undefined;
}

export function timeBody(form: TimeForm): ProcessingTime {
  return { amount: Number(form.amount.replace(',', '.')), unit: form.unit };
}

export function ProcessingTimeFields({
  idPrefix,
  value,
  onChange,
  error,
  hint,
}: {
  idPrefix: string;
  value: TimeForm;
  onChange: (next: TimeForm) => void;
  error?: string | undefined;
  hint: string;
}) {
  const { t } = useI18n();
  return (
    <fieldset class="fieldset">
      <legend>{t('time.title')}</legend>
      <p class="field__hint">{hint}</p>
      <div class="grid-2">
        <TextField
          id={`${idPrefix}-time-amount`}
          label={t('time.amount')}
          inputMode="decimal"
          value={value.amount}
          onValue={(amount) => onChange({ ...value, amount })}
          required
          error={error}
          testid="processing-time-amount"
        />
        <SelectField
          id={`${idPrefix}-time-unit`}
          label={t('time.unit')}
          value={value.unit}
          onValue={(unit) => onChange({ ...value, unit: unit as TimeUnit })}
          options={UNITS.map((u) => ({ value: u, label: t(`unit.${u}`) }))}
          testid="processing-time-unit"
        />
      </div>
    </fieldset>
  );
}
