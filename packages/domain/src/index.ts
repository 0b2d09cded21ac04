export * from './accounts.ts';
export * from './documents.ts';
export * from './ids.ts';
export * from './permissions.ts';
export type * from './records.ts';
export * from './roles.ts';
