import { createTemplateState } from '@accord/editor';
import type { ExportMeta } from '@accord/export';
import { afterAll, describe, expect, it } from 'vitest';
import type { RenderJob } from './render-job.ts';
import { ExportBusyError, inProcessRenderer, workerRenderer } from './renderer.ts';

const meta: ExportMeta = {
  documentId: 'doc',
  title: 'Convention',
  language: 'fr',
  status: 'draft',
  generatedAt: new Date(Date.UTC(2026, 0, 1)),
};
const job = (format: RenderJob['format']): RenderJob => ({
  format,
  updates: [createTemplateState('agreement', { title: 'Convention' })],
  meta,
});

describe('workerRenderer', () => {
  const worker = workerRenderer({ maxQueued: 1 });
  afterAll(() => worker.close());

  it('renders in its thread exactly what the server would render in-process', async () => {
    const inThread = await worker.render(job('md'));
    const inProcess = await inProcessRenderer().render(job('md'));
    expect(inThread.fileName).toBe('Convention.md');
    expect(inThread.contentType).toBe('text/markdown; charset=utf-8');
    expect(new TextDecoder().decode(inThread.bytes)).toContain('# Convention');
    expect(inThread.bytes).toEqual(inProcess.bytes);
  });

  it('refuses a job beyond its queue instead of piling work up', async () => {
    const first = worker.render(job('html'));
    await expect(worker.render(job('html'))).rejects.toBeInstanceOf(ExportBusyError);
    expect((await first).bytes.byteLength).toBeGreaterThan(0);
  });

  it('fails a job whose state is not a Yjs update, and keeps serving', async () => {
    await expect(
      worker.render({ ...job('md'), updates: [new Uint8Array([1, 2, 3])] }),
    ).rejects.toThrow(/export failed/);
    expect((await worker.render(job('md'))).bytes.byteLength).toBeGreaterThan(0);
  });
});
