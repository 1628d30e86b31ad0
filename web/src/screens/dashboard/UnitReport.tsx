// A unit's report over the period: the totals of form II.06a and the main rates, the Decision 766 index by
// group, and the breakdowns by field and by procedure, each exportable as CSV.
import type { PeriodicReport, ReportFigures, ReportRow } from '../../api/types';
import { fetchReport, reportPath, type ReportBreakdown } from '../../api/reports';
import { FailureNotice, Loading } from '../../components/FailureNotice';
import { formatDate } from '../../format/datetime';
import type { Period } from '../../format/period';
import { useResource } from '../../hooks/useResource';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/vi';
import { ExportButton } from './ExportButton';
import { formatNumber } from '../../format/number';
import { formatPercent, formatPoints, formatScore } from './figures';

const ROW_COLUMNS = ['received_total', 'resolved_early', 'resolved_on_time', 'resolved_late', 'in_progress_total', 'in_progress_overdue'];

function Totals({ report }: { report: PeriodicReport }) {
  const { t, lang } = useI18n();
  const f = report.total;
  const count = (id: string) => formatNumber(lang, f[id] ?? 0);
  const cards: [MessageKey, string, string][] = [
    ['figure.received_total', count('received_total'), 'received_total'],
    ['figure.received_online', count('received_online'), 'received_online'],
    ['figure.resolved_early', count('resolved_early'), 'resolved_early'],
    ['figure.resolved_on_time', count('resolved_on_time'), 'resolved_on_time'],
    ['figure.resolved_late', count('resolved_late'), 'resolved_late'],
    ['figure.in_progress_total', count('in_progress_total'), 'in_progress_total'],
    ['figure.in_progress_overdue', count('in_progress_overdue'), 'in_progress_overdue'],
    ['figure.rate_early_or_on_time', formatPercent(lang, f.rates.rate_early_or_on_time), 'rate_early_or_on_time'],
    ['figure.rate_paid_online', formatPercent(lang, f.rates.rate_paid_online), 'rate_paid_online'],
    ['figure.rate_digitized', formatPercent(lang, f.rates.rate_digitized), 'rate_digitized'],
    ['figure.average_score', formatScore(lang, f.rates.average_score), 'average_score'],
    ['ranking.points', formatPoints(lang, report.index_766.points, report.index_766.measured_max), 'index_766'],
  ];
  return (
    <ul class="cards" data-testid="report-totals">
      {cards.map(([label, value, id]) => (
        <li key={id} class="card" data-figure={id}>
          <span class="card__value">{value}</span>
          <span class="card__label">{t(label)}</span>
        </li>
      ))}
    </ul>
  );
}

function IndexTable({ report }: { report: PeriodicReport }) {
  const { t, lang } = useI18n();
  return (
    <details class="panel">
      <summary>{t('report.index_766')}</summary>
      <p class="muted">{t('report.index_note')}</p>
      <div class="table-scroll">
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('report.indicator')}</th>
              <th scope="col">{t('report.rate')}</th>
              <th scope="col">{t('report.points')}</th>
            </tr>
          </thead>
          {report.index_766.groups.map((g) => (
            <tbody key={g.identifier}>
              <tr class="group-row">
                <th scope="rowgroup">{g.label}</th>
                <td />
                <td class="num">{formatPoints(lang, g.points, g.max_points)}</td>
              </tr>
              {g.indicators.map((i) => (
                <tr key={i.id} class={i.measured ? undefined : 'muted'}>
                  <th scope="row" class="indent">
                    {i.id} {i.label}
                  </th>
                  <td class="num">{i.measured ? formatPercent(lang, i.rate) : t('report.not_measured')}</td>
                  <td class="num">{formatPoints(lang, i.points, i.max_points)}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </details>
  );
}

function Breakdown({ report, title, testid }: { report: PeriodicReport; title: string; testid: string }) {
  const { t, lang } = useI18n();
  const heading = (id: string) => {
    const column = report.columns.find((c) => c.id === id);
    return column ? `${column.number} ${lang === 'en' ? column.label_en : column.label}`.trim() : id;
  };
  const cell = (f: ReportFigures, id: string) => (f[id] === null ? '—' : formatNumber(lang, f[id] ?? 0));
  return (
    <div class="table-scroll">
      <table class="table" data-testid={testid}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.row')}</th>
            {ROW_COLUMNS.map((id) => (
              <th key={id} scope="col">
                {heading(id)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row: ReportRow) => (
            <tr key={row.key} data-testid="report-row" data-key={row.key}>
              <th scope="row">{row.label}</th>
              {ROW_COLUMNS.map((id) => (
                <td key={id} class="num">
                  {cell(row.figures, id)}
                </td>
              ))}
            </tr>
          ))}
          {report.rows.length === 0 && (
            <tr>
              <td colSpan={ROW_COLUMNS.length + 1} class="muted">
                {t('report.no_rows')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

export function UnitReport({ unit, period }: { unit: string; period: Period }) {
  const { t } = useI18n();
  const load = (by: ReportBreakdown) => fetchReport({ unit, ...period, by });
  const byField = useResource(() => load('field'), [unit, period.from, period.to]);
  const byProcedure = useResource(() => load('procedure'), [unit, period.from, period.to]);
  const failure = byField.failure ?? byProcedure.failure;
  const report = byField.data;

  return (
    <section data-testid="unit-report" data-unit={unit}>
      <FailureNotice failure={failure} onRetry={() => (byField.failure ? byField.reload() : byProcedure.reload())} />
      {!report && !failure && <Loading />}
      {report && (
        <>
          <header class="screen-head">
            <h2>{report.scope}</h2>
            <p class="muted">
              {formatDate(report.from)} – {formatDate(report.to)} ·{' '}
              {t('report.counted_at', { day: formatDate(report.in_progress_counted_at_end_of) })}
            </p>
          </header>
          <div class="button-row">
            <ExportButton
              path={reportPath({ unit, ...period })}
              fileName={`bao-cao-${unit}.csv`}
              label={t('export.total')}
              testid="export-total"
            />
            <ExportButton
              path={reportPath({ unit, ...period, by: 'field' })}
              fileName={`bao-cao-${unit}-linh-vuc.csv`}
              label={t('export.by_field')}
              testid="export-field"
            />
            <ExportButton
              path={reportPath({ unit, ...period, by: 'procedure' })}
              fileName={`bao-cao-${unit}-thu-tuc.csv`}
              label={t('export.by_procedure')}
              testid="export-procedure"
            />
          </div>
          <Totals report={report} />
          <IndexTable report={report} />
          <section class="panel">
            <Breakdown report={report} title={t('report.by_field')} testid="report-by-field" />
          </section>
          <section class="panel">
            {byProcedure.data ? (
              <Breakdown report={byProcedure.data} title={t('report.by_procedure')} testid="report-by-procedure" />
            ) : (
              <Loading />
            )}
          </section>
        </>
      )}
    </section>
  );
}
