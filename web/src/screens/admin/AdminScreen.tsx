// Administration: accounts, the register (agencies, receiving points), the province's procedure settings, the
// work calendar, the province's search synonyms and the catalogue's fees to review. Each part has its own
// address (#/quan-tri/<tab>).
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/vi';
import { href } from '../../router';
import { CalendarPanel } from './CalendarPanel';
import { FeeContradictionsPanel } from './FeeContradictionsPanel';
import { ProcedureSettingsPanel } from './ProcedureSettingsPanel';
import { AgenciesPanel, PointsPanel } from './RegisterPanels';
import { SynonymsPanel } from './SynonymsPanel';
import { UsersPanel } from './UsersPanel';

const TABS = ['nguoi-dung', 'co-quan', 'diem-tiep-nhan', 'thu-tuc', 'lich', 'tu-dong-nghia', 'le-phi'] as const;
type Tab = (typeof TABS)[number];

const TAB_LABELS: Record<Tab, MessageKey> = {
  'nguoi-dung': 'admin.users',
  'co-quan': 'register.agencies',
  'diem-tiep-nhan': 'register.points',
  'thu-tuc': 'admin.procedures',
  lich: 'admin.calendar',
  'tu-dong-nghia': 'admin.synonyms',
  'le-phi': 'admin.fee_contradictions',
};

function isTab(text: string | undefined): text is Tab {
  return TABS.includes(text as Tab);
}

export function AdminScreen({ tab }: { tab: string | undefined }) {
  const { t } = useI18n();
  const current: Tab = isTab(tab) ? tab : 'nguoi-dung';
  return (
    <section>
      <h1>{t('admin.title')}</h1>
      <nav class="tabs" aria-label={t('admin.title')}>
        {TABS.map((name) => (
          <a
            key={name}
            href={href(['quan-tri', name])}
            class={name === current ? 'tab tab--current' : 'tab'}
            aria-current={name === current ? 'page' : undefined}
            data-testid={`admin-tab-${name}`}
          >
            {t(TAB_LABELS[name])}
          </a>
        ))}
      </nav>
      {current === 'nguoi-dung' && <UsersPanel />}
      {current === 'co-quan' && <AgenciesPanel />}
      {current === 'diem-tiep-nhan' && <PointsPanel />}
      {current === 'thu-tuc' && <ProcedureSettingsPanel />}
      {current === 'lich' && <CalendarPanel />}
      {current === 'tu-dong-nghia' && <SynonymsPanel />}
      {current === 'le-phi' && <FeeContradictionsPanel />}
    </section>
  );
}
