import { useCallback, useEffect, useRef, useState } from 'react';

export type Resource<T> =
  | { state: 'loading' }
  | { state: 'error'; error: unknown }
  | { state: 'ready'; data: T };

/**
 * Loads `load(signal)` whenever `key` changes; `reload()` loads again. A reload keeps showing the
 * data it has until the new answer arrives (no flash of "loading", focus stays where it is); a
 * failed reload keeps the old data too. An answer that arrives after the key changed is dropped
 * (the request is aborted).
 */
export function useResource<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): [Resource<T>, () => void] {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const loadedKey = useRef<string | null>(null);
  const current = useRef(resource);
  current.current = resource;

  // `load` is keyed by `key` (callers memoise it per key); `attempt` forces a reload.
  useEffect(() => {
    const controller = new AbortController();
    const silent = loadedKey.current === key && current.current.state === 'ready';
    if (!silent) setResource({ state: 'loading' });
    load(controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        loadedKey.current = key;
        setResource({ state: 'ready', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted || silent) return;
        setResource({ state: 'error', error });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return [resource, reload];
}
