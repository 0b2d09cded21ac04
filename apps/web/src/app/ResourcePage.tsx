import type { ReactNode } from 'react';
import { ApiError, type Resource } from '../api/index.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import { PageLayout } from './PageLayout.tsx';
import { LoadError, Loading } from './StatusMessage.tsx';

interface ResourcePageProps<T> {
  resource: Resource<T>;
  reload: () => void;
  /** Said when the server does not know the resource (or will not say it exists). */
  notFound: string;
  /** The page itself, once the resource is there. */
  children: (data: T) => ReactNode;
}

/** A page about one resource: loading, a failure with a retry, not found, or the page. */
export function ResourcePage<T>({ resource, reload, notFound, children }: ResourcePageProps<T>) {
  if (
    resource.state === 'error' &&
    resource.error instanceof ApiError &&
    resource.error.isNotFound
  ) {
    return <NotFoundPage message={notFound} />;
  }
  if (resource.state !== 'ready') {
    return (
      <PageLayout>
        {resource.state === 'loading' ? (
          <Loading />
        ) : (
          <LoadError error={resource.error} onRetry={reload} />
        )}
      </PageLayout>
    );
  }
  return children(resource.data);
}
