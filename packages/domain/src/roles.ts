export const roles = ['facilitator', 'editor', 'commenter', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const sectors = [
  'public-agency',
  'company',
  'non-profit',
  'social-service',
  'community-group',
  'academic',
  'other',
] as const;
export type Sector = (typeof sectors)[number];
