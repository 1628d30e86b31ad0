// The accounts API of the administrator: GET/POST /api/v1/users, POST /api/v1/users/{login}/disable, …/enable,
// …/unlock and …/password.
import { getJson, postJson } from './client';
import type { Role, UserAccount } from './types';

export interface NewUser {
  login: string;
  password: string;
  role: Role;
  units: string[];
  display_name: string;
  citizen_id?: string;
}

export async function fetchUsers(): Promise<UserAccount[]> {
  return (await getJson<{ items: UserAccount[] }>('/api/v1/users')).items;
}

export function createUser(user: NewUser, idempotencyKey: string): Promise<UserAccount> {
  return postJson<UserAccount>('/api/v1/users', user, idempotencyKey);
}

function userPath(login: string, action: 'disable' | 'enable' | 'unlock' | 'password'): string {
  return `/api/v1/users/${encodeURIComponent(login)}/${action}`;
}

export function disableUser(login: string, idempotencyKey: string): Promise<unknown> {
  return postJson<unknown>(userPath(login, 'disable'), {}, idempotencyKey);
}

export function enableUser(login: string, idempotencyKey: string): Promise<unknown> {
  return postJson<unknown>(userPath(login, 'enable'), {}, idempotencyKey);
}

export function unlockUser(login: string, idempotencyKey: string): Promise<unknown> {
  return postJson<unknown>(userPath(login, 'unlock'), {}, idempotencyKey);
}

export function resetPassword(login: string, password: string, idempotencyKey: string): Promise<unknown> {
  return postJson<unknown>(userPath(login, 'password'), { password }, idempotencyKey);
}
