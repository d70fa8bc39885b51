/**
 * A worker thread of a `cmts kb977203` batch: each message is one input's bytes; the reply is its outcomes and the
 * bytes to write (see {@link ./kb977203-file.ts}). Anything an input throws becomes its failed outcome, so the thread
 * lives on for the next.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isHeapRefusal, setWorkAfterRead } from '../xml/heap-guard.js';
import { workAfterRead } from './work-after-read.js';
import { failedInput, type FileResult, type FileSettings, processBytes, toReply } from './kb977203-file.js';
import { ownBuffer } from './worker-pool.js';

/** One input for a worker. */
export interface FileTask {
  file: string;
  target: string | undefined;
  bytes: Uint8Array;
}

const settings = workerData as FileSettings;
// The command's own watch on the heap, as its main thread has it (see start-command.ts).
setWorkAfterRead(workAfterRead('kb977203'));
const port = parentPort;
port?.on('message', ({ task, message }: { task: number; message: FileTask }) => {
  let result: FileResult;
  try {
    result = processBytes(message.bytes, message.file, message.target, settings);
  } catch (e) {
    // Too large for this thread's bounded heap, not for the process's: the input is done in the process instead.
    // The bytes go back with it: the input may be a pipe, which cannot be read a second time.
    if (isHeapRefusal(e)) return port.postMessage({ task, reply: { outcomes: [], here: message.bytes } }, [message.bytes.buffer as ArrayBuffer]);
    result = { outcomes: [failedInput(message.file, e)] };
  }
  const reply = toReply(result);
  // The output is handed over rather than copied.
  const out = reply.out && ownBuffer(reply.out);
  if (out) reply.out = out.bytes;
  port.postMessage({ task, reply }, out ? [out.buffer] : []);
});
