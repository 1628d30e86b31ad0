// The public register and catalogue: procedures, agencies, receiving points, and tracking by code.
import { getJson, postJson, putJson, withQuery } from './client';
import type { Agency, Procedure, ProcedureHit, ProcedureSettings, ReceivingPoint, Tracking } from './types';

export async function searchProcedures(q: string, limit = 10): Promise<ProcedureHit[]> {
  const answer = await getJson<{ items: ProcedureHit[] }>(withQuery('/api/v1/procedures', { q, limit }));
  return answer.items;
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

export function trackDossier(code: string): Promise<Tracking> {
  return getJson<Tracking>(`/api/v1/track/${encodeURIComponent(code)}`);
}

// The province's settings of a procedure (administrator): replaces them whole. PUT needs no Idempotency-Key:
// sending the same settings twice leaves the same settings.
export function saveProcedureSettings(code: string, settings: ProcedureSettings): Promise<ProcedureSettings> {
  return putJson<ProcedureSettings>(`/api/v1/procedures/${encodeURIComponent(code)}/settings`, settings);
}
