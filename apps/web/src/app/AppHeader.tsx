import { LanguageSwitch, useT } from '../i18n/index.ts';
import { InboxLink } from '../inbox/index.ts';
import { AccountControl } from '../session/AccountControl.tsx';
import { ToSignLink } from '../to-sign/index.ts';
import { Link } from './Link.tsx';
import { paths } from './router.ts';

export function AppHeader() {
  const t = useT();
  return (
    <header className="app-header">
      <Link to={paths.home()} className="brand">
        <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true">
          <rect width="32" height="32" rx="7" />
          <path d="M9 22l7-13 7 13" />
        </svg>
        <span className="brand__name">{t('app.name')}</span>
      </Link>
      <div className="app-header__tools">
        <InboxLink />
        <ToSignLink />
        <AccountControl />
        <LanguageSwitch />
      </div>
    </header>
  );
}
