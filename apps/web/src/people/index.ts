export { ColourDot, safeColour } from './ColourDot.tsx';
export {
  type Role,
  roleDescriptionKey,
  roleLabelKey,
  roles,
  type Sector,
  sectorLabelKey,
  sectors,
} from './labels.ts';
export { groupByOrganisation, type OrganisationGroup, personLabel, personName } from './people.ts';
