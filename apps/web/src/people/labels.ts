import { type Role, roles, type Sector, sectors } from '@accord/domain';
import type { CatalogKey } from '../i18n/index.ts';

export type { Role, Sector };
export { roles, sectors };

const roleKeys = {
  facilitator: 'roles.facilitator',
  editor: 'roles.editor',
  commenter: 'roles.commenter',
  viewer: 'roles.viewer',
} as const satisfies Record<Role, CatalogKey>;

const roleDescriptionKeys = {
  facilitator: 'roles.descriptions.facilitator',
  editor: 'roles.descriptions.editor',
  commenter: 'roles.descriptions.commenter',
  viewer: 'roles.descriptions.viewer',
} as const satisfies Record<Role, CatalogKey>;

const sectorKeys = {
  'public-agency': 'sectors.publicAgency',
  company: 'sectors.company',
  'non-profit': 'sectors.nonProfit',
  'social-service': 'sectors.socialService',
  'community-group': 'sectors.communityGroup',
  academic: 'sectors.academic',
  other: 'sectors.other',
} as const satisfies Record<Sector, CatalogKey>;

export function roleLabelKey(role: Role) {
  return roleKeys[role];
}

export function roleDescriptionKey(role: Role) {
  return roleDescriptionKeys[role];
}

/** A sector the app does not know yet reads as "other". */
export function sectorLabelKey(sector: string) {
  return (sectorKeys as Record<string, (typeof sectorKeys)[Sector]>)[sector] ?? sectorKeys.other;
}
