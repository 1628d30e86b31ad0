// What waits for me (GET /api/v1/inbox), soonest appointment first, coloured by urgency. At the counter the
// list is split into submissions to check and results to hand over. A specialist's or leader's inbox also lists
// the open dossiers of their units that no one is assigned to yet (GET /api/v1/dossiers?assignee=), so that a new
// dossier can be picked up without knowing its code.
import { useState } from 'preact/hooks';
import { fetchDossierPage, fetchInbox } from '../../api/dossiers';
import type { Account, DossierSummary } from '../../api/types';
import { DossierTable, UrgencyLegend } from '../../components/DossierTable';
import { PagedFooter } from '../../components/PagedFooter';
import { usePagedList } from '../../hooks/usePagedList';
import { useI18n } from '../../i18n/i18n';
import { href, navigate } from '../../router';

function OpenByCode() {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  return (
    <form
      class="inline-form"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        if (code.trim()) navigate(href(['ho-so', code.trim()]));
      }}
    >
      <label for="open-code">{t('inbox.open_code')}</label>
      <input
        id="open-code"
        value={code}
        onInput={(e) => setCode(e.currentTarget.value)}
        placeholder="000.00.25.H52-261122-0001"
        data-testid="open-code"
      />
      <button type="submit" class="button button--secondary button--small" data-testid="open-code-submit">
        {t('inbox.open')}
      </button>
    </form>
  );
}

const TO_HAND_OVER = new Set(['result_ready', 'refused']);

function Unassigned({ generation }: { generation: number }) {
  const { t } = useI18n();
  const list = usePagedList(
    (cursor) => fetchDossierPage({ status: 'processing,waiting_supplement', assignee: '', order: 'due', limit: 20 }, cursor),
    [generation],
  );
  return (
    <section class="panel" data-testid="inbox-unassigned">
      <h2>{t('inbox.unassigned')}</h2>
      {list.items.length > 0 && <DossierTable items={list.items} rowTestid="unassigned-row" caption={t('inbox.unassigned')} />}
      <PagedFooter list={list} emptyText={t('inbox.empty')} moreTestid="unassigned-more" />
    </section>
  );
}

export function InboxScreen({ account }: { account: Account }) {
  const { t } = useI18n();
  const [generation, setGeneration] = useState(0);
  const list = usePagedList((cursor) => fetchInbox(cursor), [generation]);
  const atCounter = account.role === 'receptionist';
  const groups: [string, DossierSummary[], string][] = atCounter
    ? [
        [t('inbox.to_check'), list.items.filter((d) => d.status === 'submitted'), 'inbox-to-check'],
        [t('inbox.to_hand_over'), list.items.filter((d) => TO_HAND_OVER.has(d.status)), 'inbox-to-hand-over'],
        [t('inbox.other'), list.items.filter((d) => d.status !== 'submitted' && !TO_HAND_OVER.has(d.status)), 'inbox-other'],
      ]
    : [[t('inbox.title'), list.items, 'inbox-all']];

  return (
    <section>
      <header class="screen-head">
        <h1>{t('inbox.title')}</h1>
        <button type="button" class="button button--secondary" onClick={() => setGeneration((n) => n + 1)} data-testid="inbox-refresh">
          {t('common.refresh')}
        </button>
      </header>
      <p class="muted">{t(`inbox.intro.${account.role}`)}</p>
      <div class="toolbar">
        <UrgencyLegend />
        <OpenByCode />
      </div>
      {groups.map(([title, items, testid]) =>
        atCounter && items.length === 0 && testid === 'inbox-other' ? null : (
          <section key={testid} class="panel" data-testid={testid}>
            {atCounter && <h2>{title}</h2>}
            {items.length > 0 ? (
              <DossierTable items={items} rowTestid="inbox-row" caption={title} />
            ) : (
              !list.loading && <p class="muted">{t('inbox.empty')}</p>
            )}
          </section>
        ),
      )}
      <PagedFooter list={list} emptyText="" />
      {(account.role === 'specialist' || account.role === 'leader') && <Unassigned generation={generation} />}
      <p>
        <a href={href(['ho-so'])} data-testid="inbox-list-link">
          {t('inbox.list_link')}
        </a>
      </p>
    </section>
  );
}
