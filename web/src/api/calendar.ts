// The work calendar: GET /api/v1/calendar?year= (public) and POST /api/v1/calendar/days (administrator).
// A saved day counts in deadlines from the server's next request.
import { getJson, postJson, withQuery } from './client';

export type CalendarDayKind =
  | 'public_holiday'
  | 'public_holiday_on_weekend'
  | 'compensatory_day_off'
  | 'swapped_day_off'
  | 'weekend_within_break'
  | 'makeup_working_day'
  | 'proposed_holiday';

export interface CalendarDay {
  date: string; // YYYY-MM-DD
  kind: CalendarDayKind;
  name: string;
  is_day_off: boolean | null; // null: a proposal not in force
  source: 'reference' | 'admin';
}

export interface NewCalendarDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

export interface CalendarYear {
  year: number;
  items: CalendarDay[];
}

export function fetchCalendarYear(year: number): Promise<CalendarYear> {
  return getJson<CalendarYear>(withQuery('/api/v1/calendar', { year }));
}

export function saveCalendarDay(
  day: NewCalendarDay,
  idempotencyKey: string,
): Promise<{ day: CalendarDay }> {
  return postJson('/api/v1/calendar/days', day, idempotencyKey);
}
