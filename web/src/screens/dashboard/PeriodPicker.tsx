// The report period: a preset (this quarter by default) or two days; applied on submit.
import { useState } from 'preact/hooks';
import { TextField } from '../../components/fields';
import { PRESET_PERIODS, isDay, presetPeriod, type Period, type PresetPeriod } from '../../format/period';
import { useI18n } from '../../i18n/i18n';

export function PeriodPicker({ value, onApply }: { value: Period; onApply: (period: Period) => void }) {
  const { t } = useI18n();
  const [from, setFrom] = useState(value.from);
  const [to, setTo] = useState(value.to);
  const [error, setError] = useState<string | undefined>(undefined);
  const preset = PRESET_PERIODS.find((p) => {
    const period = presetPeriod(p);
    return period.from === from && period.to === to;
  });

  const apply = (period: Period) => {
    if (!isDay(period.from) || !isDay(period.to)) {
      setError(t('period.invalid'));
      return;
    }
    if (period.to < period.from) {
      setError(t('period.reversed'));
      return;
    }
    setError(undefined);
    onApply(period);
  };

  return (
    <form
      class="period-picker"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        apply({ from, to });
      }}
      data-testid="period-picker"
    >
      <div class="field">
        <label for="period-preset">{t('period.preset')}</label>
        <select
          id="period-preset"
          value={preset ?? ''}
          onChange={(e) => {
            const preset = e.currentTarget.value as PresetPeriod;
            if (!preset) return;
            const period = presetPeriod(preset);
            setFrom(period.from);
            setTo(period.to);
            apply(period);
          }}
          data-testid="period-preset"
        >
          <option value="">{t('period.custom')}</option>
          {PRESET_PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(`period.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id="period-from"
        label={t('period.from')}
        type="date"
        value={from}
        onValue={(v) => {
          setError(undefined);
          setFrom(v);
        }}
        error={error}
        testid="period-from"
      />
      <TextField
        id="period-to"
        label={t('period.to')}
        type="date"
        value={to}
        onValue={(v) => {
          setError(undefined);
          setTo(v);
        }}
        testid="period-to"
      />
      <button type="submit" class="button" data-testid="period-apply">
        {t('period.apply')}
      </button>
    </form>
  );
}
