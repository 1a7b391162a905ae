// A Result-returning call's life on screen: idle → loading → value or error. Stale answers (a newer
// call started, or the component went away) are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, Result } from '../../../shared/result';

export type AsyncState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'done'; value: T }
  | { status: 'error'; error: AppError };

export function useAsync<T>(): [AsyncState<T>, (run: () => Promise<Result<T>>) => Promise<Result<T> | null>, () => void] {
  const [state, setState] = useState<AsyncState<T>>({ status: 'idle' });
  const serial = useRef(0);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  const run = useCallback(async (call: () => Promise<Result<T>>) => {
    const mine = ++serial.current;
    setState({ status: 'loading' });
    const got = await call();
    if (!alive.current || mine !== serial.current) return null;
    setState(got.ok ? { status: 'done', value: got.value } : { status: 'error', error: got.error });
    return got;
  }, []);
  const reset = useCallback(() => {
    serial.current += 1;
    setState({ status: 'idle' });
  }, []);
  return [state, run, reset];
}
