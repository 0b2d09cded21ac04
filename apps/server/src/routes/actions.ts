import { involvesOrganisation } from '@accord/domain';
import { createTranslator } from '@accord/i18n';
import type { PartnershipRecord, Store } from '@accord/store';
import { type Context, Hono } from 'hono';
import { actionsCsv, type ExportNames } from '../actions/csv.ts';
import { actionsIcs } from '../actions/ics.ts';
import {
  type ActionView,
  actionViews,
  directoryOf,
  type PartnershipDirectory,
} from '../actions/views.ts';
import type { AppEnv } from '../env.ts';
import { requireDocument } from './document-access.ts';
import { requireMember } from './membership.ts';

function exportNames(
  directory: PartnershipDirectory,
  actions: readonly ActionView[],
  language: 'fr' | 'en',
): ExportNames {
  const t = createTranslator(language);
  const organisations = new Map(
    directory.participations.map((p) => [p.organisationId, p.organisation.name]),
  );
  const people = new Map(directory.members.map((m) => [m.personId, m.person.name]));
  const titles = new Map(actions.map((a) => [`${a.documentId}/${a.id}`, a.title]));
  return {
    organisation: (id) => organisations.get(id) ?? t('actions.unknownOrganisation'),
    person: (id) => people.get(id) ?? t('actions.removedPerson'),
    action: (documentId, id) => titles.get(`${documentId}/${id}`) || id,
  };
}

/** `Plan d’action 2027` → `plan-d-action-2027`: a file name that survives every system. */
function fileStem(title: string): string {
  const stem = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return stem || 'actions';
}

type Format = 'json' | 'csv' | 'ics';

function respond(
  c: Context<AppEnv>,
  format: Format,
  partnership: PartnershipRecord,
  title: string,
  actions: ActionView[],
  directory: PartnershipDirectory,
  extra: Record<string, unknown>,
) {
  const names = exportNames(directory, actions, partnership.language);
  const attachment = (ext: string) => `attachment; filename="${fileStem(title)}.${ext}"`;
  if (format === 'csv') {
    return c.body(actionsCsv(actions, partnership.language, names), 200, {
      'content-type': 'text/csv; charset=utf-8; header=present',
      'content-disposition': attachment('csv'),
    });
  }
  if (format === 'ics') {
    return c.body(actionsIcs(actions, { calendarName: title, names }), 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': attachment('ics'),
    });
  }
  return c.json({ ...extra, actions });
}

/**
 * The action index, read: a plan's actions (`/api/documents/:id/actions`) and "our commitments"
 * (`/api/partnerships/:id/commitments`: actions my organisation leads, commits to, or has people
 * on, across every plan of the partnership), each as JSON, CSV and iCalendar. Members only; for
 * anyone else the document or partnership does not exist (404).
 */
export function actionRoutes(deps: { store: Store }) {
  const { store } = deps;
  const documents = new Hono<AppEnv>();
  const partnerships = new Hono<AppEnv>();

  for (const [suffix, format] of [
    ['', 'json'],
    ['.csv', 'csv'],
    ['.ics', 'ics'],
  ] as const) {
    documents.get(`/:id/actions${suffix}`, async (c) => {
      const ctx = await requireDocument(c, store, 'document.view');
      if (ctx instanceof Response) return ctx;
      const [indexed, directory] = await Promise.all([
        store.listDocumentActions(ctx.document.id),
        directoryOf(store, ctx.partnership.id),
      ]);
      const actions = actionViews(indexed, [ctx.document], directory);
      return respond(c, format, ctx.partnership, ctx.document.title, actions, directory, {
        document: ctx.document,
      });
    });

    partnerships.get(`/:id/commitments${suffix}`, async (c) => {
      const ctx = await requireMember(c, store, c.req.param('id'), 'partnership.view');
      if (ctx instanceof Response) return ctx;
      const organisationId = ctx.auth.person.organisationId;
      const [indexed, directory, plans] = await Promise.all([
        store.listPartnershipActions(ctx.partnership.id),
        directoryOf(store, ctx.partnership.id),
        store.listDocuments(ctx.partnership.id),
      ]);
      const ourPeople = new Set(
        directory.members
          .filter((m) => m.person.organisationId === organisationId)
          .map((m) => m.personId),
      );
      const actions = actionViews(indexed, plans, directory).filter((action) =>
        involvesOrganisation(action, organisationId, ourPeople),
      );
      const t = createTranslator(ctx.partnership.language);
      return respond(
        c,
        format,
        ctx.partnership,
        `${t('actions.oursTitle')} — ${ctx.partnership.name}`,
        actions,
        directory,
        {
          organisationId,
        },
      );
    });
  }

  return { documents, partnerships };
}
