// A list that pages with next_cursor: the first page when the inputs change, the next one on demand.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { isRequestFailure, type RequestFailure } from '../api/client';
import type { Page } from '../api/types';

export interface PagedList<T> {
  items: T[];
  failure: RequestFailure | null;
  loading: boolean;
  hasMore: boolean;
  loadMore: () => void;
  // Loads the failed page again (the first one, or the next one).
  retry: () => void;
}

export function usePagedList<T>(loadPage: (cursor?: string) => Promise<Page<T>>, inputs: unknown[]): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [failure, setFailure] = useState<RequestFailure | null>(null);
  const [loading, setLoading] = useState(false);
  const generation = useRef(0);
  const pending = useRef<string | undefined>(undefined);
  const loader = useRef(loadPage);
  loader.current = loadPage;

  const fetchPage = useCallback((from: string | undefined, replace: boolean) => {
    const call = generation.current;
    pending.current = from;
    setLoading(true);
    setFailure(null);
    loader.current(from).then(
      (page) => {
        if (call !== generation.current) return;
        setItems((previous) => (replace ? page.items : [...previous, ...page.items]));
        setCursor(page.next_cursor);
        setLoading(false);
      },
      (error: unknown) => {
        if (call !== generation.current) return;
        if (!isRequestFailure(error)) throw error;
        setFailure(error);
        setLoading(false);
      },
    );
  }, []);

  useEffect(() => {
    generation.current += 1;
    setItems([]);
    setCursor(null);
    fetchPage(undefined, true);
  }, inputs);

  return {
    items,
    failure,
    loading,
    hasMore: cursor !== null,
    loadMore: () => {
      if (cursor !== null && !loading) fetchPage(cursor, false);
    },
    retry: () => fetchPage(pending.current, pending.current === undefined),
  };
}
