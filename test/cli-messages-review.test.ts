// Messages found wrong by a review of the command line as scripts use it: an empty argument is a usage error that
// says so; build, which has no --out-dir, does not suggest it; a result cut short on standard output is not "wrote".
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

const TS = readFileSync(resolve('examples/refresh-2007.xml'));

describe('command-line messages', () => {
  it("an empty input argument ('') is a usage error naming it, for every command that takes inputs", async () => {
    for (const args of [['lint', ''], ['inspect', ''], ['kb977203', '', '--dry-run', '--certfix-package', 'ABC00010'], ['convert', '', '--to', 'json', '-o', 'x.json']]) {
      const m = memoryIo({ 'ts.xml': TS });
      expect(await main(args, m.io), args.join(' ')).toBe(2);
      expect(m.stderr, args.join(' ')).toMatch(/"" names no input file/);
    }
  });

  it('build, which writes one result, does not suggest --out-dir for -o <folder>', async () => {
    const m = memoryIo({ 'a.yaml': readFileSync(resolve('examples/osd-as-code.yaml')) });
    m.io.makeDir('out');
    expect(await main(['build', 'a.yaml', '-o', 'out/'], m.io)).toBe(2);
    expect(m.stderr).toMatch(/give a file name\.\n/);
    expect(m.stderr).not.toMatch(/--out-dir/);
    // convert has it, and suggests it.
    const c = memoryIo({ 'ts.xml': TS });
    expect(await main(['convert', 'ts.xml', '--to', 'json', '-o', 'out/'], c.io)).toBe(2);
    expect(c.stderr).toMatch(/or use --out-dir out\//);
  });

  it('a result whose reader went away is not reported as written', async () => {
    const m = memoryIo({ 'ts.xml': TS });
    m.io.stdout = Object.assign({ write: () => false }, { readerGone: true });
    await main(['kb977203', 'ts.xml', '-o', '-', '--certfix-package', 'ABC00010'], m.io);
    expect(m.stderr).toMatch(/standard output was closed before all of the result was written \(4 change\(s\)\)\./);
    expect(m.stderr).not.toMatch(/wrote standard output/);
    const whole = memoryIo({ 'ts.xml': TS });
    expect(await main(['kb977203', 'ts.xml', '-o', '-', '--certfix-package', 'ABC00010'], whole.io)).toBe(0);
    expect(whole.stderr).toMatch(/wrote standard output \(4 change\(s\)\)\./);
  });
});
