// Report periods: whole days "YYYY-MM-DD", both ends included, in Viet Nam time.
import { addDays, todayVn } from './datetime';

export interface Period {
  from: string;
  to: string;
}

function monthStart(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

// The period of `count` months starting with month `month` (1–12, may overflow) of `year`.
function months(year: number, month: number, count: number): Period {
  const start = new Date(Date.UTC(year, month - 1, 1));
  const next = new Date(Date.UTC(year, month - 1 + count, 1));
  return {
    from: monthStart(start.getUTCFullYear(), start.getUTCMonth() + 1),
    to: addDays(monthStart(next.getUTCFullYear(), next.getUTCMonth() + 1), -1),
  };
}

function todayParts(): { year: number; month: number } {
  const [y, m] = todayVn().split('-');
  return { year: Number(y), month: Number(m) };
}

export type PresetPeriod = 'this_quarter' | 'last_quarter' | 'this_month' | 'last_month' | 'this_year';
export const PRESET_PERIODS: readonly PresetPeriod[] = ['this_quarter', 'last_quarter', 'this_month', 'last_month', 'this_year'];

export function presetPeriod(preset: PresetPeriod): Period {
  const { year, month } = todayParts();
  const quarterStart = month - ((month - 1) % 3);
  switch (preset) {
    case 'this_quarter':
      return months(year, quarterStart, 3);
    case 'last_quarter':
      return months(year, quarterStart - 3, 3);
    case 'this_month':
      return months(year, month, 1);
    case 'last_month':
      return months(year, month - 1, 1);
    case 'this_year':
      return months(year, 1, 12);
  }
}

// The last 12 calendar months, the current one last (it ends today's month, possibly in the future).
export function lastTwelveMonths(): Period[] {
  const { year, month } = todayParts();
  return Array.from({ length: 12 }, (_, i) => months(year, month - 11 + i, 1));
}

export function isDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text);
}
