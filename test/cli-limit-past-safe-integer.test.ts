// A read limit written as a positive whole number larger than a number holds exactly was refused as "not a positive
// whole number", which it is: the message now says how large the value may be.
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

describe('--max-bytes, --max-nodes, --max-depth past the largest exact number', () => {
  const huge = `${BigInt(Number.MAX_SAFE_INTEGER) + 1n}`;
  for (const option of ['--max-bytes', '--max-nodes', '--max-depth']) {
    it(`${option} ${huge} is a usage error that says the largest value taken`, async () => {
      const r = await runCli(['inspect', 'ts.xml', option, huge]);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`cmts inspect: ${option} takes a whole number from 1 to ${Number.MAX_SAFE_INTEGER}, not "${huge}".\nRun 'cmts inspect --help' for the options.\n`);
    });
  }

  it('the largest one is taken', async () => {
    const r = await runCli(['inspect', 'no-such-file.xml', '--max-bytes', `${Number.MAX_SAFE_INTEGER}`]);
    // Past the usage checks: the run reads its input, which is missing.
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('IO_ERROR');
  });
});
