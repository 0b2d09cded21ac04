import { startAccord } from './accord.ts';
import type { ServerOptions } from './options.ts';
import type { BenchServer, ServerKind } from './process.ts';
import { startReference } from './reference.ts';

export function startServer(kind: ServerKind, options: ServerOptions = {}): Promise<BenchServer> {
  return kind === 'accord' ? startAccord(options) : startReference(options);
}
