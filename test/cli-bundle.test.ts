// The package's bin is the bundled command line (scripts/bundle-cli.mjs): a launcher that runs main() alone for
// --version and --help, and otherwise the whole CLI with V8's code cache. Both paths print the same, and the cache
// built with the package is one this Node accepts (a rejected cache still works, but starts slowly).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cmts, ensureBuilt } from './helpers/cli-process.js';

describe('the bundled command line', () => {
  it('prints the same main help from the options-only path (--help) and the whole CLI (help)', () => {
    const light = cmts(['--help']);
    const whole = cmts(['help']);
    expect(light.status).toBe(0);
    expect(whole.status).toBe(0);
    expect(light.stdout).toMatch(/^NAME\n    cmts - author ConfigMgr task sequences as files/);
    expect(whole.stdout).toBe(light.stdout);
    expect(cmts(['--version']).stdout.trim()).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
  });

  it('an unknown option on the options-only path is a usage error with a hint, as in the whole CLI', () => {
    const r = cmts(['--versoin']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown option --versoin\. Did you mean --version\?/i);
  });

  it('has a code cache this Node accepts, named in the launcher', () => {
    ensureBuilt();
    const dir = dirname(BIN);
    const cache = readdirSync(dir).find((f) => /^cli\.[0-9a-f]{16}\.cache$/.test(f));
    expect(cache).toBeDefined();
    expect(readFileSync(BIN, 'utf8')).toContain(cache);
    const script = `const { readFileSync } = require('node:fs'); const vm = require('node:vm'); const Module = require('node:module');
const file = ${JSON.stringify(join(dir, 'cli.cjs'))};
const s = new vm.Script(Module.wrap(readFileSync(file, 'latin1')), { filename: file, cachedData: readFileSync(${JSON.stringify(join(dir, cache ?? ''))}) });
process.stdout.write(String(s.cachedDataRejected));`;
    expect(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })).toBe('false');
  });
});
