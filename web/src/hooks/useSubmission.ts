// One form submission that changes something on the server. It carries an Idempotency-Key made once for the
// submission: when the answer is lost (network failure, timeout) or is a 5xx, the key is kept, so that "retry" —
// or submitting the same form again — cannot make the change twice; once the server has given a definite answer
// (success or a 4xx), the next submission gets a new key.
//
// With `persistAs`, the pending key is also kept in sessionStorage under that name, so that a reload of the tab
// (after a lost answer) sends the same key again: the server then answers with what it did the first time.
import { useRef, useState } from 'preact/hooks';
import { isRequestFailure, type RequestFailure } from '../api/client';
import { newIdempotencyKey } from '../api/idempotency';

export interface Submission<T> {
  submit: (send: (idempotencyKey: string) => Promise<T>, onSuccess: (answer: T) => void) => void;
  // Sends the last submission again, with its key.
  retry: () => void;
  pending: boolean;
  failure: RequestFailure | null;
}

const STORAGE_PREFIX = 'motcua.idempotency.';

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

  const attempt = (send: (idempotencyKey: string) => Promise<T>, onSuccess: (answer: T) => void) => {
    if (pending) return;
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
        setPending(false);
        if (!isRequestFailure(error)) throw error;
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
