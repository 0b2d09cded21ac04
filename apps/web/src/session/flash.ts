import { useEffect, useState } from 'react';

/**
 * A one-time confirmation carried across a navigation ("Password changed"), shown by the next
 * page that asks for it.
 */
let pending: string | null = null;

export function flash(message: string): void {
  pending = message;
}

export function useFlash(): string | null {
  // Read in the initialiser, cleared once mounted: StrictMode may run the initialiser twice.
  const [message] = useState(() => pending);
  useEffect(() => {
    pending = null;
  }, []);
  return message;
}
