// A list of dossiers (inbox, my dossiers, a search), each row coloured by how close its appointment is.
import type { DossierSummary } from '../api/types';
import { COLOURED_URGENCIES, isColoured } from '../format/deadline';
import { formatDateTime } from '../format/datetime';
import { useI18n } from '../i18n/i18n';
import { href } from '../router';

export function UrgencyLegend() {
  const { t } = useI18n();
  return (
    <ul class="legend" aria-label={t('urgency.legend')}>
      {COLOURED_URGENCIES.map((k) => (
        <li key={k} class={`legend__item urgency--${k}`}>
          {t(`urgency.${k}`)}
        </li>
      ))}
    </ul>
  );
}

export function DossierTable({
  items,
  rowTestid,
  linkTo = (code) => href(['ho-so', code]),
  linkTestid,
  caption,
}: {
  items: DossierSummary[];
  rowTestid: string;
  linkTo?: ((code: string) => string) | undefined;
  // The data-testid of each row's link to its dossier, when a test needs one.
  linkTestid?: string | undefined;
  caption: string;
}) {
  const { t } = useI18n();
  return (
    <div class="table-scroll">
      <table class="table dossier-table">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dossier.code')}</th>
            <th scope="col">{t('dossier.applicant')}</th>
            <th scope="col">{t('dossier.procedure')}</th>
            <th scope="col">{t('dossier.status')}</th>
            <th scope="col">{t('dossier.step')}</th>
            <th scope="col">{t('dossier.due')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => {
            const urgency = d.urgency;
            return (
              <tr key={d.code} class={`urgency--${urgency}`} data-testid={rowTestid} data-code={d.code} data-urgency={urgency}>
                <td>
                  <a href={linkTo(d.code)} class="mono" data-testid={linkTestid}>
                    {d.code}
                  </a>
                </td>
                <td>{d.applicant_name}</td>
                <td class="mono">{d.procedure_code}</td>
                <td>{t(`status.${d.status}`)}</td>
                <td>
                  {d.current_step}
                  {d.assignee && <span class="muted"> · {d.assignee}</span>}
                </td>
                <td>
                  {formatDateTime(d.due_at)}
                  {isColoured(urgency) && <span class="urgency-tag">{t(`urgency.${urgency}`)}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
