export * from './client.ts';
export { errorMessage } from './errors.ts';
export type * from './schemas.ts';
export { type Resource, useResource } from './useResource.ts';
