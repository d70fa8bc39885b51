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

// Parent links live in a WeakMap, and V8's young-generation collector holds a WeakMap entry's value (the parent)
// strongly whatever becomes of its key: one link into a tree kept the whole tree alive through every scavenge, to be
// copied and promoted, until the next full collection. The preset linked the two steps it inserts, so a batch spent
// half its time collecting trees long dead. Only a tree that is linked as a whole (many lookups) gets links now.
//
// The measure: the young generation has its full size from the start (--min-semi-space-size=16), and both loops run
// the preset once before they start, so what start-up promotes (compiled code, tables made on first use, trees caught
// while the young generation is still small and collected often) is the same in both. Without that, the difference
// between the loops was the timing of start-up, not the trees: on a loaded machine it went from -0.1 to 2.6 MB.
describe('young collections after edits', () => {
  /** Bytes promoted to the old generation by the scavenges of a loop of 500 runs of `body` (V8's --trace-gc-nvp). */
  const promoted = (body: string): number => {
    const script = `
      const { readTaskSequence, applyKb977203 } = await import(${JSON.stringify(LIB)});
      const bytes = (await import('node:fs')).readFileSync(${JSON.stringify(join(import.meta.dirname, '..', 'examples', 'refresh-2007.xml'))});
      let changes = applyKb977203(readTaskSequence(bytes), { certfixPackage: 'ABC00010' }).changes.length;
      for (let i = 0; i < 500; i++) { const doc = readTaskSequence(bytes); ${body} }
      process.stderr.write(String(changes));
    `;
    const flags = ['--min-semi-space-size=16', '--trace-gc-nvp', '--input-type=module'];
    const r = spawnSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    return [...r.stdout.matchAll(/ promoted=(\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
  };
  const apply = "changes += applyKb977203(doc, { certfixPackage: 'ABC00010' }).changes.length;";

  it('trees the preset edited and dropped die young, as trees only read do', () => {
    const readOnly = promoted('');
    const applied = promoted(apply);
    expect(readOnly).toBeGreaterThan(0);
    // 500 inputs of 4 KB: their trees held through scavenges were ~8.7 MB promoted beyond the read-only loop; now ~0.1.
    expect(applied - readOnly).toBeLessThan(1_000_000);
  });

  it('the measure sees a tree held through scavenges (each tree kept as a WeakMap value, the old fault)', () => {
    const readOnly = promoted('');
    const held = promoted(`${apply} (globalThis.links ??= new WeakMap()).set(doc, [doc]);`);
    expect(held - readOnly).toBeGreaterThan(4_000_000);
  });
});

// An element of no attributes (a third of a task sequence's: <action>, <defaultVarList>, <condition>…) has an
// attributes object of its own, made so that it is smaller than `{}`, which V8 makes with room for four properties:
// 24 bytes rather than 56, and so less than an object of one attribute (32). Measured as heap per element after a full
// collection, in a child process, on the built library.
describe('an element of no attributes', () => {
  it('costs less than one of one attribute', () => {
    const script = `
      const { readTaskSequence } = await import(${JSON.stringify(LIB)});
      const perElement = (b) => {
        globalThis.gc();
        const before = process.memoryUsage().heapUsed;
        const doc = readTaskSequence('<sequence version="3.00">' + b.repeat(100000) + '</sequence>');
        globalThis.gc();
        const used = process.memoryUsage().heapUsed - before;
        return doc.root.children.length === 100000 ? used / 100000 : NaN;
      };
      perElement('<b/>');
      const none = perElement('<b/>');
      const one = perElement('<b x="1"/>');
      const props = Object.getPrototypeOf(readTaskSequence('<sequence version="3.00"><b/></sequence>').root.children[0].attributes) === Object.prototype;
      process.stdout.write(JSON.stringify({ none, one, props }));
    `;
    const r = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const m = JSON.parse(r.stdout) as { none: number; one: number; props: boolean };
    // A plain object all the same.
    expect(m.props).toBe(true);
    expect(m.none).toBeLessThan(m.one - 4);
  });
});
