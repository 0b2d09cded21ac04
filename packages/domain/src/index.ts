export * from './accounts.ts';
export * from './comment-inputs.ts';
export * from './comment-records.ts';
export * from './comment-rules.ts';
export * from './documents.ts';
export * from './ids.ts';
export * from './permissions.ts';
export type * from './records.ts';
export * from './roles.ts';
