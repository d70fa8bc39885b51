/**
 * What the `cmts` process does around main(): the real streams and files, the exit status, standard output that could
 * not be written reported (see `std-stream.ts`), and a bug reported without a stack trace. Both launchers call it:
 * bin.ts (built by tsc) and the bundled one (dist/cli).
 */
import { stopOnSignalsWhileWriting } from './write-signals.js';
import { type CliIo, nodeIo, removeEmptyFoldersMade } from './io.js';
import { reportInternalError } from './json-report.js';
import { COMMANDS, main } from './main.js';
import { drained, settleStandardStreams } from './std-stream.js';

/** Runs the command line of this process. */
export function launch(): void {
  const argv = process.argv.slice(2);
  const io = nodeIo();
  // SIGINT, SIGTERM and SIGHUP stop the run without a temporary file left, once it writes (see atomic-write.ts).
  stopOnSignalsWhileWriting();
  // A write to a terminal can fail after main() has returned (Node's stream writes it later): the status is settled
  // as the process exits, when every write has been made.
  process.once('exit', (code) => {
    process.exitCode = settleStandardStreams(io.stdout, io.stderr, code, argv[0] !== undefined && Object.hasOwn(COMMANDS, argv[0]) ? argv[0] : undefined);
    // A run that failed leaves no empty --out-dir it made: nothing is written on failure, a folder neither.
    if (process.exitCode !== 0) removeEmptyFoldersMade();
  });
  main(argv, io).then(
    (code) => {
      process.exitCode = code;
      exitOnceWritten(io);
    },
    (e: unknown) => {
      process.exitCode = reportInternalError(e, io, argv[0] !== undefined && Object.hasOwn(COMMANDS, argv[0]) ? argv[0] : undefined);
      exitOnceWritten(io);
    },
  );
}

/**
 * Ends the process as soon as the run is over, when nothing it wrote is still waiting to go out: the status is then
 * settled by the 'exit' handler above, as it would be at a natural end. Left to end by itself, Node first waits for
 * V8's background work (code the optimising compiler is still compiling, which nothing will run any more): 6-20 ms
 * of a 100 KB `kb977203 --dry-run`, a sixth of its time above `node -e 0`. Standard output and error are written
 * synchronously unless they are a terminal written through Node's stream (see `std-stream.ts`); one of those with
 * bytes still queued (a terminal that does not keep up, or Windows) is left to end by itself, so nothing is cut off.
 */
function exitOnceWritten(io: CliIo): void {
  if (drained(io.stdout) && drained(io.stderr)) process.exit();
}
