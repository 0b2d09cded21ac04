export * from './documents.ts';
export * from './ids.ts';
