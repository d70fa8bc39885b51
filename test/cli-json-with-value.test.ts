// `--json=true` (a flag given a value, as some scripts write every option) is a usage error; it was reported on
// standard error only, where every other usage error under --json is also printed as the command's JSON report.
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

describe('--json given a value', () => {
  for (const [command, args, summary] of [
    ['inspect', ['ts.xml'], { inputs: 0, sequences: 0, failed: 1 }],
    ['lint', ['ts.xml'], { inputs: 0, failed: 1, errors: 0, warnings: 0 }],
    ['transform', ['add-reference', 'ts.xml', '--options', 'ref.json', '--check'], { files: 0, changed: 0, failed: 1 }],
  ] as const) {
    it(`${command} --json=true: exit 2, the usage error as the JSON report too`, async () => {
      const r = await runCli([command, ...args, '--json=true']);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('--json takes no value.');
      const report = JSON.parse(r.stdout) as { results: { input: string; error: { code: string; message: string } }[]; summary: unknown };
      expect(report.results).toEqual([{ input: 'ts.xml', error: { code: 'USAGE_ERROR', severity: 'error', message: '--json takes no value.' } }]);
      expect(report.summary).toEqual(summary);
    });
  }

  it('after --, a word --json=x is an input, not the option', async () => {
    const r = await runCli(['inspect', '--', '--json=x']);
    expect(r.stdout).toBe('');
  });
});
