// `cmts help` given more than one word is a usage error of the command line: with --json it is the envelope every
// usage error prints (it printed nothing on standard output), and it points to the help as the others do.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

describe('cmts help with more than one word', () => {
  it('exit 2, the message and a pointer to --help on standard error', async () => {
    const m = memoryIo();
    expect(await main(['help', 'lint', 'inspect'], m.io)).toBe(2);
    expect(m.stderr).toBe("cmts: help takes one command, not 2 words.\nRun 'cmts --help' for the commands.\n");
    expect(m.stdout).toBe('');
  });

  it('with --json, the usage error as the JSON envelope', async () => {
    const m = memoryIo();
    expect(await main(['help', 'lint', '--json'], m.io)).toBe(2);
    expect(JSON.parse(m.stdout)).toEqual({ results: [{ input: '', error: { code: 'USAGE_ERROR', severity: 'error', message: 'help takes one command, not 2 words.' } }], summary: { failed: 1 } });
  });
});
