// The periodic report and the ranking of communes, as JSON or as the CSV the same URLs give with format=csv.
import { getJson, send, withQuery } from './client';
import type { PeriodicReport, RankedUnit } from './types';

export type ReportBreakdown = 'field' | 'procedure' | 'official' | 'unit' | 'agency' | 'channel';

export interface ReportQuery {
  unit?: string;
  province?: string;
  from: string;
  to: string;
  by?: ReportBreakdown;
}

export function reportPath(query: ReportQuery): string {
  return withQuery('/api/v1/reports', { ...query });
}

export function rankingPath(province: string, from: string, to: string): string {
  return withQuery('/api/v1/reports/ranking', { province, from, to });
}

export function fetchReport(query: ReportQuery): Promise<PeriodicReport> {
  return getJson<PeriodicReport>(reportPath(query));
}

export async function fetchRanking(province: string, from: string, to: string): Promise<RankedUnit[]> {
  return (await getJson<{ items: RankedUnit[] }>(rankingPath(province, from, to))).items;
}

// Downloads `path` with format=csv (the bearer token is needed, so not a plain link) under the file name
// the server gives in Content-Disposition.
export async function downloadCsv(path: string, fallbackName: string): Promise<void> {
  const response = await send(`${path}${path.includes('?') ? '&' : '?'}format=csv`);
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
