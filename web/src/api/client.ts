// The one place that talks HTTP to the motcua API: the bearer token (kept in sessionStorage, so that it
// dies with the tab), JSON and file bodies, the API's error shape, network failures and timeouts, and what a
// 401 means.

const TOKEN_KEY = 'motcua.token';

// The API's error body, {"error":{"code","message","message_en","field"}}, with the HTTP status (and, for a
// 429, the seconds its Retry-After header asks to wait).
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly field: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(messageEn || messageVi);
    this.name = 'ApiError';
  }

  // A 5xx answer is not stored against an Idempotency-Key: the same request may be sent again. Nor is a 409 on
  // the key with Retry-After: the first request with that key has not finished yet, and the same key must be
  // sent again later to learn how it ended (a new key could do the change twice).
  get retryable(): boolean {
    return this.status >= 500 || (this.status === 409 && this.field === 'idempotency_key' && this.retryAfterSeconds !== null);
  }
}

// The request never got an answer (connection refused or dropped, offline, or no answer in time): it may or
// may not have run.
export class NetworkError extends Error {
  readonly retryable = true;
  constructor(
    cause: unknown,
    readonly timedOut = false,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'NetworkError';
  }
}

// How long a request may wait for its answer before it counts as lost (a dropped Wi-Fi at the counter leaves a
// fetch hanging for minutes otherwise). A file upload gets longer: 20 MiB over a slow link.
export const REQUEST_TIMEOUT_MS = 30_000;
export const UPLOAD_TIMEOUT_MS = 180_000;

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
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  // A body sent as it is (a file), with its Content-Type, instead of JSON.
  raw?: Blob;
  idempotencyKey?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

// Retry-After in seconds (the API sends seconds, not a date); null when absent or unreadable.
function retryAfterOf(response: Response): number | null {
  const text = response.headers.get('Retry-After');
  if (text === null || !/^\s*\d+\s*$/.test(text)) return null;
  return Number(text);
}

async function failureOf(response: Response): Promise<ApiError> {
  const retryAfter = retryAfterOf(response);
  try {
    const body = (await response.json()) as { error?: Partial<Record<string, string>> };
    const e = body.error ?? {};
    return new ApiError(response.status, e['code'] ?? '', e['message'] ?? '', e['message_en'] ?? '', e['field'] ?? '', retryAfter);
  } catch {
    return new ApiError(response.status, `http_${response.status}`, '', '', '', retryAfter);
  }
}

// Sends the request; answers the Response when its status is 2xx, else throws ApiError or NetworkError.
export async function send(path: string, options: Options = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const sentToken = token;
  if (sentToken) headers['Authorization'] = `Bearer ${sentToken}`;
  if (options.raw) headers['Content-Type'] = options.raw.type || 'application/octet-stream';
  else if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  Object.assign(headers, options.headers);
  // The whole exchange, answer body included, must end within the timeout: the controller aborts it otherwise.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? REQUEST_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.raw ?? (options.body === undefined ? null : JSON.stringify(options.body)),
      cache: 'no-store',
      signal: controller.signal,
    });
    // Read the body under the same deadline, so that callers get an answer that is whole.
    const body = await response.arrayBuffer();
    response = new Response([101, 204, 205, 304].includes(response.status) ? null : body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  } catch (cause) {
    throw new NetworkError(cause, controller.signal.aborted);
  } finally {
    clearTimeout(timer);
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

export async function putJson<T>(path: string, body: unknown): Promise<T> {
  return (await send(path, { method: 'PUT', body })).json() as Promise<T>;
}
