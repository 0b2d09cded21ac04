import type { ExportFormat, ExportMeta } from '@accord/export/files';
import type { Store } from '@accord/store';
import type { RenderJob } from './render-job.ts';

/**
 * What a render needs from the store, gathered on the server thread (the store is not shared
 * with the worker): the stored body as snapshot + log rows (merged in the worker), and the names
 * of the organisations and people the text refers to by id (actions), so an export shows names.
 * The draft exports and a final agreement's once-only render both build their jobs here.
 */
export async function storedRenderJob(
  store: Store,
  document: { id: string; partnershipId: string },
  format: ExportFormat,
  meta: ExportMeta,
): Promise<RenderJob> {
  const [body, participations, members] = await Promise.all([
    store.loadBody(document.id),
    store.listParticipations(document.partnershipId),
    store.listMembers(document.partnershipId),
  ]);
  const updates = body.snapshot ? [body.snapshot, ...body.updates] : body.updates;
  const names = {
    organisations: Object.fromEntries(
      participations.map((p) => [p.organisationId, p.organisation.name]),
    ),
    people: Object.fromEntries(
      members.flatMap((m) => (m.person.name ? [[m.personId, m.person.name]] : [])),
    ),
  };
  return { format, updates, meta, names };
}
