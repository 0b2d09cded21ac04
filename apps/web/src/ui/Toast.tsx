import { type ReactNode, useCallback, useEffect, useState } from 'react';

/**
 * The outcome of an action taken in a list ("Role changed"), shown at the bottom of the screen
 * and read out politely, without moving focus. One at a time; each lasts a few seconds.
 */
export function useToast(): [ReactNode, (message: string) => void] {
  const [toast, setToast] = useState<{ message: string; id: number } | null>(null);
  useEffect(() => {
    if (toast === null) return;
    const timer = setTimeout(() => setToast(null), 6000);
    return () => clearTimeout(timer);
  }, [toast]);
  const show = useCallback((message: string) => setToast({ message, id: Date.now() }), []);
  // The live region stays in the page, so a message added to it is announced.
  const node = (
    <div className="toast-region" role="status" aria-live="polite" data-testid="toast">
      {toast !== null && (
        <p key={toast.id} className="toast">
          {toast.message}
        </p>
      )}
    </div>
  );
  return [node, show];
}
