// What the catalogue says about a procedure: processing time and fees per channel, the documents to bring and
// the notes of its list ("Lưu ý"), which the server tells apart (a component's `kind`).
import type { CatalogueComponent, Procedure, ProcedureChannel } from '../api/types';
import { formatVnd } from '../format/money';
import { useI18n, type Translate } from '../i18n/i18n';

function channelTime(t: Translate, c: ProcedureChannel, procedure: Procedure): string {
  // The province's own time wins at intake (app/dossier_lifecycle.h), so it is the one shown.
  const local = procedure.settings?.processing_times.find((p) => p.channel === c.channel);
  if (local) return t('procedure.time_local', { time: `${local.amount} ${t(`unit.${local.unit}`)}` });
  if (c.time_value !== null && c.time_unit !== null) return `${c.time_value} ${t(`unit.${c.time_unit}`)}`;
  return c.time_text ? t('procedure.time_unknown_unit', { text: c.time_text }) : t('procedure.time_none');
}

// The fee of a channel: "free" when the catalogue flags it so, and its text always. When the flag and the text
// disagree (the server says so), staff are told to check, the public to ask.
function FeeCell({ channel: c, staff }: { channel: ProcedureChannel; staff: boolean }) {
  const { t } = useI18n();
  const amount = c.first_fee_vnd !== null ? formatVnd(c.first_fee_vnd) : '—';
  const free = t('procedure.free');
  // The flag, unless the text says just the same word.
  const showFree = c.fee_free && c.fee_text.trim().toLowerCase() !== free.toLowerCase();
  return (
    <td class="fee-cell">
      {showFree && <strong class="fee-free">{free}</strong>}
      {c.fee_text ? <p class={showFree ? 'fee-text prewrap muted' : 'fee-text prewrap'}>{c.fee_text}</p> : !c.fee_free && amount}
      {c.fee_contradiction && (
        <p class="fee-warning" role="note" data-testid="fee-contradiction">
          {staff ? t('procedure.fee_contradiction') : t('procedure.fee_unsettled')}
        </p>
      )}
    </td>
  );
}

// `staff`: read by an official (the counter, the administration), who is told to check contradictions.
export function ChannelTable({ procedure, staff = false }: { procedure: Procedure; staff?: boolean | undefined }) {
  const { t } = useI18n();
  return (
    <div class="table-scroll">
      <table class="table" data-testid="procedure-channels">
        <caption>{t('procedure.channels')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('field.channel')}</th>
            <th scope="col">{t('procedure.time')}</th>
            <th scope="col">{t('procedure.fee')}</th>
          </tr>
        </thead>
        <tbody>
          {procedure.channels.map((c) => (
            <tr key={c.channel} data-channel={c.channel}>
              <th scope="row">{t(`channel.${c.channel}`)}</th>
              <td>{channelTime(t, c, procedure)}</td>
              <FeeCell channel={c} staff={staff} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// The documents to hand in, and the notes of the list, as the server tells them apart.
export function documentsOf(components: CatalogueComponent[]): CatalogueComponent[] {
  return components.filter((c) => c.kind !== 'note');
}

export function notesOf(components: CatalogueComponent[]): CatalogueComponent[] {
  return components.filter((c) => c.kind === 'note');
}

// The notes of a document list, under a "Lưu ý" heading that opens and closes; read, not ticked.
export function ComponentNotes({ notes, testid }: { notes: CatalogueComponent[]; testid: string }) {
  const { t } = useI18n();
  if (notes.length === 0) return null;
  return (
    <details class="component-notes" data-testid={testid}>
      <summary>{t('procedure.notes_count', { n: notes.length })}</summary>
      {groupComponents(notes).map(([group, items]) => (
        <div key={group} class="component-group">
          {group && <h5>{group}</h5>}
          <ul class="component-notes__list">
            {items.map((c) => (
              <li key={c.seq} class="prewrap">
                {c.document}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </details>
  );
}

// The components grouped by their case ("* Giấy tờ phải nộp", "Trường hợp …"), in catalogue order.
export function groupComponents(components: CatalogueComponent[]): [string, CatalogueComponent[]][] {
  const groups = new Map<string, CatalogueComponent[]>();
  for (const c of components) {
    const group = groups.get(c.case_group);
    if (group) group.push(c);
    else groups.set(c.case_group, [c]);
  }
  return [...groups.entries()];
}

export function ProcedureDetails({ procedure, staff = false }: { procedure: Procedure; staff?: boolean | undefined }) {
  const { t } = useI18n();
  const documents = documentsOf(procedure.components);
  return (
    <section class="procedure-details" data-testid="procedure-details" data-code={procedure.code}>
      <h3>{procedure.name}</h3>
      <dl class="facts">
        <div>
          <dt>{t('procedure.code')}</dt>
          <dd class="mono">{procedure.code}</dd>
        </div>
        <div>
          <dt>{t('procedure.field')}</dt>
          <dd>{procedure.field}</dd>
        </div>
        {procedure.competent_agency && (
          <div>
            <dt>{t('procedure.competent')}</dt>
            <dd>{procedure.competent_agency}</dd>
          </div>
        )}
        {procedure.target_groups.length > 0 && (
          <div>
            <dt>{t('procedure.targets')}</dt>
            <dd>{procedure.target_groups.join(', ')}</dd>
          </div>
        )}
      </dl>
      <ChannelTable procedure={procedure} staff={staff} />
      <h4>{t('procedure.components')}</h4>
      {documents.length === 0 && <p class="muted">{t('procedure.no_components')}</p>}
      <div data-testid="procedure-components">
        {groupComponents(documents).map(([group, items]) => (
          <div key={group} class="component-group">
            {group && <h5>{group}</h5>}
            <ol class="component-list">
              {items.map((c) => (
                <li key={c.seq} value={c.seq}>
                  <span class="prewrap">{c.document}</span>
                  <span class="muted"> ({t('component.counts', { originals: c.originals, copies: c.copies })})</span>
                </li>
              ))}
            </ol>
          </div>
        ))}
      </div>
      <ComponentNotes notes={notesOf(procedure.components)} testid="procedure-notes" />
      {procedure.source_url && (
        <p>
          <a href={procedure.source_url} target="_blank" rel="noopener noreferrer">
            {t('procedure.source')}
          </a>
        </p>
      )}
    </section>
  );
}
