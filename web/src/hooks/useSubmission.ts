// One form submission that changes something on the server. It carries an Idempotency-Key made once for the
// submission: when the answer is lost (network failure) or is a 5xx, the key is kept, so that "retry" — or
// submitting the same form again — cannot make the change twice; once the server has given a definite answer
// (success or a 4xx), the next submission gets a new key.
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

export function useSubmission<T>(): Submission<T> {
  const key = useRef<string | null>(null);
  const last = useRef<{ send: (key: string) => Promise<T>; onSuccess: (answer: T) => void } | null>(null);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<RequestFailure | null>(null);

  const attempt = (send: (idempotencyKey: string) => Promise<T>, onSuccess: (answer: T) => void) => {
    if (pending) return;
    key.current ??= newIdempotencyKey();
    last.current = { send, onSuccess };
    setPending(true);
    setFailure(null);
    send(key.current).then(
      (answer) => {
        key.current = null;
        setPending(false);
        onSuccess(answer);
      },
      (error: unknown) => {
        setPending(false);
        if (!isRequestFailure(error)) throw error;
        if (!error.retryable) key.current = null;
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
