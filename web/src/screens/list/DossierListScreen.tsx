// The dossiers the account may see (GET /api/v1/dossiers), filtered — status, procedure, appointment window,
// applicant's ID, who it is assigned to — a page at a time with the API's cursor. Staff reach here what no inbox
// lists them: a new dossier of their unit not yet assigned, an old one by its applicant. The filters live in the
// address (#/ho-so?status=…), so that a list can be bookmarked and "back" returns to it.
import { useEffect, useState } from 'preact/hooks';
import { fetchDossierPage, type DossierFilters } from '../../api/dossiers';
import type { Account, DossierStatus } from '../../api/types';
import { DossierTable, UrgencyLegend } from '../../components/DossierTable';
import { PagedFooter } from '../../components/PagedFooter';
import { SelectField, TextField } from '../../components/fields';
import { addDays, isoVn, vnDay } from '../../format/datetime';
import { usePagedList } from '../../hooks/usePagedList';
import { useI18n } from '../../i18n/i18n';
import { href, navigate, type Route } from '../../router';

const STATUSES: DossierStatus[] = [
  'submitted',
  'processing',
  'waiting_supplement',
  'result_ready',
  'returned',
  'refused',
  'withdrawn',
  'cancelled',
  'reception_refused',
];
const OPEN = 'processing,waiting_supplement';
// 'week': the current appointment within seven calendar days; the others are the server's urgencies.
const WINDOWS = ['overdue', 'due_today', 'due_soon', 'week'] as const;
type Window = (typeof WINDOWS)[number];
const ASSIGNEES = ['', 'none', 'me'] as const;

// The form's values, as in the address.
interface ListForm {
  status: string; // '', 'open', or one status
  procedure: string;
  due: '' | Window;
  applicant: string;
  assignee: (typeof ASSIGNEES)[number];
}

const FORM_KEYS: (keyof ListForm)[] = ['status', 'procedure', 'due', 'applicant', 'assignee'];

function formOf(route: Route): ListForm {
  const get = (name: string) => route.query.get(name) ?? '';
  const due = get('due');
  const assignee = get('assignee');
  return {
    status: get('status'),
    procedure: get('procedure'),
    due: (WINDOWS as readonly string[]).includes(due) ? (due as Window) : '',
    applicant: get('applicant'),
    assignee: (ASSIGNEES as readonly string[]).includes(assignee) ? (assignee as ListForm['assignee']) : '',
  };
}

// The API's filters of a form, at `now`. An urgency is judged by the server (its calendar, the statutory
// appointment, dossiers in processing); the week window looks at open dossiers unless a status is chosen: a
// closed dossier's appointment has passed and means nothing.
export function filtersOf(form: ListForm, account: Account, now: Date): DossierFilters {
  const filters: DossierFilters = { order: form.due || form.status === 'open' ? 'due' : 'code', limit: 50 };
  if (form.status) filters.status = form.status === 'open' ? OPEN : form.status;
  if (form.procedure.trim()) filters.procedure = form.procedure.trim();
  if (form.applicant.trim()) filters.applicant_id = form.applicant.trim();
  if (form.assignee === 'none') filters.assignee = '';
  if (form.assignee === 'me') filters.assignee = account.login;
  if (form.due === 'week') {
    if (!form.status) filters.status = OPEN;
    Object.assign(filters, { due_from: isoVn(now), due_to: `${addDays(vnDay(now), 8)}T00:00:00+07:00` });
  } else if (form.due) {
    filters.urgency = form.due;
  }
  return filters;
}

export function DossierListScreen({ account, route }: { account: Account; route: Route }) {
  const { t } = useI18n();
  const applied = formOf(route);
  const [form, setForm] = useState<ListForm>(applied);
  const key = FORM_KEYS.map((k) => applied[k]).join('|');
  const list = usePagedList((cursor) => fetchDossierPage(filtersOf(applied, account, new Date()), cursor), [key]);
  // The address changed (a link, "back"): the form shows what is applied.
  useEffect(() => setForm(applied), [key]);
  const set = (part: Partial<ListForm>) => setForm((f) => ({ ...f, ...part }));

  const apply = (event: Event) => {
    event.preventDefault();
    const query = Object.fromEntries(FORM_KEYS.filter((k) => form[k].trim()).map((k) => [k, form[k].trim()]));
    navigate(href(['ho-so'], query));
  };

  return (
    <section>
      <header class="screen-head">
        <h1>{t('list.title')}</h1>
      </header>
      <p class="muted">{t('list.intro')}</p>
      <form class="filters panel" onSubmit={apply} role="search" data-testid="list-filters">
        <SelectField
          id="list-status"
          label={t('dossier.status')}
          value={form.status}
          onValue={(status) => set({ status })}
          options={[{ value: 'open', label: t('list.status_open') }, ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
          placeholder={t('list.any')}
          testid="list-status"
        />
        <TextField
          id="list-procedure"
          label={t('procedure.code')}
          value={form.procedure}
          onValue={(procedure) => set({ procedure })}
          placeholder="1.004194"
          testid="list-procedure"
        />
        <SelectField
          id="list-due"
          label={t('list.due')}
          value={form.due}
          onValue={(due) => set({ due: due as ListForm['due'] })}
          options={WINDOWS.map((w) => ({ value: w, label: w === 'week' ? t('list.due_week') : t(`urgency.${w}`) }))}
          placeholder={t('list.any')}
          testid="list-due"
        />
        <TextField
          id="list-applicant"
          label={t('applicant.citizen_id')}
          value={form.applicant}
          onValue={(applicant) => set({ applicant })}
          inputMode="numeric"
          testid="list-applicant"
        />
        <SelectField
          id="list-assignee"
          label={t('field.assignee')}
          value={form.assignee}
          onValue={(assignee) => set({ assignee: assignee as ListForm['assignee'] })}
          options={[
            { value: 'none', label: t('list.assignee_none') },
            { value: 'me', label: t('list.assignee_me') },
          ]}
          placeholder={t('list.any')}
          testid="list-assignee"
        />
        <div class="filters__actions">
          <button type="submit" class="button button--primary" data-testid="list-apply">
            {t('list.apply')}
          </button>
          <a class="button button--secondary" href={href(['ho-so'])} data-testid="list-clear">
            {t('list.clear')}
          </a>
        </div>
      </form>
      <UrgencyLegend />
      {list.items.length > 0 && (
        <section class="panel" data-testid="dossier-list">
          <DossierTable items={list.items} rowTestid="list-row" caption={t('list.title')} />
        </section>
      )}
      <PagedFooter list={list} emptyText={t('list.empty')} />
    </section>
  );
}
