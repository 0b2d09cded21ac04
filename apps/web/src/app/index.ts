export { Link } from './Link.tsx';
export { NotFoundPage } from './NotFoundPage.tsx';
export { PageHeading } from './PageHeading.tsx';
export { MAIN_ID, PageLayout } from './PageLayout.tsx';
export { ResourcePage } from './ResourcePage.tsx';
export { navigate, paths } from './router.ts';
export { LoadError, Loading } from './StatusMessage.tsx';
export { useDocumentTitle } from './useDocumentTitle.ts';
