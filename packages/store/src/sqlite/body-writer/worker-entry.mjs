// Entry of the body writer's worker thread. The store is TypeScript run through tsx, and a worker
// thread does not get the parent's loader hooks (not even with `node --import tsx`, whose flag it
// inherits), so it registers tsx itself before loading worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
