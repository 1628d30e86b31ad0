// A request sent without an Idempotency-Key, for changes the server refuses to make twice (adding the same
// entry again, retiring one twice): whether it is under way, and how it failed. A second `run` while one is
// under way is ignored (a double click sends once).
import { useState } from 'preact/hooks';
import { isRequestFailure, type RequestFailure } from '../api/client';

export interface RequestState {
  pending: boolean;
  failure: RequestFailure | null;
  run: <T>(send: () => Promise<T>, onSuccess: (answer: T) => void) => void;
}

export function useRequest(): RequestState {
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<RequestFailure | null>(null);
  const run = <T>(send: () => Promise<T>, onSuccess: (answer: T) => void) => {
    if (pending) return;
    setPending(true);
    setFailure(null);
    send().then(
      (answer) => {
        setPending(false);
        onSuccess(answer);
      },
      (error: unknown) => {
        setPending(false);
        if (!isRequestFailure(error)) throw error;
        setFailure(error);
      },
    );
  };
  return { pending, failure, run };
}
