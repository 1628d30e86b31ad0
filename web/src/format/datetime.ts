// Times as Viet Nam shows them. The API writes times with their offset; Viet Nam keeps UTC+07:00 all year
// (no daylight saving), so a fixed offset gives the local calendar day and clock exactly.

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

// The Viet Nam wall clock of an instant, as UTC fields of a shifted Date.
function vnClock(instant: Date): Date {
  return new Date(instant.getTime() + VN_OFFSET_MS);
}

// "2026-11-22" — the Viet Nam calendar day of an instant.
export function vnDay(instant: Date): string {
  const c = vnClock(instant);
  return `${c.getUTCFullYear()}-${pad(c.getUTCMonth() + 1)}-${pad(c.getUTCDate())}`;
}

export function todayVn(): string {
  return vnDay(new Date());
}

// "22/11/2026 14:05", or "—" when there is no time.
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const c = vnClock(instant);
  return `${pad(c.getUTCDate())}/${pad(c.getUTCMonth() + 1)}/${c.getUTCFullYear()} ${pad(c.getUTCHours())}:${pad(c.getUTCMinutes())}`;
}

// "14:05", the Viet Nam clock of an ISO time, or "—" when there is none.
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const c = vnClock(instant);
  return `${pad(c.getUTCHours())}:${pad(c.getUTCMinutes())}`;
}

// "22/11/2026" of an ISO time or of a "2026-11-22" day.
export function formatDate(isoOrDay: string | null | undefined): string {
  if (!isoOrDay) return '—';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(isoOrDay) ? isoOrDay : vnDay(new Date(isoOrDay));
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

// The value of an <input type="datetime-local"> ("2026-12-01T17:00"), read as Viet Nam time, in the API's
// form "2026-12-01T17:00:00+07:00".
export function localInputToIso(value: string): string {
  return `${value}:00+07:00`;
}

// The day `days` calendar days after "YYYY-MM-DD", and its weekday (0 Sunday … 6 Saturday).
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

// "2026-11-22T14:05:00+07:00": an instant as the API takes it, in Viet Nam time.
export function isoVn(instant: Date): string {
  const c = vnClock(instant);
  return `${vnDay(instant)}T${pad(c.getUTCHours())}:${pad(c.getUTCMinutes())}:${pad(c.getUTCSeconds())}+07:00`;
}
