// How urgent a dossier is comes from the server (GET /api/v1/dossiers and /api/v1/dossiers/{code}: "urgency",
// judged on its work calendar against the statutory appointment; src/domain/dossier_standing.h). The urgencies
// that colour a row, in the order of the legend:
import type { Urgency } from '../api/types';

export type ColouredUrgency = 'overdue' | 'due_today' | 'due_soon';

export const COLOURED_URGENCIES: ColouredUrgency[] = ['overdue', 'due_today', 'due_soon'];

export function isColoured(urgency: Urgency): urgency is ColouredUrgency {
  return (COLOURED_URGENCIES as Urgency[]).includes(urgency);
}
