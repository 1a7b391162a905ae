// A long list fetched page by page as it scrolls into view (rows never cross IPC all at once). The
// cache starts over when `key` changes (another import, filter or job); answers for an old key are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../../../shared/contract';
import type { AppError, Result } from '../../../shared/result';

export interface Pages<T> {
  /** null until the first page answered. */
  total: number | null;
  /** The item at an index, when its page has arrived. */
  at(index: number): T | undefined;
  /** Asks for the pages covering [start, end] (inclusive). */
  ensure(start: number, end: number): void;
  error: AppError | null;
  /** Drops the cache and fetches again (after a change the list can't see). */
  reload(): void;
  /**
   * Asks again for the pages covering [start, end] (a running job's rows change under the list): they stay
   * on screen until their new answers arrive, so nothing flickers or jumps; pages out of that range are
   * dropped and fetched again when they scroll back in.
   */
  refresh(start: number, end: number): void;
}

export function usePages<T>(key: string, fetch: (offset: number, limit: number) => Promise<Result<Page<T>>>, pageSize = 200): Pages<T> {
  const pages = useRef(new Map<number, readonly T[]>());
  const inflight = useRef(new Set<number>());
  const generation = useRef(0);
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [, setVersion] = useState(0);

  const load = useCallback(
    (index: number, again = false) => {
      if ((!again && pages.current.has(index)) || inflight.current.has(index)) return;
      const mine = generation.current;
      inflight.current.add(index);
      void fetchRef.current(index * pageSize, pageSize).then((got) => {
        if (mine !== generation.current) return;
        inflight.current.delete(index);
        if (!got.ok) {
          setError(got.error);
          return;
        }
        pages.current.set(index, got.value.items);
        setTotal(got.value.total);
        setVersion((v) => v + 1);
      });
    },
    [pageSize],
  );

  const reset = useCallback(() => {
    generation.current += 1;
    pages.current = new Map();
    inflight.current = new Set();
    setError(null);
    load(0);
  }, [load]);

  useEffect(() => {
    setTotal(null);
    reset();
  }, [key, reset]);

  const pagesOf = useCallback((start: number, end: number) => [Math.floor(Math.max(0, start) / pageSize), Math.floor(Math.max(0, end) / pageSize)] as const, [pageSize]);

  const refresh = useCallback(
    (start: number, end: number) => {
      const [first, last] = pagesOf(start, end);
      generation.current += 1;
      pages.current = new Map([...pages.current].filter(([p]) => p >= first && p <= last));
      inflight.current = new Set();
      for (let p = first; p <= last; p += 1) load(p, true);
    },
    [load, pagesOf],
  );

  const ensure = useCallback(
    (start: number, end: number) => {
      const [first, last] = pagesOf(start, end);
      for (let p = first; p <= last; p += 1) load(p);
    },
    [load, pagesOf],
  );

  return {
    total,
    at: (index) => pages.current.get(Math.floor(index / pageSize))?.[index % pageSize],
    ensure,
    error,
    reload: reset,
    refresh,
  };
}
