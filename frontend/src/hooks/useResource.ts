import { useCallback, useEffect, useRef, useState } from "react";

export interface Resource<T> {
  data: T | undefined;
  error: Error | undefined;
  /** True until the first answer (or failure); refreshes keep showing the last data. */
  loading: boolean;
  reload: () => void;
}

/**
 * Load something from the API, again whenever `key` changes, and every `intervalMs` while the
 * page is visible (live views without a stream of their own).
 */
export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  key: string,
  intervalMs?: number,
): Resource<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const lastKey = useRef(key);

  useEffect(() => {
    if (lastKey.current !== key) {
      lastKey.current = key;
      setData(undefined);
      setLoading(true);
    }
    const controller = new AbortController();
    loadRef
      .current(controller.signal)
      .then((value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setError(undefined);
        setLoading(false);
      })
      .catch((cause: unknown) => {
        if (controller.signal.aborted) return;
        setError(cause instanceof Error ? cause : new Error(String(cause)));
        setLoading(false);
      });
    return () => controller.abort();
  }, [key, tick]);

  useEffect(() => {
    if (!intervalMs) return;
    const timer = setInterval(() => {
      if (document.visibilityState !== "hidden") setTick((t) => t + 1);
    }, intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}
