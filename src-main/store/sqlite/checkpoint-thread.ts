/**
 * Checkpoints the store's write-ahead log on its own connection, in a worker thread: after a
 * burst the log holds hundreds of megabytes, and copying them would otherwise hold the main
 * thread (and the listener's answers) for about a second.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { checkpointLog } from './checkpoint.js';
import type { CheckpointReply, CheckpointThreadData } from './checkpoint-protocol.js';

const port = parentPort;
if (!port) throw new Error('checkpoint-thread runs as a worker thread');
const { file, nativeBinding } = workerData as CheckpointThreadData;
const db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
db.pragma('busy_timeout = 5000');

port.on('message', (request: { id: number } | 'close') => {
  if (request === 'close') {
    try {
      db.close();
    } finally {
      port.close();
    }
    return;
  }
  let reply: CheckpointReply;
  try {
    reply = { id: request.id, logPages: checkpointLog(db) };
  } catch (error) {
    reply = { id: request.id, error: (error as Error).message };
  }
  port.postMessage(reply);
});
