// What the catalogue says about a procedure: processing time and fees per channel, and the documents to bring.
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

function channelFee(t: Translate, c: ProcedureChannel): string {
  if (c.fee_free) return t('procedure.free');
  if (c.fee_text) return c.fee_text;
  return c.first_fee_vnd !== null ? formatVnd(c.first_fee_vnd) : '—';
}

export function ChannelTable({ procedure }: { procedure: Procedure }) {
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
              <td class="prewrap">{channelFee(t, c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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

export function ProcedureDetails({ procedure }: { procedure: Procedure }) {
  const { t } = useI18n();
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
      <ChannelTable procedure={procedure} />
      <h4>{t('procedure.components')}</h4>
      {procedure.components.length === 0 && <p class="muted">{t('procedure.no_components')}</p>}
      <div data-testid="procedure-components">
        {groupComponents(procedure.components).map(([group, items]) => (
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
