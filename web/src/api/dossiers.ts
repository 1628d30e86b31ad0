// Dossiers: intake at the counter, online submission, reading, lists, and the actions of the lifecycle.
import { getJson, postJson, withQuery, type QueryValue } from './client';
import type { Applicant, Channel, Component, Dossier, DossierSummary, DossierView, Page, ProcessingTime } from './types';

// The body of POST /api/v1/dossiers and POST /api/v1/submissions (src/http/dossier_requests.h).
export interface IntakeBody {
  procedure_code: string;
  channel?: Channel;
  applicant: Partial<Applicant> & { name: string };
  components: Component[];
  receiving_point?: string;
  competent_agency: string;
  processing_time?: ProcessingTime;
}

// The path segments of POST /api/v1/dossiers/{code}/{action}.
export type DossierAction =
  | 'accept'
  | 'refuse-reception'
  | 'assign'
  | 'complete-step'
  | 'transfer'
  | 'request-supplement'
  | 'supplement'
  | 'extend'
  | 'refuse'
  | 'withdraw'
  | 'cancel'
  | 'approve'
  | 'return'
  | 'fees'
  | 'payments'
  | 'digitize'
  | 'evaluate';

export function receiveDossier(body: IntakeBody, idempotencyKey: string): Promise<Dossier> {
  return postJson<Dossier>('/api/v1/dossiers', body, idempotencyKey);
}

export function submitOnline(body: IntakeBody, idempotencyKey: string): Promise<Dossier> {
  return postJson<Dossier>('/api/v1/submissions', body, idempotencyKey);
}

export function fetchDossier(code: string): Promise<DossierView> {
  return getJson<DossierView>(`/api/v1/dossiers/${encodeURIComponent(code)}`);
}

// The filters of GET /api/v1/dossiers; every one that is set must hold.
export interface DossierFilters {
  unit?: string;
  status?: string; // one status, or several separated by commas
  procedure?: string;
  due_from?: string; // ISO times: the current appointment in [due_from, due_to)
  due_to?: string;
  // Dossiers in processing this urgent now, as the server judges it (its calendar, the statutory appointment).
  urgency?: 'overdue' | 'due_today' | 'due_soon' | 'later';
  // A login, or '' for the dossiers assigned to no one.
  assignee?: string;
  applicant_id?: string;
  order?: 'code' | 'due';
  limit?: number;
}

export function fetchDossierPage(filters: DossierFilters, cursor?: string): Promise<Page<DossierSummary>> {
  const { assignee, ...rest } = filters;
  const params: Record<string, QueryValue> = { ...rest, cursor };
  let path = withQuery('/api/v1/dossiers', params);
  // withQuery leaves empty values out; an empty assignee is a filter of its own ("assigned to no one").
  if (assignee !== undefined) path += `${path.includes('?') ? '&' : '?'}assignee=${encodeURIComponent(assignee)}`;
  return getJson<Page<DossierSummary>>(path);
}

export function fetchInbox(cursor?: string): Promise<Page<DossierSummary>> {
  return getJson<Page<DossierSummary>>(withQuery('/api/v1/inbox', { cursor }));
}

export function actOnDossier(code: string, action: DossierAction, body: Record<string, unknown>, idempotencyKey: string): Promise<Dossier> {
  return postJson<Dossier>(`/api/v1/dossiers/${encodeURIComponent(code)}/${action}`, body, idempotencyKey);
}
