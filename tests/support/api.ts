import { apiJson, type TestSession } from './session.ts';

interface Partnership {
  id: string;
}
interface DocumentRecord {
  id: string;
  title: string;
}

/** Creates a fresh document in the session's first partnership, so each test has its own room. */
export async function createDocument(
  session: TestSession,
  kind: 'notes' | 'action-plan' | 'agreement' = 'notes',
): Promise<string> {
  const [partnership] = await apiJson<Partnership[]>(session, '/api/partnerships');
  if (!partnership) throw new Error('this person has no partnership: was the demo seeded?');
  const document = await apiJson<DocumentRecord>(
    session,
    `/api/partnerships/${partnership.id}/documents`,
    {
      method: 'POST',
      body: { title: `Test ${kind}`, kind },
    },
  );
  return document.id;
}
