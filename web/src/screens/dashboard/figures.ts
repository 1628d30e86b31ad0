// Report figures as printed.
import type { ReportFigures } from '../../api/types';

// A percentage of the API (0–100), "83,1 %"; "—" when there was nothing to divide by.
export function formatPercent(rate: number | null): string {
  return rate === null ? '—' : `${rate.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;
}

// Received in the period itself (online + direct or postal), without those carried over.
export function receivedNew(f: ReportFigures): number {
  return (f['received_online'] ?? 0) + (f['received_direct_or_postal'] ?? 0);
}
