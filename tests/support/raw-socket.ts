import WebSocket from 'ws';

export type RawOutcome =
  | { kind: 'closed'; code: number; reason: string; frames: Uint8Array[] }
  | { kind: 'rejected'; status: number };

/**
 * Opens a raw socket (optional cookie, Origin), sends `frames` once open, and reports how it
 * ended: closed by the server with a code, or refused before the upgrade with an HTTP status.
 * With `keepOpenMs`, a socket still open after that long is closed by the test (code 1000).
 */
export function rawSocket(
  url: string,
  options: { cookie?: string; origin?: string; frames?: Uint8Array[]; keepOpenMs?: number } = {},
): Promise<RawOutcome> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (options.cookie) headers.cookie = options.cookie;
    const socket = new WebSocket(url, {
      headers,
      ...(options.origin && { origin: options.origin }),
    });
    const frames: Uint8Array[] = [];
    const timer = setTimeout(() => {
      if (options.keepOpenMs !== undefined) socket.close(1000);
      else reject(new Error('socket was not closed'));
    }, options.keepOpenMs ?? 10_000);
    socket.on('open', () => {
      for (const frame of options.frames ?? []) socket.send(frame);
    });
    socket.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
    socket.on('unexpected-response', (_request, response) => {
      clearTimeout(timer);
      resolve({ kind: 'rejected', status: response.statusCode ?? 0 });
      socket.terminate();
    });
    socket.on('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ kind: 'closed', code, reason: reason.toString(), frames });
    });
    socket.on('error', () => {});
  });
}
