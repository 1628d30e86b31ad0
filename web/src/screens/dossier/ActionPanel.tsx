// The buttons of the actions the account may take on the dossier now; one opens its form at a time.
import { useState } from 'preact/hooks';
import type { DossierAction } from '../../api/dossiers';
import type { Dossier } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ActionForm } from './ActionForm';
import { availableActions, type ActionContext } from './actions';

export function ActionPanel({ context, onDone }: { context: ActionContext; onDone: (dossier: Dossier, action: DossierAction) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<DossierAction | null>(null);
  const specs = availableActions(context.allowed);
  const openSpec = specs.find((s) => s.action === open);
  if (specs.length === 0) return null;
  return (
    <section class="actions" aria-label={t('dossier.actions')}>
      <div class="button-row" role="group">
        {specs.map((spec) => (
          <button
            key={spec.action}
            type="button"
            class={`button ${spec.danger ? 'button--danger-outline' : open === spec.action ? 'button--primary' : 'button--secondary'}`}
            aria-expanded={open === spec.action}
            onClick={() => setOpen(open === spec.action ? null : spec.action)}
            data-testid={`action-${spec.action}`}
          >
            {t(spec.label)}
          </button>
        ))}
      </div>
      {openSpec && (
        <ActionForm
          key={`${openSpec.action}-${context.dossier.last_seq}`}
          spec={openSpec}
          context={context}
          onClose={() => setOpen(null)}
          onDone={(dossier) => {
            setOpen(null);
            onDone(dossier, openSpec.action);
          }}
        />
      )}
    </section>
  );
}
