export { ColourDot, safeColour } from './ColourDot.tsx';
export { IdentityControl } from './IdentityControl.tsx';
export { IdentityGate } from './IdentityGate.tsx';
export { findIdentity, groupByOrganisation, type Identity, personLabel } from './identity.ts';
export { useIdentity } from './useIdentity.ts';
