// Standard input named twice, as the options file and as an input (`--options - … -`, `--config - … -`): the options
// were read from it, and then the input failed as INVALID_ARGUMENT "Standard input (-) can be read only once."
// (status 1, as if the input were bad). A command line that cannot work is a usage error (status 2), before reading.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliFiles } from './helpers/cli-files.js';
import { BIN } from './helpers/cli-process.js';

const files = cliFiles({ 'ts.xml': readFileSync(resolve('examples/refresh-2007.xml')) });

function run(args: string[], input: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: files.at(), input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('standard input as both the options file and an input', { timeout: 120_000 }, () => {
  it('transform --options - with the input -: a usage error naming both', () => {
    const r = run(['transform', 'add-reference', '-', '--options', '-', '-o', 'out.xml'], '{"packageId": "ABC00010"}');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('cmts transform: --options - and the input - both name standard input, which is read once: give one of them as a file.');
    expect(r.stderr).not.toContain('INVALID_ARGUMENT');
  });

  it('kb977203 --config - with the input -: a usage error, as the --json report too', () => {
    const r = run(['kb977203', '-', '--config', '-', '-o', 'out.xml', '--json'], '{"certfixPackage": "ABC00010"}');
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout) as { results: { error: { code: string; message: string } }[] };
    expect(report.results.map((x) => x.error.code)).toEqual(['USAGE_ERROR']);
    expect(report.results[0]?.error.message).toMatch(/^--config - and the input - both name standard input/);
  });

  it('either one alone still reads standard input', () => {
    const options = run(['transform', 'add-reference', 'ts.xml', '--options', '-', '--check'], '{"packageId": "ABC00010"}');
    expect(options.status).toBe(0);
    expect(options.stderr).toContain('add-reference on ts.xml');
    const config = run(['kb977203', 'ts.xml', '--config', '-', '--dry-run'], '{"certfixPackage": "ABC00010"}');
    expect(config.status).toBe(0);
    expect(config.stdout).toContain('CCMCertFix');
  });
});
