// The channels the national catalogue flags free ("Miễn phí") while their fee text names amounts
// (GET /api/v1/catalogue/fee-contradictions), for the administrator to check against the province's rules.
// Which channels contradict, and the amounts, are the server's: this panel only groups its items by procedure
// and shows them. The fee text is what the law published; it is shortened here, and shown whole on request.
import { useState } from 'preact/hooks';
import { fetchFeeContradictions } from '../../api/catalogue';
import type { Channel, FeeContradiction } from '../../api/types';
import { FailureNotice, Loading } from '../../components/FailureNotice';
import { formatVnd } from '../../format/money';
import { formatNumber } from '../../format/number';
import { useResource } from '../../hooks/useResource';
import { useI18n } from '../../i18n/i18n';
import { href } from '../../router';

// About how many characters of a fee text are shown before "Xem đủ".
const SHORT_TEXT_CHARS = 200;

// One fee text of a procedure, with the channels it is the text of and the amounts the server found in it.
interface FeeEntry {
  channels: Channel[];
  text: string;
  amounts: number[];
}

interface ProcedureFees {
  code: string;
  name: string;
  channels: Channel[];
  entries: FeeEntry[];
}

// The server's items (one per channel, in code order) as one row per procedure; channels sharing the same
// text share one entry.
function byProcedure(items: FeeContradiction[]): ProcedureFees[] {
  const rows = new Map<string, ProcedureFees>();
  for (const item of items) {
    let row = rows.get(item.code);
    if (!row) {
      row = { code: item.code, name: item.name, channels: [], entries: [] };
      rows.set(item.code, row);
    }
    row.channels.push(item.channel);
    const entry = row.entries.find((e) => e.text === item.fee_text);
    if (entry) entry.channels.push(item.channel);
    else row.entries.push({ channels: [item.channel], text: item.fee_text, amounts: item.fee_amounts_vnd });
  }
  return [...rows.values()];
}

// `text` cut to about `chars` characters, at a space when one is near; null when it is short enough already.
function shortened(text: string, chars: number): string | null {
  const characters = Array.from(text);
  if (characters.length <= chars + 20) return null;
  const cut = characters.slice(0, chars).join('');
  const space = cut.search(/\s\S*$/);
  return `${(space > chars * 0.8 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function FeeText({ text }: { text: string }) {
  const { t } = useI18n();
  const [whole, setWhole] = useState(false);
  const short = shortened(text, SHORT_TEXT_CHARS);
  return (
    <>
      <p class="fee-text prewrap">{whole || short === null ? text : short}</p>
      {short !== null && (
        <button type="button" class="link-button" aria-expanded={whole} onClick={() => setWhole((w) => !w)}>
          {whole ? t('fee_review.show_less') : t('fee_review.show_all')}
        </button>
      )}
    </>
  );
}

function ProcedureRow({ row }: { row: ProcedureFees }) {
  const { t } = useI18n();
  const channelNames = (channels: Channel[]) => channels.map((c) => t(`channel.${c}`)).join(', ');
  // When the channels have different texts, each text and its amounts say which channels they are of.
  const several = row.entries.length > 1;
  return (
    <tr data-testid="fee-contradiction-row" data-code={row.code} data-channels={row.channels.join(' ')}>
      <th scope="row" class="mono">
        {row.code}
      </th>
      <td>
        <a href={href(['cong-dan', 'thu-tuc', row.code])}>{row.name}</a>
      </td>
      <td>{channelNames(row.channels)}</td>
      <td>
        {row.entries.map((e) => (
          <p key={e.text} class="fee-text">
            {several && <strong>{channelNames(e.channels)}: </strong>}
            {e.amounts.length > 0 ? e.amounts.map(formatVnd).join('; ') : '—'}
          </p>
        ))}
      </td>
      <td class="fee-cell">
        {row.entries.map((e) => (
          <div key={e.text}>
            {several && <strong>{channelNames(e.channels)}</strong>}
            <FeeText text={e.text} />
          </div>
        ))}
      </td>
    </tr>
  );
}

export function FeeContradictionsPanel() {
  const { t, lang } = useI18n();
  const contradictions = useResource(() => fetchFeeContradictions(), []);
  const rows = contradictions.data ? byProcedure(contradictions.data) : [];
  return (
    <section class="panel" data-testid="fee-contradictions">
      <h2>{t('fee_review.title')}</h2>
      <p class="muted">{t('fee_review.note')}</p>
      {contradictions.loading && !contradictions.data && <Loading />}
      <FailureNotice failure={contradictions.failure} onRetry={contradictions.reload} />
      {contradictions.data && rows.length === 0 && <p data-testid="fee-contradictions-empty">{t('fee_review.none')}</p>}
      {contradictions.data && rows.length > 0 && (
        <>
          <p data-testid="fee-contradictions-count">
            {t('fee_review.count', {
              procedures: formatNumber(lang, rows.length),
              channels: formatNumber(lang, contradictions.data.length),
            })}
          </p>
          <div class="table-scroll">
            <table class="table" data-testid="fee-contradictions-table">
              <thead>
                <tr>
                  <th scope="col">{t('fee_review.code')}</th>
                  <th scope="col">{t('fee_review.name')}</th>
                  <th scope="col">{t('fee_review.channels')}</th>
                  <th scope="col">{t('fee_review.amounts')}</th>
                  <th scope="col">{t('fee_review.text')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <ProcedureRow key={row.code} row={row} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
