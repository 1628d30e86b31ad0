// Which screens a role uses, and where each role lands after logging in. The server decides what each
// account may really do; this only keeps the menu to what makes sense.
import type { Role } from './api/types';
import type { MessageKey } from './i18n/vi';

export type Screen = 'quay' | 'hop-thu' | 'ho-so' | 'cong-dan' | 'tra-cuu' | 'giam-sat' | 'quan-tri';

export const SCREEN_LABELS: Record<Screen, MessageKey> = {
  quay: 'nav.counter',
  'hop-thu': 'nav.inbox',
  'ho-so': 'nav.list',
  'cong-dan': 'nav.citizen',
  'tra-cuu': 'nav.tracking',
  'giam-sat': 'nav.dashboard',
  'quan-tri': 'nav.admin',
};

const SCREENS_OF: Record<Role, Screen[]> = {
  receptionist: ['quay', 'hop-thu', 'ho-so'],
  specialist: ['hop-thu', 'ho-so'],
  leader: ['hop-thu', 'ho-so', 'giam-sat'],
  director: ['giam-sat', 'hop-thu', 'ho-so'],
  supervisor: ['giam-sat', 'hop-thu', 'ho-so'],
  administrator: ['quan-tri', 'ho-so'],
  citizen: ['cong-dan'],
};

// Screens open to everyone, logged in or not.
const PUBLIC_SCREENS: Screen[] = ['cong-dan', 'tra-cuu'];

export function screensOf(role: Role | undefined): Screen[] {
  const own = role ? SCREENS_OF[role] : [];
  return [...own, ...PUBLIC_SCREENS.filter((s) => !own.includes(s))];
}

export function mayUse(role: Role | undefined, screen: Screen): boolean {
  return PUBLIC_SCREENS.includes(screen) || (role !== undefined && SCREENS_OF[role].includes(screen));
}

export function homeOf(role: Role | undefined): Screen {
  return role ? (SCREENS_OF[role][0] ?? 'cong-dan') : 'cong-dan';
}
