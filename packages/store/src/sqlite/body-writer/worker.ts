import { parentPort, workerData } from 'node:worker_threads';
import { SqliteBodyLog } from '../body-log.ts';
import { connectDatabase } from '../open.ts';
import {
  type BodyWriterData,
  type BodyWriterReply,
  type BodyWriterRequest,
  READY_REPLY_ID,
} from './messages.ts';

/**
 * The worker thread's side: its own connection to the (already migrated) file, and the same
 * SqliteBodyLog the store reads with, used here only to write. Requests run one at a time, in the
 * order they were posted; each reply is sent after its transaction committed (or failed).
 */
const port = parentPort;
if (!port) throw new Error('the body writer runs in a worker thread');
const db = connectDatabase(workerData as BodyWriterData);
const log = new SqliteBodyLog(db);
port.postMessage({ id: READY_REPLY_ID, ok: true, value: undefined } satisfies BodyWriterReply);

port.on('message', (request: BodyWriterRequest) => {
  let reply: BodyWriterReply;
  try {
    if (request.op === 'close') {
      db.close();
      reply = { id: request.id, ok: true, value: undefined };
    } else if (request.op === 'append') {
      reply = { id: request.id, ok: true, value: log.append(request.rows) };
    } else {
      log.compact(request.documentId, request.state, request.uptoSeq);
      reply = { id: request.id, ok: true, value: undefined };
    }
  } catch (error) {
    const { name, message, code } = error as { name?: string; message?: string; code?: unknown };
    reply = {
      id: request.id,
      ok: false,
      error: {
        name: name ?? 'Error',
        message: message ?? String(error),
        code: typeof code === 'string' ? code : undefined,
      },
    };
  }
  port.postMessage(reply);
  if (request.op === 'close') port.close();
});
