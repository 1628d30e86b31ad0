// The printed forms of a dossier (its "forms": the server says which it has, from its history): the receipt slip,
// the supplement request, the refusal notice, the apology slip, the stop-processing notice, the control sheet and the
// result cover page, each opened as the server's PDF in a new tab, on A4 or A5, for the counter to print or hand
// over.
import { useState } from 'preact/hooks';
import { type Paper, formUrl } from '../../api/forms';
import type { DossierView } from '../../api/types';
import { FailureNotice } from '../../components/FailureNotice';
import { PaperSelect } from '../../components/PaperSelect';
import { useBlobTab } from '../../hooks/useBlobTab';
import { useI18n } from '../../i18n/i18n';

export function DossierForms({ view }: { view: DossierView }) {
  const { t } = useI18n();
  const [paper, setPaper] = useState<Paper>('A4');
  const pdf = useBlobTab();
  const code = view.dossier.code;
  if (view.forms.length === 0) return null;
  return (
    <section class="panel no-print" data-testid="dossier-forms">
      <h2>{t('forms.title')}</h2>
      <FailureNotice failure={pdf.failure} />
      <div class="button-row">
        {view.forms.map((form) => (
          <button
            key={form}
            type="button"
            class="button button--secondary"
            onClick={() => pdf.open(form, () => formUrl(code, form, paper))}
            disabled={pdf.opening === form}
            data-testid="dossier-form"
            data-form={form}
          >
            {pdf.opening === form ? t('common.loading') : t(`forms.${form}`)}
          </button>
        ))}
        <PaperSelect paper={paper} onChange={setPaper} testId="forms-paper" />
      </div>
    </section>
  );
}
