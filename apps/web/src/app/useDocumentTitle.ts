import { useEffect } from 'react';
import { useT } from '../i18n/index.ts';

/** `Title — Accord` in the tab and in the history list. */
export function useDocumentTitle(title: string | null): void {
  const t = useT();
  const appName = t('app.name');
  useEffect(() => {
    document.title = title === null ? appName : `${title} — ${appName}`;
  }, [title, appName]);
}
