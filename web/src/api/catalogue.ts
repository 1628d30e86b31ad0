// The public register and catalogue: procedures, agencies, receiving points, and tracking by code.
import { getJson, postJson, putJson, withQuery, send } from './client';
import type {
  Agency,
  FeeContradiction,
  NewSynonym,
  PreferLevel,
  Procedure,
  ProcedureMatches,
  ProcedureSettings,
  ReceivingPoint,
  Synonym,
  Tracking,
} from './types';

// The procedures matching `q`, best first; `preferLevel` ranks those of that level first (the counter's own).
// When the server is not confident it answers no items but suggestions and a message.
export function searchProcedures(q: string, limit = 10, preferLevel?: PreferLevel): Promise<ProcedureMatches> {
  return getJson<ProcedureMatches>(withQuery('/api/v1/procedures', { q, limit, prefer_level: preferLevel }));
}

export function fetchProcedure(code: string): Promise<Procedure> {
  return getJson<Procedure>(`/api/v1/procedures/${encodeURIComponent(code)}`);
}

export async function fetchAgencies(unit?: string): Promise<Agency[]> {
  return (await getJson<{ items: Agency[] }>(withQuery('/api/v1/agencies', { unit }))).items;
}

export async function fetchReceivingPoints(unit?: string): Promise<ReceivingPoint[]> {
  return (await getJson<{ items: ReceivingPoint[] }>(withQuery('/api/v1/receiving-points', { unit }))).items;
}

export function saveAgency(agency: Agency, idempotencyKey: string): Promise<Agency> {
  return postJson<Agency>('/api/v1/agencies', agency, idempotencyKey);
}

export function saveReceivingPoint(point: ReceivingPoint, idempotencyKey: string): Promise<ReceivingPoint> {
  return postJson<ReceivingPoint>('/api/v1/receiving-points', point, idempotencyKey);
}

// The code alone gives the status; with the receipt PIN printed on the slip (sent in a header, so that it is in
// no address and no log), the dates and the timeliness too.
export async function trackDossier(code: string, pin?: string): Promise<Tracking> {
  const path = `/api/v1/track/${encodeURIComponent(code)}`;
  const response = await send(path, pin ? { headers: { 'Receipt-Pin': pin } } : {});
  return (await response.json()) as Tracking;
}

// The province's settings of a procedure (administrator): replaces them whole. PUT needs no Idempotency-Key:
// sending the same settings twice leaves the same settings.
export function saveProcedureSettings(code: string, settings: ProcedureSettings): Promise<ProcedureSettings> {
  return putJson<ProcedureSettings>(`/api/v1/procedures/${encodeURIComponent(code)}/settings`, settings);
}

// The province's search synonyms (administrator): every one, retired ones included, in the order added.
export async function fetchSearchSynonyms(): Promise<Synonym[]> {
  return (await getJson<{ items: Synonym[] }>('/api/v1/search/synonyms')).items;
}

// Adds a synonym, used by every search at once. No Idempotency-Key: adding the same active synonym again is
// refused (409 naming "phrase"), never stored twice.
export function addSearchSynonym(synonym: NewSynonym): Promise<Synonym> {
  return postJson<Synonym>('/api/v1/search/synonyms', synonym);
}

// Retires a synonym (it stays listed, no longer used by searches); answers it as retired.
export function retireSearchSynonym(id: number): Promise<Synonym> {
  return postJson<Synonym>(`/api/v1/search/synonyms/${id}/retire`, {});
}

// The channels the national catalogue flags free while their fee text names amounts (public): for the
// administrator to check against the province's own rules. In code order, one item per channel.
export async function fetchFeeContradictions(): Promise<FeeContradiction[]> {
  return (await getJson<{ items: FeeContradiction[] }>('/api/v1/catalogue/fee-contradictions')).items;
}
