// The communes of a province ranked by the Decision 766 index, sortable by any column; a commune opens its
// report.
import { useState } from 'preact/hooks';
import type { RankedUnit } from '../../api/types';
import type { Period } from '../../format/period';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/vi';
import { href } from '../../router';
import { formatNumber, type NumberLang } from '../../format/number';
import { formatPercent, formatPoints } from './figures';

interface Column {
  id: string;
  label: MessageKey;
  value: (u: RankedUnit) => number | string | null;
  // The cell's text, when not the value as a number in the interface language.
  show?: (u: RankedUnit, lang: NumberLang) => string;
}

const figure = (id: string) => (u: RankedUnit) => u.figures[id] ?? 0;

const COLUMNS: Column[] = [
  { id: 'rank', label: 'ranking.rank', value: (u) => u.rank },
  { id: 'name', label: 'ranking.commune', value: (u) => u.name },
  { id: 'received_total', label: 'figure.received_total', value: figure('received_total') },
  { id: 'resolved_early', label: 'figure.resolved_early', value: figure('resolved_early') },
  { id: 'resolved_on_time', label: 'figure.resolved_on_time', value: figure('resolved_on_time') },
  { id: 'resolved_late', label: 'figure.resolved_late', value: figure('resolved_late') },
  { id: 'in_progress_total', label: 'figure.in_progress_total', value: figure('in_progress_total') },
  { id: 'in_progress_overdue', label: 'figure.in_progress_overdue', value: figure('in_progress_overdue') },
  {
    id: 'rate_paid_online',
    label: 'figure.rate_paid_online',
    value: (u) => u.figures.rates.rate_paid_online,
    show: (u, lang) => formatPercent(lang, u.figures.rates.rate_paid_online),
  },
  { id: 'points', label: 'ranking.points', value: (u) => u.points, show: (u, lang) => formatPoints(lang, u.points, u.measured_max) },
];

// Nulls (unranked, nothing to divide) always last; text by Vietnamese collation.
function compare(a: number | string | null, b: number | string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'string' || typeof b === 'string') return String(a).localeCompare(String(b), 'vi');
  return a - b;
}

export function RankingTable({ items, period }: { items: RankedUnit[]; period: Period }) {
  const { t, lang } = useI18n();
  const cellText = (c: Column, u: RankedUnit): string => {
    if (c.show) return c.show(u, lang);
    const value = c.value(u);
    return value === null ? '—' : typeof value === 'number' ? formatNumber(lang, value) : value;
  };
  const [sort, setSort] = useState<{ id: string; descending: boolean }>({ id: 'rank', descending: false });
  const column = COLUMNS.find((c) => c.id === sort.id) ?? COLUMNS[0]!;
  const rows = [...items].sort((x, y) => {
    const a = column.value(x);
    const b = column.value(y);
    if (a === null || b === null) return compare(a, b);
    return sort.descending ? compare(b, a) : compare(a, b);
  });

  return (
    <div class="table-scroll table-scroll--tall">
      <table class="table ranking" data-testid="ranking-table">
        <caption class="visually-hidden">{t('ranking.title')}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => {
              const active = c.id === sort.id;
              return (
                <th key={c.id} scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                  <button
                    type="button"
                    class="sort-button"
                    onClick={() => setSort({ id: c.id, descending: active ? !sort.descending : c.id !== 'rank' && c.id !== 'name' })}
                    data-testid={`ranking-sort-${c.id}`}
                  >
                    {t(c.label)}
                    <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr key={u.unit} data-testid="ranking-row" data-unit={u.unit}>
              {COLUMNS.map((c) =>
                c.id === 'name' ? (
                  <th key={c.id} scope="row">
                    <a href={href(['giam-sat', 'don-vi', u.unit], { from: period.from, to: period.to })}>{u.name}</a>
                  </th>
                ) : (
                  <td key={c.id} class="num">
                    {cellText(c, u)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
