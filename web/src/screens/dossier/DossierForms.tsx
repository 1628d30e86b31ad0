// The printed forms of a dossier (its "forms": the server says which it has, from its history): the receipt slip,
// the supplement request, the refusal notice, the apology slip, the stop-processing notice, the control sheet and the
// result cover page, each opened as the server's PDF in a new tab, on A4 or A5, for the counter to print or hand
// over. When the server holds the agency's electronic seal, an official may have the form sealed (a slip sent by
// e-mail or Zalo is then as good as the stamped paper); whether there is a seal is the server's answer.
import { useState } from 'preact/hooks';
import { type Paper, formUrl } from '../../api/forms';
import { fetchSigningMethods } from '../../api/signing';
import type { DossierView } from '../../api/types';
import { FailureNotice } from '../../components/FailureNotice';
import { PaperSelect } from '../../components/PaperSelect';
import { useBlobTab } from '../../hooks/useBlobTab';
import { useResource } from '../../hooks/useResource';
import { useI18n } from '../../i18n/i18n';

export function DossierForms({ view }: { view: DossierView }) {
  const { t } = useI18n();
  const [paper, setPaper] = useState<Paper>('A4');
  const [sealed, setSealed] = useState(false);
  const pdf = useBlobTab();
  const methods = useResource(() => fetchSigningMethods(), []);
  const hasSeal = (methods.data ?? []).some((m) => m.method === 'seal');
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
            onClick={() => pdf.open(form, () => formUrl(code, form, paper, hasSeal && sealed))}
            disabled={pdf.opening === form}
            data-testid="dossier-form"
            data-form={form}
          >
            {pdf.opening === form ? t('common.loading') : t(`forms.${form}`)}
          </button>
        ))}
        <PaperSelect paper={paper} onChange={setPaper} testId="forms-paper" />
        {hasSeal && (
          <label class="inline-field">
            <input
              type="checkbox"
              checked={sealed}
              onChange={(e) => setSealed(e.currentTarget.checked)}
              data-testid="forms-sealed"
            />
            {t('forms.sealed')}
          </label>
        )}
      </div>
    </section>
  );
}
