// A file the run reads besides its inputs (transform --options, kb977203 --config) could be named as where a result or
// the --report goes: `cmts transform add-reference ts.xml --options ref.json -o ref.json` wrote the task sequence over
// the options file, status 0. It is now a usage error (status 2), like a target that is an input, and nothing is written.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliFiles } from './helpers/cli-files.js';
import { BIN } from './helpers/cli-process.js';

const REF = '{"packageId": "ABC00010"}';
const CONFIG = '{"certfixPackage": "ABC00010"}';
const files = cliFiles({ 'ts.xml': readFileSync(resolve('examples/refresh-2007.xml')), 'ref.json': REF, 'cfg.json': CONFIG });

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: files.at(), encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('no result is written over an options file', { timeout: 120_000 }, () => {
  it('transform -o naming its --options file (in another spelling too)', () => {
    for (const target of ['ref.json', './ref.json']) {
      const r = run(['transform', 'add-reference', 'ts.xml', '--options', 'ref.json', '-o', target]);
      expect(r.status, target).toBe(2);
      expect(r.stderr).toContain(`cmts transform: ${target} is the file of --options ref.json, which this run reads: cmts never writes a result over it.`);
      expect(readFileSync(files.at('ref.json'), 'utf8')).toBe(REF);
    }
  });

  it('kb977203 -o or --report naming its --config file; --json says so as a usage error', () => {
    const o = run(['kb977203', 'ts.xml', '--config', 'cfg.json', '-o', 'cfg.json']);
    expect(o.status).toBe(2);
    expect(o.stderr).toContain('cfg.json is the file of --config cfg.json, which this run reads');
    const report = run(['kb977203', 'ts.xml', '--config', 'cfg.json', '-o', 'out.xml', '--report', 'cfg.json', '--json']);
    expect(report.status).toBe(2);
    expect((JSON.parse(report.stdout) as { results: { error: { code: string; message: string } }[] }).results[0]?.error).toEqual({
      code: 'USAGE_ERROR',
      severity: 'error',
      message: '--report cfg.json is the file of --config cfg.json, which this run reads: cmts never writes a --report file over it.',
    });
    expect(readFileSync(files.at('cfg.json'), 'utf8')).toBe(CONFIG);
  });
});
