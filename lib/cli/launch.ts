/**
 * What the `cmts` process does around main(): the real streams and files, the exit status, standard output that could
 * not be written reported (see `std-stream.ts`), and a bug reported without a stack trace. Both launchers call it:
 * bin.ts (built by tsc) and the bundled one (dist/cli).
 */
import { signalTurn, stopOnSignalsWhileWriting } from './write-signals.js';
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
    async (code) => {
      process.exitCode = code;
      await exitOnceWritten(io);
    },
    async (e: unknown) => {
      process.exitCode = reportInternalError(e, io, argv[0] !== undefined && Object.hasOwn(COMMANDS, argv[0]) ? argv[0] : undefined);
      await exitOnceWritten(io);
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
async function exitOnceWritten(io: CliIo): Promise<void> {
  // A signal that came while the last file was written (one piece of JavaScript: see write-signals.ts) is taken in a
  // turn of the event loop, which an exit straight from here would never give: the run then ended with status 0 and
  // no word of the stop. Once a run has written a file, it takes that turn first, and a signal stops it there.
  const turn = signalTurn();
  if (turn) await turn;
  if (drained(io.stdout) && drained(io.stderr)) process.exit();
}
