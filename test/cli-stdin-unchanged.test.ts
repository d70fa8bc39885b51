// `cmts kb977203 - -o -` and `cmts transform … - -o -` in a pipeline: standard input to standard output is never an
// in-place run, so an input with nothing to change is still printed, whole, as a file named on the command line is
// (an empty output file with status 0 after `… < ts.xml > out.xml` lost the sequence).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

const EXAMPLE = readFileSync(resolve('examples/refresh-2007.xml'));
const PATCH = ['--certfix-package', 'ABC00010'];

/** The example with KB977203 applied: nothing left to change. */
async function patched(): Promise<Buffer> {
  const m = memoryIo({ 'in.xml': EXAMPLE });
  expect(await main(['kb977203', 'in.xml', ...PATCH, '-o', '-'], m.io)).toBe(0);
  return Buffer.from(m.stdoutBytes);
}

describe('standard input to standard output with nothing to change', () => {
  it('kb977203 prints the input unchanged and says so, as for a named file', async () => {
    const input = await patched();
    const m = memoryIo({ '-': input });
    expect(await main(['kb977203', '-', ...PATCH, '-o', '-'], m.io)).toBe(0);
    expect(Buffer.from(m.stdoutBytes).equals(input)).toBe(true);
    expect(m.stderr).toContain('already in place; wrote an unchanged copy to -.');
  });

  it('transform prints the input unchanged', async () => {
    const input = await patched();
    const m = memoryIo({ '-': input, 'ref.json': '{"packageId": "ABC00010"}' });
    expect(await main(['transform', 'add-reference', '-', '--options', 'ref.json', '-o', '-'], m.io)).toBe(0);
    expect(Buffer.from(m.stdoutBytes).equals(input)).toBe(true);
  });
});
