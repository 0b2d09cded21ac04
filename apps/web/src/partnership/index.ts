export { HomePage } from './HomePage.tsx';
export { KindBadge } from './KindBadge.tsx';
export { documentKinds, kindLabelKey } from './kind.ts';
export { PartnershipPage } from './PartnershipPage.tsx';
