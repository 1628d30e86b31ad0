// Loads something when the inputs change; keeps the failure for a "retry" button.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { isRequestFailure, type RequestFailure } from '../api/client';

export interface Resource<T> {
  data: T | undefined;
  failure: RequestFailure | null;
  loading: boolean;
  reload: () => void;
}

export function useResource<T>(load: () => Promise<T>, inputs: unknown[]): Resource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [failure, setFailure] = useState<RequestFailure | null>(null);
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  const lastAttempt = useRef(attempt);

  useEffect(() => {
    const call = ++latest.current;
    // New inputs mean something else: do not show the old answer meanwhile (a reload keeps it).
    if (lastAttempt.current === attempt) setData(undefined);
    lastAttempt.current = attempt;
    setLoading(true);
    setFailure(null);
    load().then(
      (value) => {
        if (call !== latest.current) return;
        setData(value);
        setLoading(false);
      },
      (error: unknown) => {
        if (call !== latest.current) return;
        if (!isRequestFailure(error)) throw error;
        setFailure(error);
        setLoading(false);
      },
    );
    // `load` is a new function at every render: `inputs` say when it means something else.
  }, [...inputs, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, failure, loading, reload };
}
