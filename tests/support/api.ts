import { fetchJson } from './clients.ts';

interface Partnership {
  id: string;
}
interface DocumentRecord {
  id: string;
  title: string;
}

/** Creates a fresh document in the server's demo partnership, so each test has its own room. */
export async function createDocument(
  baseUrl: string,
  kind: 'notes' | 'action-plan' | 'agreement' = 'notes',
): Promise<string> {
  const [partnership] = await fetchJson<Partnership[]>(`${baseUrl}/api/partnerships`);
  if (!partnership) throw new Error('the server has no partnership: was the demo seeded?');
  const document = await fetchJson<DocumentRecord>(
    `${baseUrl}/api/partnerships/${partnership.id}/documents`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: `Test ${kind}`, kind }),
    },
  );
  return document.id;
}
