// The supervisor's dashboard (a director's or leader's for their units): for a province, its communes ranked
// by the Decision 766 index; for a commune, its report; for both, the last 12 months. The period and the
// scope live in the address (#/giam-sat?scope=25&from=…&to=…), so that a drill-down can come back. Above the
// reports, the officials' signing certificates: an alert when one needs renewing or an official cannot sign.
import { fetchRanking, rankingPath } from '../../api/reports';
import type { Account } from '../../api/types';
import { FailureNotice, Loading } from '../../components/FailureNotice';
import { isDay, presetPeriod, type Period } from '../../format/period';
import { useResource } from '../../hooks/useResource';
import { useI18n } from '../../i18n/i18n';
import { href, navigate, type Route } from '../../router';
import { CertificatesPanel } from './CertificatesPanel';
import { ExportButton } from './ExportButton';
import { MonthlyChart } from './MonthlyChart';
import { PeriodPicker } from './PeriodPicker';
import { RankingTable } from './RankingTable';
import { UnitReport } from './UnitReport';

function periodOf(query: URLSearchParams): Period {
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  return isDay(from) && isDay(to) && from <= to ? { from, to } : presetPeriod('this_quarter');
}

function ProvinceView({ province, period }: { province: string; period: Period }) {
  const { t } = useI18n();
  const ranking = useResource(() => fetchRanking(province, period.from, period.to), [province, period.from, period.to]);
  return (
    <>
      <section class="panel">
        <header class="screen-head">
          <h2>{t('ranking.title')}</h2>
          <ExportButton
            path={rankingPath(province, period.from, period.to)}
            fileName={`xep-hang-${province}.csv`}
            label={t('export.ranking')}
            testid="export-ranking"
          />
        </header>
        <p class="muted">{t('ranking.note')}</p>
        {ranking.loading && !ranking.data && <Loading />}
        <FailureNotice failure={ranking.failure} onRetry={ranking.reload} />
        {ranking.data && <RankingTable items={ranking.data} period={period} />}
      </section>
      <MonthlyChart province={province} />
    </>
  );
}

export function DashboardScreen({ account, route }: { account: Account; route: Route }) {
  const { t } = useI18n();
  const period = periodOf(route.query);
  const drillUnit = route.segments[1] === 'don-vi' ? (route.segments[2] ?? null) : null;
  const scope = route.query.get('scope') ?? account.units[0] ?? '';
  const go = (next: { scope?: string; period?: Period }) => {
    const p = next.period ?? period;
    const segments = drillUnit ? ['giam-sat', 'don-vi', drillUnit] : ['giam-sat'];
    navigate(href(segments, { scope: next.scope ?? scope, from: p.from, to: p.to }));
  };

  return (
    <section>
      <header class="screen-head">
        <h1>{t('dashboard.title')}</h1>
        {!drillUnit && account.units.length > 1 && (
          <label class="inline-field">
            {t('dashboard.scope')}
            <select value={scope} onChange={(e) => go({ scope: e.currentTarget.value })} data-testid="dashboard-scope">
              {account.units.map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </select>
          </label>
        )}
      </header>
      {!drillUnit && <CertificatesPanel />}
      <PeriodPicker key={`${period.from}-${period.to}`} value={period} onApply={(p) => go({ period: p })} />
      {drillUnit ? (
        <>
          <p>
            <a href={href(['giam-sat'], { scope, from: period.from, to: period.to })} data-testid="dashboard-back">
              ← {t('dashboard.back')}
            </a>
          </p>
          <UnitReport unit={drillUnit} period={period} />
          <MonthlyChart unit={drillUnit} />
        </>
      ) : !scope ? (
        <p class="notice notice--info">{t('dashboard.no_units')}</p>
      ) : scope.length === 2 ? (
        <ProvinceView province={scope} period={period} />
      ) : (
        <>
          <UnitReport unit={scope} period={period} />
          <MonthlyChart unit={scope} />
        </>
      )}
    </section>
  );
}
