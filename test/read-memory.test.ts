// A document lets go of the bytes it was read from with itself. A WeakRef to them (an earlier design) kept every
// input alive until the end of the current job (ECMAScript AddToKeptObjects): a synchronous loop over 2,000 files
// of 100 KB held 196 MiB of inputs. Run in a child process with --expose-gc, on the built library, so the loop is one
// job and the figure is the process's own.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const LIB = pathToFileURL(join(import.meta.dirname, '..', 'dist', 'lib', 'index.js')).href;

describe('memory across many reads', () => {
  it('a synchronous loop reading and writing 200 inputs of 200 KB keeps none of them once they are dropped', () => {
    const script = `
      const { readTaskSequence, writeTaskSequence } = await import(${JSON.stringify(LIB)});
      const text = '<sequence version="3.00">' + '<step type="T" name="s"/>'.repeat(8000) + '</sequence>';
      let written = 0;
      for (let i = 0; i < 200; i++) written += writeTaskSequence(readTaskSequence(Buffer.from(text))).length;
      globalThis.gc();
      process.stdout.write(JSON.stringify({ arrayBuffers: process.memoryUsage().arrayBuffers, written, each: text.length }));
    `;
    const r = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const m = JSON.parse(r.stdout) as { arrayBuffers: number; written: number; each: number };
    expect(m.written).toBe(200 * m.each);
    // Holding them would be 200 × 200 KB = 40 MB; a few inputs' worth is allowance for buffers not yet collected.
    expect(m.arrayBuffers).toBeLessThan(5 * m.each);
  });
});
