// Received, resolved and resolved late per month over the last 12 months: one report per month
// (GET /api/v1/reports?…&from=&to=), drawn as grouped bars, with the figures also as a table.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import { fetchReport } from '../../api/reports';
import { FailureNotice, Loading } from '../../components/FailureNotice';
import { formatNumber, numberLocale } from '../../format/number';
import { lastTwelveMonths } from '../../format/period';
import { useResource } from '../../hooks/useResource';
import { useI18n } from '../../i18n/i18n';
import { receivedNew } from './figures';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

interface MonthFigures {
  label: string;
  received: number;
  resolved: number;
  late: number;
}

async function loadMonths(scope: { unit?: string; province?: string }): Promise<MonthFigures[]> {
  return Promise.all(
    lastTwelveMonths().map(async (period) => {
      const report = await fetchReport({ ...scope, ...period });
      const [year, month] = period.from.split('-');
      return {
        label: `${month}/${year}`,
        received: receivedNew(report.total),
        resolved: report.total['resolved_total'] ?? 0,
        late: report.total['resolved_late'] ?? 0,
      };
    }),
  );
}

export function MonthlyChart({ unit, province }: { unit?: string | undefined; province?: string | undefined }) {
  const { t, lang } = useI18n();
  const scope = unit ? { unit } : province ? { province } : {};
  const months = useResource(() => loadMonths(scope), [unit, province]);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    if (!months.data || !canvas.current) return undefined;
    const data = months.data;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: data.map((m) => m.label),
        datasets: [
          { label: t('chart.received'), data: data.map((m) => m.received), backgroundColor: '#1d5fa8' },
          { label: t('chart.resolved'), data: data.map((m) => m.resolved), backgroundColor: '#2e8b57' },
          { label: t('chart.late'), data: data.map((m) => m.late), backgroundColor: '#c0392b' },
        ],
      },
      options: {
        locale: numberLocale(lang),
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: 'bottom' } },
      },
    });
    return () => chart.destroy();
  }, [months.data, t, lang]);

  return (
    <section class="panel" data-testid="monthly-chart">
      <h2>{t('chart.title')}</h2>
      {months.loading && !months.data && <Loading />}
      <FailureNotice failure={months.failure} onRetry={months.reload} />
      {months.data && (
        <>
          <div class="chart">
            <canvas ref={canvas} role="img" aria-label={t('chart.title')} />
          </div>
          <details>
            <summary>{t('chart.table')}</summary>
            <div class="table-scroll">
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{t('chart.month')}</th>
                    <th scope="col">{t('chart.received')}</th>
                    <th scope="col">{t('chart.resolved')}</th>
                    <th scope="col">{t('chart.late')}</th>
                  </tr>
                </thead>
                <tbody>
                  {months.data.map((m) => (
                    <tr key={m.label}>
                      <th scope="row">{m.label}</th>
                      <td class="num">{formatNumber(lang, m.received)}</td>
                      <td class="num">{formatNumber(lang, m.resolved)}</td>
                      <td class="num">{formatNumber(lang, m.late)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
