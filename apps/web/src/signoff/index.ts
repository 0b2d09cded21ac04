export { AgreementPanel } from './AgreementPanel.tsx';
export { VerifyPage } from './VerifyPage.tsx';
