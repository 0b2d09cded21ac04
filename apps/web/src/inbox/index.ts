export { InboxLink } from './InboxLink.tsx';
export { InboxPage } from './InboxPage.tsx';
