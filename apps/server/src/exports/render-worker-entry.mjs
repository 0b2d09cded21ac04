// The export worker's entry. Workspace packages are TypeScript source: register tsx's loader in
// this thread (the server's own `--import tsx` is not passed to workers, and vitest's loader
// never is), then load the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
