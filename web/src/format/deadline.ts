// How urgent an open dossier is, for the colours of the inbox: overdue (red), due today (orange), due
// within 2 working days (yellow), else neutral. Working days here skip Saturdays and Sundays only: the
// server's calendar (holidays, make-up Saturdays) has no API yet, so a holiday may make a dossier look
// one day less urgent than it is.
import { addDays, vnDay, weekday } from './datetime';

export type Urgency = 'overdue' | 'today' | 'soon' | 'normal' | 'none';

// The day `count` working days (Monday–Friday) after `day`.
function workingDaysAfter(day: string, count: number): string {
  let current = day;
  let left = count;
  while (left > 0) {
    current = addDays(current, 1);
    const w = weekday(current);
    if (w !== 0 && w !== 6) left -= 1;
  }
  return current;
}

export interface DeadlineFacts {
  due_at: string | null;
  overdue: boolean;
  completed_at: string | null;
}

export function urgencyOf(facts: DeadlineFacts, now: Date = new Date()): Urgency {
  if (!facts.due_at || facts.completed_at) return 'none';
  const due = new Date(facts.due_at);
  if (facts.overdue || due.getTime() < now.getTime()) return 'overdue';
  const today = vnDay(now);
  const dueDay = vnDay(due);
  if (dueDay === today) return 'today';
  if (dueDay <= workingDaysAfter(today, 2)) return 'soon';
  return 'normal';
}
