/**
 * What the `cmts` process does around main(): the pipe guard, the real streams and files, the exit status, and a bug
 * reported without a stack trace. Both launchers call it: bin.ts (built by tsc) and the bundled one (dist/cli).
 */
import { nodeIo } from './io.js';
import { reportInternalError } from './json-report.js';
import { main } from './main.js';

/** Runs the command line of this process. */
export function launch(): void {
  // A reader that stops early (`cmts inspect big.xml | head`) closes the pipe: stop writing, keep the exit status.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
      stream.destroy();
    });
  }
  const io = nodeIo();
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.exitCode = reportInternalError(e, io);
    },
  );
}
