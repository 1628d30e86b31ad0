// The one place that talks HTTP to the motcua API: the bearer token (kept in sessionStorage, so that it
// dies with the tab), JSON bodies, the API's error shape, network failures, and what a 401 means.

const TOKEN_KEY = 'motcua.token';

// The API's error body, {"error":{"code","message","message_en","field"}}, with the HTTP status.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly field: string,
  ) {
    super(messageEn || messageVi);
    this.name = 'ApiError';
  }

  // A 5xx answer is not stored against an Idempotency-Key: the same request may be sent again.
  get retryable(): boolean {
    return this.status >= 500;
  }
}

// The request never got an answer (connection refused or dropped, offline): it may or may not have run.
export class NetworkError extends Error {
  readonly retryable = true;
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'NetworkError';
  }
}

export type RequestFailure = ApiError | NetworkError;

export function isRequestFailure(error: unknown): error is RequestFailure {
  return error instanceof ApiError || error instanceof NetworkError;
}

let token: string | null = sessionStorage.getItem(TOKEN_KEY);
let onUnauthorized: () => void = () => {};

export function currentToken(): string | null {
  return token;
}

export function setToken(value: string | null): void {
  token = value;
  if (value === null) sessionStorage.removeItem(TOKEN_KEY);
  else sessionStorage.setItem(TOKEN_KEY, value);
}

// Called when an authenticated request gets a 401 (session expired or revoked): the token is dropped first.
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export type QueryValue = string | number | undefined | null;

// `path` with the parameters that have a value, URL-encoded.
export function withQuery(path: string, params: Record<string, QueryValue>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(name, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

interface Options {
  method?: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  idempotencyKey?: string;
}

async function failureOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: Partial<Record<string, string>> };
    const e = body.error ?? {};
    return new ApiError(response.status, e['code'] ?? '', e['message'] ?? '', e['message_en'] ?? '', e['field'] ?? '');
  } catch {
    return new ApiError(response.status, `http_${response.status}`, '', '', '');
  }
}

// Sends the request; answers the Response when its status is 2xx, else throws ApiError or NetworkError.
export async function send(path: string, options: Options = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const sentToken = token;
  if (sentToken) headers['Authorization'] = `Bearer ${sentToken}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      cache: 'no-store',
    });
  } catch (cause) {
    throw new NetworkError(cause);
  }
  if (response.ok) return response;
  const failure = await failureOf(response);
  if (response.status === 401 && sentToken) {
    setToken(null);
    onUnauthorized();
  }
  throw failure;
}

export async function getJson<T>(path: string): Promise<T> {
  return (await send(path)).json() as Promise<T>;
}

export async function postJson<T>(path: string, body: unknown, idempotencyKey?: string): Promise<T> {
  const response = await send(path, idempotencyKey ? { method: 'POST', body, idempotencyKey } : { method: 'POST', body });
  if (response.status === 204) return undefined as T;
  return response.json() as Promise<T>;
}
