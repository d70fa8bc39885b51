// `render --compare` takes two files, as `diff` does: a folder on either side is a usage error (2), not an input that
// could not be read (1); a glob is expanded as every other command expands it (cmts matches globs itself on
// Windows), and must name one file; and `-o <folder>` does not suggest --out-dir, which --compare refuses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

const REFRESH = readFileSync(new URL('../examples/refresh-2007.xml', import.meta.url));

describe('render --compare inputs', () => {
  it('a folder on either side is a usage error, status 2', async () => {
    for (const args of [['exports', 'b.xml'], ['a.xml', 'exports/'], ['exports', 'exports2']]) {
      const m = memoryIo({ 'a.xml': REFRESH, 'b.xml': REFRESH, 'exports/x.xml': REFRESH, 'exports2/x.xml': REFRESH });
      expect(await main(['render', '--compare', ...args], m.io)).toBe(2);
      expect(m.stderr).toMatch(/^cmts render: --compare takes two files: exports\/? is a folder/);
      expect(m.stderr).toMatch(/Run 'cmts render --help'/);
      expect(m.stderr).not.toMatch(/IO_ERROR/);
    }
  });

  it('a glob naming one file is that file; one naming several is a usage error', async () => {
    const m = memoryIo({ 'before-1.xml': REFRESH, 'after.xml': REFRESH });
    expect(await main(['render', '--compare', 'before*.xml', 'after.xml'], m.io)).toBe(0);
    expect(m.stdout).toMatch(/<!DOCTYPE html>/);
    const two = memoryIo({ 'before-1.xml': REFRESH, 'before-2.xml': REFRESH, 'after.xml': REFRESH });
    expect(await main(['render', '--compare', 'before*.xml', 'after.xml'], two.io)).toBe(2);
    expect(two.stderr).toMatch(/--compare takes one file a side: before\*\.xml matches 2 files\./);
    const none = memoryIo({ 'after.xml': REFRESH });
    expect(await main(['render', '--compare', 'nothing*.xml', 'after.xml'], none.io)).toBe(2);
    expect(none.stderr).toMatch(/nothing\*\.xml matches no input file/);
  });

  it('the same file on both sides is still compared (each side expanded apart)', async () => {
    const m = memoryIo({ 'a.xml': REFRESH });
    expect(await main(['render', '--compare', 'a.xml', 'a.xml'], m.io)).toBe(0);
  });

  it('-o <folder> with --compare does not point to --out-dir', async () => {
    const m = memoryIo({ 'a.xml': REFRESH, 'b.xml': REFRESH, 'adir/k.txt': 'x' });
    expect(await main(['render', '--compare', 'a.xml', 'b.xml', '-o', 'adir'], m.io)).toBe(2);
    expect(m.stderr).toMatch(/-o adir is a folder; give a file name\./);
    expect(m.stderr).not.toMatch(/--out-dir adir/);
    // Without --compare the hint stays.
    const r = memoryIo({ 'a.xml': REFRESH, 'adir/k.txt': 'x' });
    expect(await main(['render', 'a.xml', '-o', 'adir'], r.io)).toBe(2);
    expect(r.stderr).toMatch(/or use --out-dir adir/);
  });
});
