// A dossier's particulars: procedure, applicant, where it was received and who decides, the dates, the
// current step, fees, result and evaluation; then the documents handed in.
import type { ComponentChildren } from 'preact';
import type { DossierView } from '../../api/types';
import { formatDateTime } from '../../format/datetime';
import { formatVnd } from '../../format/money';
import { agencyName, pointOf, type Register } from '../../hooks/useRegister';
import { useI18n } from '../../i18n/i18n';

function Fact({ label, children, testid }: { label: string; children: ComponentChildren; testid?: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testid}>{children}</dd>
    </div>
  );
}

export function DossierFacts({ view, register }: { view: DossierView; register: Register }) {
  const { t } = useI18n();
  const d = view.dossier;
  const nameOf = (id: string) => agencyName(register, id);
  return (
    <>
      <section class="panel">
        <h2>{t('dossier.summary')}</h2>
        <dl class="facts facts--columns">
          <Fact label={t('dossier.procedure')} testid="dossier-procedure">
            {view.procedure_name || d.procedure_code} <span class="mono muted">({d.procedure_code})</span>
          </Fact>
          <Fact label={t('dossier.applicant')} testid="dossier-applicant">
            {d.applicant.organisation ? `${d.applicant.organisation} — ${d.applicant.name}` : d.applicant.name}
          </Fact>
          {d.applicant.citizen_id && <Fact label={t('applicant.citizen_id')}>{d.applicant.citizen_id}</Fact>}
          {d.applicant.phone && <Fact label={t('applicant.phone')}>{d.applicant.phone}</Fact>}
          {d.applicant.email && <Fact label={t('applicant.email')}>{d.applicant.email}</Fact>}
          {d.applicant.address && <Fact label={t('applicant.address')}>{d.applicant.address}</Fact>}
          <Fact label={t('field.channel')}>{t(`channel.${d.channel}`)}</Fact>
          <Fact label={t('dossier.receiving')}>
            {pointOf(register, d.receiving_point)?.name ?? (d.receiving_point || '—')} <span class="muted">({d.receiving_unit})</span>
          </Fact>
          <Fact label={t('dossier.competent')}>
            {nameOf(d.competent_agency)} <span class="muted">({d.competent_unit})</span>
          </Fact>
          {d.transfers.length > 0 && <Fact label={t('dossier.transfers')}>{d.transfers.map(nameOf).join(' → ')}</Fact>}
          {d.submitted_at && <Fact label={t('dossier.submitted_at')}>{formatDateTime(d.submitted_at)}</Fact>}
          <Fact label={t('dossier.received_at')}>{formatDateTime(d.received_at)}</Fact>
          {d.processing_time.amount > 0 && (
            <Fact label={t('procedure.time')}>
              {d.processing_time.amount} {t(`unit.${d.processing_time.unit}`)}
            </Fact>
          )}
          {d.original_due_at && d.original_due_at !== d.due_at && (
            <Fact label={t('dossier.original_due')}>{formatDateTime(d.original_due_at)}</Fact>
          )}
          <Fact label={t('dossier.due')} testid="dossier-due">
            {formatDateTime(d.due_at)}
            {view.overdue && <span class="badge badge--danger">{t('urgency.overdue')}</span>}
            {view.standing === 'paused' && (
              <span class="badge" data-testid="dossier-paused">
                {t('standing.paused')}
              </span>
            )}
          </Fact>
          {d.statutory_due_at && d.statutory_due_at !== d.due_at && (
            <Fact label={t('dossier.statutory_due')} testid="dossier-statutory-due">
              {formatDateTime(d.statutory_due_at)}
            </Fact>
          )}
          {d.suspended_at && <Fact label={t('dossier.suspended_at')}>{formatDateTime(d.suspended_at)}</Fact>}
          {d.current_step && (
            <Fact label={t('dossier.step')}>
              {d.current_step}
              {d.assignee && ` · ${d.assignee}`}
            </Fact>
          )}
          {d.completed_at && <Fact label={t('dossier.completed_at')}>{formatDateTime(d.completed_at)}</Fact>}
          {view.timeliness && (
            <Fact label={t('dossier.timeliness')} testid="dossier-timeliness">
              {t(`timeliness.${view.timeliness}`)}
            </Fact>
          )}
          {d.returned_at && (
            <Fact label={t('dossier.returned_at')}>
              {formatDateTime(d.returned_at)}
              {d.return_method && ` · ${t(`return.${d.return_method}`)}`}
            </Fact>
          )}
          {d.result && <Fact label={t('field.result')}>{d.result}</Fact>}
          {d.closing_reason && <Fact label={t('field.reason')}>{d.closing_reason}</Fact>}
          {(d.fees.assessed_vnd > 0 || d.fees.paid_vnd > 0) && (
            <Fact label={t('dossier.fees')} testid="dossier-fees">
              {t('dossier.fees_text', {
                assessed: formatVnd(d.fees.assessed_vnd),
                paid: formatVnd(d.fees.paid_vnd),
                online: formatVnd(d.fees.paid_online_vnd),
              })}
            </Fact>
          )}
          {d.evaluation !== null && (
            <Fact label={t('field.score')} testid="dossier-evaluation">
              <span aria-label={t('rating.stars', { n: d.evaluation })}>{'★'.repeat(d.evaluation)}</span>
            </Fact>
          )}
          {(d.digitized_components > 0 || d.result_digitized) && (
            <Fact label={t('dossier.digitized')}>
              {t('dossier.digitized_text', { n: d.digitized_components })}
              {d.result_digitized && ` · ${t('field.the_result')}`}
            </Fact>
          )}
        </dl>
      </section>
      <section class="panel">
        <h2>{t('component.title')}</h2>
        {d.components.length === 0 ? (
          <p class="muted">{t('procedure.no_components')}</p>
        ) : (
          <div class="table-scroll">
            <table class="table" data-testid="dossier-components">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('slip.document')}</th>
                  <th scope="col">{t('component.originals')}</th>
                  <th scope="col">{t('component.copies')}</th>
                </tr>
              </thead>
              <tbody>
                {d.components.map((c, i) => (
                  <tr key={`${c.seq}-${i}`}>
                    <td>{c.seq}</td>
                    <td class="prewrap">{c.name}</td>
                    <td>{c.originals}</td>
                    <td>{c.copies}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
