// The command line run in-process with the real file system, what it printed on each stream captured as text.
import type { CliIo } from '../../lib/cli/io.js';
import { nodeIo } from '../../lib/cli/io.js';
import { main } from '../../lib/cli/main.js';

/** What a run printed, and its exit status. */
export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `cmts <argv>` in this process; standard output and error are captured, files are real. */
export async function runCli(argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const text = (c: string | Uint8Array) => (typeof c === 'string' ? c : Buffer.from(c).toString('utf8'));
  const io: CliIo = { ...nodeIo(), stdout: { write: (c: string | Uint8Array) => (stdout += text(c)) }, stderr: { write: (c: string | Uint8Array) => (stderr += text(c)) } };
  return { status: await main(argv, io), stdout, stderr };
}
