// Logging in and out, and who the session belongs to.
import { getJson, postJson, send, setToken } from './client';
import type { Account, LoginAnswer } from './types';

export async function logIn(login: string, password: string): Promise<Account> {
  const answer = await postJson<LoginAnswer>('/api/v1/sessions', { login, password });
  setToken(answer.token);
  return answer.account;
}

export function fetchMe(): Promise<Account> {
  return getJson<Account>('/api/v1/me');
}

// Revokes the session on the server; the token is dropped whatever the answer.
export async function logOut(): Promise<void> {
  try {
    await send('/api/v1/sessions/current', { method: 'DELETE' });
  } finally {
    setToken(null);
  }
}
