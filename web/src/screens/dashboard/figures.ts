// Report figures as printed, in the interface language's way of writing numbers (src/format/number.ts).
import type { ReportFigures } from '../../api/types';
import { formatNumber, type NumberLang } from '../../format/number';

export { formatPercent } from '../../format/number';

// Index points over their maximum: "30,2 / 48" (vi), "30.2 / 48" (en).
export function formatPoints(lang: NumberLang, points: number | null, max: number): string {
  return `${points === null ? '—' : formatNumber(lang, points, { digits: 1 })} / ${formatNumber(lang, max)}`;
}

// The average satisfaction score, two decimals: "4,52" (vi), "4.52" (en).
export function formatScore(lang: NumberLang, score: number | null): string {
  return score === null ? '—' : formatNumber(lang, score, { digits: 2 });
}

// Received in the period itself (online + direct or postal), without those carried over.
export function receivedNew(f: ReportFigures): number {
  return (f['received_online'] ?? 0) + (f['received_direct_or_postal'] ?? 0);
}
