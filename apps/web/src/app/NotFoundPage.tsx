import { useT } from '../i18n/index.ts';
import { Link } from './Link.tsx';
import { PageHeading } from './PageHeading.tsx';
import { PageLayout } from './PageLayout.tsx';
import { paths } from './router.ts';
import { useDocumentTitle } from './useDocumentTitle.ts';

export function NotFoundPage({ message }: { message?: string }) {
  const t = useT();
  useDocumentTitle(message ?? t('errors.notFound'));
  return (
    <PageLayout>
      <section className="panel">
        <PageHeading>{message ?? t('errors.notFound')}</PageHeading>
        <p>
          <Link to={paths.home()}>{t('errors.backHome')}</Link>
        </p>
      </section>
    </PageLayout>
  );
}
