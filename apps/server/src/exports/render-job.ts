import {
  type ExportFormat,
  type ExportMeta,
  type RenderedExport,
  readExportTree,
  renderExport,
} from '@accord/export';
import { mergeUpdates } from 'yjs';

/** One export to render: the stored state and what to say about it. Structured-cloneable. */
export interface RenderJob {
  format: ExportFormat;
  /** The stored body as the store returns it: snapshot (if any), then the log rows after it. */
  updates: Uint8Array[];
  meta: ExportMeta;
  /** Names of the organisations and people the text refers to by id (actions), by id. */
  names?: { organisations: Record<string, string>; people: Record<string, string> };
}

/** The whole rendering, from stored bytes to file: runs in the export worker. */
export async function runRenderJob(job: RenderJob): Promise<RenderedExport> {
  // Merging is part of the work kept off the server's event loop.
  const state = job.updates.length === 1 ? job.updates[0] : mergeUpdates(job.updates);
  const names = job.names && {
    organisation: (id: string) => job.names?.organisations[id],
    person: (id: string) => job.names?.people[id],
  };
  const tree = readExportTree(state ?? new Uint8Array([0, 0]), {
    language: job.meta.language,
    names,
  });
  return renderExport(job.format, tree, job.meta);
}
