// What OPTIONS_INVALID shows of an options file (--options, --config). Before, a value that broke a pattern, an
// unknown property's name and a path segment were quoted whole: a file's text pasted where a package ID goes, or a
// password, was printed in full (and an escape sequence in it reached the terminal through --json consumers). Now each
// is shown as a usage error shows a value: quoted, control characters escaped, cut after 40 characters with its length.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SHOWN_VALUE_CHARS, shownValue } from '../lib/cli/args.js';
import { describeErrors } from '../lib/assert-valid.js';
import { runCli } from './helpers/run-cli.js';

const run = runCli;

const STEP = '<step type="SMS_TaskSequence_RunCommandLineAction" name="s"><action>cmd</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd</variable></defaultVarList></step>';

const dir = mkdtempSync(join(tmpdir(), 'cmts-review7-options-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('OPTIONS_INVALID shows a long value from the options file cut, as a usage error does', () => {
  const LONG = `${'X'.repeat(5000)}\u001b[31m-tail`;
  const input = file('ts.xml', `<sequence version="3.00">${STEP}</sequence>`);

  for (const [label, options] of [
    ['a value that breaks a pattern', { packageId: LONG }],
    ['an unknown property', { packageId: 'ABC00001', [LONG]: 1 }],
  ] as const) {
    it(`${label}: cut after SHOWN_VALUE_CHARS characters with its length, on standard error and in --json`, async () => {
      const r = await run(['transform', 'add-reference', input, '--options', file('o.json', JSON.stringify(options)), '--check', '--json']);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('OPTIONS_INVALID');
      expect(r.stderr).toContain(`${'X'.repeat(SHOWN_VALUE_CHARS)}…`);
      expect(r.stderr).toContain(`(${LONG.length} characters)`);
      expect(r.stderr + r.stdout).not.toContain('-tail');
      expect(r.stderr.length).toBeLessThan(1000);
      const report = JSON.parse(r.stdout) as { results: { error: { code: string; message: string } }[] };
      expect(report.results[0]?.error.code).toBe('OPTIONS_INVALID');
      expect(report.results[0]?.error.message).toContain(`(${LONG.length} characters)`);
    });
  }

  it('describeErrors cuts a long key in the path as well', () => {
    const [problem] = describeErrors([{ instancePath: `/properties/${LONG}`, schemaPath: '#/type', keyword: 'type', params: { type: 'string' }, message: 'must be string' }]);
    expect(problem).toBe(`properties.${shownValue(LONG, '"')}: must be string`);
    expect(problem).not.toContain('-tail');
  });

  it('cmts kb977203 --config: the same', async () => {
    const r = await run(['kb977203', input, '--certfix-package', 'ABC00010', '--dry-run', '--config', file('k.json', JSON.stringify({ clientPackage: LONG }))]);
    expect(r.stderr).toContain('OPTIONS_INVALID');
    expect(r.stderr).toContain(`(${LONG.length} characters)`);
    expect(r.stderr).not.toContain('-tail');
  });
});
