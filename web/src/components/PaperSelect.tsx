// The paper a form is printed on: A4 or A5 (the server lays the PDF out for either).
import type { Paper } from '../api/forms';
import { useI18n } from '../i18n/i18n';

export function PaperSelect({ paper, onChange, testId }: { paper: Paper; onChange: (paper: Paper) => void; testId: string }) {
  const { t } = useI18n();
  return (
    <label class="inline-field">
      {t('slip.paper')}
      <select value={paper} onChange={(e) => onChange(e.currentTarget.value as Paper)} data-testid={testId}>
        <option value="A4">A4</option>
        <option value="A5">A5</option>
      </select>
    </label>
  );
}
