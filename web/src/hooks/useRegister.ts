// The public register — agencies and receiving points — to show names where dossiers carry ids.
import { fetchAgencies, fetchReceivingPoints } from '../api/catalogue';
import type { Agency, ReceivingPoint } from '../api/types';
import { useResource, type Resource } from './useResource';

export interface Register {
  agencies: Agency[];
  points: ReceivingPoint[];
}

export const EMPTY_REGISTER: Register = { agencies: [], points: [] };

export function useRegister(): Resource<Register> {
  return useResource(async () => {
    const [agencies, points] = await Promise.all([fetchAgencies(), fetchReceivingPoints()]);
    return { agencies, points };
  }, []);
}

export function agencyName(register: Register, id: string): string {
  return register.agencies.find((a) => a.id === id)?.name ?? id;
}

export function pointOf(register: Register, id: string): ReceivingPoint | undefined {
  return register.points.find((p) => p.id === id);
}
