// Output names that differ only in letter case are one file on Windows and macOS, and are refused. They were compared
// with toLowerCase, which lowers a final capital sigma by its context (ΟΔΟΣ to οδος), so ΟΔΟΣ-1.html and οδοσ-1.html
// were both written, one over the other there. They are compared as Windows compares names now (caseKey).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

const example = readFileSync(resolve('examples', 'refresh-2007.xml'));
const exportZip = readFileSync(resolve('test/fixtures/kb977203-cli/parent-and-child-export.zip'));

describe('names that differ only by a final sigma are one name', () => {
  it('render --out-dir refuses two pages ΟΔΟΣ-1.html and οδοσ-1.html, writing nothing', async () => {
    const m = memoryIo({ 'a/ΟΔΟΣ 1.xml': example, 'b/οδοσ 1.xml': example });
    expect(await main(['render', 'a/ΟΔΟΣ 1.xml', 'b/οδοσ 1.xml', '--out-dir', 'out'], m.io)).toBe(2);
    expect(m.writes).toEqual([]);
  });

  it('so do the pages of two export archives named so', async () => {
    const m = memoryIo({ 'a/ΟΔΟΣ.zip': exportZip, 'b/οδοσ.zip': exportZip });
    expect(await main(['render', 'a/ΟΔΟΣ.zip', 'b/οδοσ.zip', '--out-dir', 'out'], m.io)).toBe(2);
    expect(m.writes).toEqual([]);
  });

  it('convert --out-dir refuses them too', async () => {
    const m = memoryIo({ 'a/ΟΔΟΣ 1.xml': example, 'b/οδοσ 1.xml': example });
    expect(await main(['convert', 'a/ΟΔΟΣ 1.xml', 'b/οδοσ 1.xml', '--to', 'json', '--out-dir', 'out'], m.io)).toBe(2);
    expect(m.writes).toEqual([]);
  });
});
