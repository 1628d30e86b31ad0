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

export interface DossierFilters {
  unit?: string;
  status?: string;
  applicant_id?: string;
  order?: 'code' | 'due';
  limit?: number;
}

export function fetchDossierPage(filters: DossierFilters, cursor?: string): Promise<Page<DossierSummary>> {
  const params: Record<string, QueryValue> = { ...filters, cursor };
  return getJson<Page<DossierSummary>>(withQuery('/api/v1/dossiers', params));
}

export function fetchInbox(cursor?: string): Promise<Page<DossierSummary>> {
  return getJson<Page<DossierSummary>>(withQuery('/api/v1/inbox', { cursor }));
}

export function actOnDossier(code: string, action: DossierAction, body: Record<string, unknown>, idempotencyKey: string): Promise<Dossier> {
  return postJson<Dossier>(`/api/v1/dossiers/${encodeURIComponent(code)}/${action}`, body, idempotencyKey);
}
