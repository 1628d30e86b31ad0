// One form submission that changes something on the server. It carries an Idempotency-Key made once for the
// submission: when the answer is lost (network failure, timeout) or is a 5xx, the key is kept, so that "retry" —
// or submitting the same form again — cannot make the change twice; once the server has given a definite answer
// (success or a 4xx), the next submission gets a new key.
//
// A 409 on the key with Retry-After means the first request with that key has not finished: the same key is sent
// again after the time the server asks, a few times, before the failure is shown (with its retry).
//
// With `persistAs`, the pending key is also kept in sessionStorage under that name, so that a reload of the tab
// (after a lost answer) sends the same key again: the server then answers with what it did the first time.
import { useRef, useState } from 'preact/hooks';
import { ApiError, isRequestFailure, type RequestFailure } from '../api/client';
import { newIdempotencyKey } from '../api/idempotency';

export interface Submission<T> {
  submit: (send: (idempotencyKey: string) => Promise<T>, onSuccess: (answer: T) => void) => void;
  // Sends the last submission again, with its key.
  retry: () => void;
  pending: boolean;
  failure: RequestFailure | null;
}

const STORAGE_PREFIX = 'motcua.idempotency.';
// How many times a "still running" answer is waited out before it is shown.
const STILL_RUNNING_RETRIES = 5;

function stillRunningWait(error: RequestFailure): number | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.field !== 'idempotency_key') return null;
  return error.retryAfterSeconds;
}

function storedKey(persistAs: string | undefined): string | null {
  return persistAs ? sessionStorage.getItem(STORAGE_PREFIX + persistAs) : null;
}

function storeKey(persistAs: string | undefined, key: string | null): void {
  if (!persistAs) return;
  if (key === null) sessionStorage.removeItem(STORAGE_PREFIX + persistAs);
  else sessionStorage.setItem(STORAGE_PREFIX + persistAs, key);
}

export function useSubmission<T>(persistAs?: string): Submission<T> {
  const key = useRef<string | null>(storedKey(persistAs));
  const last = useRef<{ send: (key: string) => Promise<T>; onSuccess: (answer: T) => void } | null>(null);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<RequestFailure | null>(null);

  const forget = () => {
    key.current = null;
    storeKey(persistAs, null);
  };

  const attempt = (send: (idempotencyKey: string) => Promise<T>, onSuccess: (answer: T) => void, waited = 0) => {
    if (pending && waited === 0) return;
    if (key.current === null) {
      key.current = newIdempotencyKey();
      storeKey(persistAs, key.current);
    }
    last.current = { send, onSuccess };
    setPending(true);
    setFailure(null);
    send(key.current).then(
      (answer) => {
        forget();
        setPending(false);
        onSuccess(answer);
      },
      (error: unknown) => {
        if (!isRequestFailure(error)) {
          setPending(false);
          throw error;
        }
        const wait = stillRunningWait(error);
        if (wait !== null && waited < STILL_RUNNING_RETRIES) {
          setTimeout(() => attempt(send, onSuccess, waited + 1), wait * 1000);
          return;
        }
        setPending(false);
        if (!error.retryable) forget();
        setFailure(error);
      },
    );
  };

  return {
    submit: attempt,
    retry: () => {
      if (last.current) attempt(last.current.send, last.current.onSuccess);
    },
    pending,
    failure,
  };
}
