import { lazy, Suspense } from 'react';
import { I18nProvider } from '../i18n/index.ts';
import { HomePage, PartnershipPage } from '../partnership/index.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import { PageLayout } from './PageLayout.tsx';
import { parseRoute, usePathname } from './router.ts';
import { Loading } from './StatusMessage.tsx';

// The editor (Lexical, Yjs, the sync client) is most of the code: load it with the first document.
const DocumentPage = lazy(async () => ({
  default: (await import('../document/index.ts')).DocumentPage,
}));

function Routes() {
  const route = parseRoute(usePathname());
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'partnership':
      // Keyed by id: another partnership is a fresh page, with no state carried over.
      return <PartnershipPage key={route.id} id={route.id} />;
    case 'document':
      return (
        <Suspense
          fallback={
            <PageLayout>
              <Loading />
            </PageLayout>
          }
        >
          <DocumentPage key={route.id} id={route.id} />
        </Suspense>
      );
    case 'not-found':
      return <NotFoundPage />;
  }
}

export function App() {
  return (
    <I18nProvider>
      <Routes />
    </I18nProvider>
  );
}
