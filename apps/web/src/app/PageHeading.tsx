import { type ReactNode, useEffect, useRef } from 'react';
import { consumeNavigationFocus } from './focus.ts';

/**
 * The page's <h1>. After an in-app navigation it takes focus, so a screen reader announces the
 * new page and keyboard users start from its top, as after a full page load.
 */
export function PageHeading({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (consumeNavigationFocus()) ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className={className ?? 'page-title'}>
      {children}
    </h1>
  );
}
