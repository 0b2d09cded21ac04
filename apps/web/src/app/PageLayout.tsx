import type { ReactNode } from 'react';
import { useT } from '../i18n/index.ts';
import { AppHeader } from './AppHeader.tsx';

export const MAIN_ID = 'main-content';

interface PageLayoutProps {
  children: ReactNode;
  /** Where the skip link leads (the editor on a document page). */
  skipTarget?: { id: string; label: 'content' | 'editor' };
  wide?: boolean;
}

export function PageLayout({
  children,
  skipTarget = { id: MAIN_ID, label: 'content' },
  wide = false,
}: PageLayoutProps) {
  const t = useT();
  return (
    <div className="app">
      <a
        className="skip-link"
        href={`#${skipTarget.id}`}
        onClick={(event) => {
          // Fragment navigation only moves the reading position; put keyboard focus there too.
          const target = document.getElementById(skipTarget.id);
          if (target === null) return;
          event.preventDefault();
          target.focus();
        }}
      >
        {skipTarget.label === 'editor' ? t('app.skipToEditor') : t('app.skipToContent')}
      </a>
      <AppHeader />
      <main id={MAIN_ID} tabIndex={-1} className={wide ? 'main main--wide' : 'main'}>
        {children}
      </main>
    </div>
  );
}
