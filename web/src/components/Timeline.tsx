// A dossier's history, oldest first: what happened, who did it, when, and the particulars of each event.
import type { ComponentChildren } from 'preact';
import type { DossierEvent, Role } from '../api/types';
import { ROLES } from '../api/types';
import { formatDateTime } from '../format/datetime';
import { formatVnd } from '../format/money';
import { useI18n, type Translate } from '../i18n/i18n';

function text(payload: Record<string, unknown>, name: string): string {
  const value = payload[name];
  return typeof value === 'string' ? value : '';
}

function amount(payload: Record<string, unknown>, name: string): number {
  const value = payload[name];
  return typeof value === 'number' ? value : 0;
}

function list(payload: Record<string, unknown>, name: string): string[] {
  const value = payload[name];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function roleLabel(t: Translate, role: string): string {
  return ROLES.includes(role as Role) ? t(`role.${role as Role}`) : role;
}

function Detail({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="timeline__detail">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Details({ event }: { event: DossierEvent }) {
  const { t } = useI18n();
  const p = event.payload;
  const reason = text(p, 'reason') && <Detail label={t('field.reason')}>{text(p, 'reason')}</Detail>;
  switch (event.type) {
    case 'submitted':
    case 'received':
      return (
        <>
          <Detail label={t('field.channel')}>{t(`channel.${text(p, 'channel') as 'direct' | 'online' | 'postal'}`)}</Detail>
          {text(p, 'due_at') && <Detail label={t('dossier.due')}>{formatDateTime(text(p, 'due_at'))}</Detail>}
        </>
      );
    case 'step_assigned':
      return (
        <>
          <Detail label={t('field.step')}>{text(p, 'step')}</Detail>
          <Detail label={t('field.assignee')}>
            {text(p, 'assignee')} ({roleLabel(t, text(p, 'role'))})
          </Detail>
        </>
      );
    case 'step_completed':
      return (
        <>
          <Detail label={t('field.step')}>{text(p, 'step')}</Detail>
          {text(p, 'note') && <Detail label={t('field.note')}>{text(p, 'note')}</Detail>}
        </>
      );
    case 'transferred':
      return (
        <>
          <Detail label={t('field.to_agency')}>{text(p, 'to_agency')}</Detail>
          {reason}
        </>
      );
    case 'supplement_requested':
      return (
        <>
          {reason}
          {list(p, 'missing').length > 0 && (
            <Detail label={t('field.missing')}>
              <ul>
                {list(p, 'missing').map((item, i) => (
                  <li key={i}>{item}</li>
                ))}
              </ul>
            </Detail>
          )}
        </>
      );
    case 'supplemented':
      return <Detail label={t('dossier.due')}>{formatDateTime(text(p, 'due_at'))}</Detail>;
    case 'extended':
      return (
        <>
          <Detail label={t('field.new_due_at')}>{formatDateTime(text(p, 'new_due_at'))}</Detail>
          {reason}
        </>
      );
    case 'reception_refused':
    case 'refused':
    case 'withdrawn':
    case 'cancelled':
      return reason || null;
    case 'result_approved':
      return (
        <>
          <Detail label={t('field.result')}>{text(p, 'result')}</Detail>
          <Detail label={t('field.signer')}>{text(p, 'signer')}</Detail>
        </>
      );
    case 'result_returned':
      return (
        <>
          <Detail label={t('field.method')}>{t(`return.${text(p, 'method') as 'counter' | 'post' | 'online'}`)}</Detail>
          {text(p, 'note') && <Detail label={t('field.note')}>{text(p, 'note')}</Detail>}
        </>
      );
    case 'fee_assessed':
      return (
        <>
          <Detail label={t('field.amount')}>{formatVnd(amount(p, 'amount'))}</Detail>
          <Detail label={t('field.description')}>{text(p, 'description')}</Detail>
        </>
      );
    case 'fee_paid':
      return (
        <>
          <Detail label={t('field.amount')}>{formatVnd(amount(p, 'amount'))}</Detail>
          <Detail label={t('field.method')}>{t(`payment.${text(p, 'method') as 'counter' | 'online'}`)}</Detail>
          {text(p, 'reference') && <Detail label={t('field.reference')}>{text(p, 'reference')}</Detail>}
        </>
      );
    case 'digitized':
      return (
        <>
          <Detail label={t('field.component_seq')}>
            {amount(p, 'component_seq') === -1 ? t('field.the_result') : amount(p, 'component_seq')}
          </Detail>
          <Detail label={t('field.file')}>{text(p, 'file')}</Detail>
        </>
      );
    case 'evaluated':
      return (
        <>
          <Detail label={t('field.score')}>{'★'.repeat(amount(p, 'score'))}</Detail>
          {text(p, 'comment') && <Detail label={t('field.comment')}>{text(p, 'comment')}</Detail>}
        </>
      );
  }
}

export function Timeline({ events }: { events: DossierEvent[] }) {
  const { t } = useI18n();
  return (
    <ol class="timeline" data-testid="timeline">
      {events.map((event) => (
        <li key={event.seq} class={`timeline__item timeline__item--${event.type}`} data-testid="timeline-event" data-type={event.type}>
          <div class="timeline__head">
            <strong>{t(`event.${event.type}`)}</strong>
            <time dateTime={event.occurred_at}>{formatDateTime(event.occurred_at)}</time>
          </div>
          <p class="timeline__actor muted">
            {event.actor.user} · {roleLabel(t, event.actor.role)}
            {event.imported && ` · ${t('event.imported')}`}
          </p>
          <dl class="timeline__details">
            <Details event={event} />
          </dl>
        </li>
      ))}
    </ol>
  );
}
