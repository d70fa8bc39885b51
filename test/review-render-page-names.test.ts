import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

const example = readFileSync(resolve('examples', 'refresh-2007.xml'));
const exportZip = readFileSync(resolve('test/fixtures/kb977203-cli/parent-and-child-export.zip'));

// A page is named after its file, and an export .zip's part after the file and the part: a ! in a file or folder
// name (allowed on Windows and Linux) is part of the name, not the start of a part of an archive.
describe('cmts render --out-dir names a page after its file when a name holds a !', () => {
  it('a ! in a file name', async () => {
    const m = memoryIo({ 'in/Win11 !NEW.xml': example, 'in/old!v2.xml': example });
    expect(await main(['render', 'in', '--out-dir', 'out'], m.io)).toBe(0);
    expect(m.writes.sort()).toEqual(['out/Win11-NEW.html', 'out/index.html', 'out/old-v2.html']);
  });

  it('a ! in a folder name', async () => {
    const m = memoryIo({ 'old!exports/a.xml': example, 'old!exports/b.xml': example });
    expect(await main(['render', 'old!exports', '--out-dir', 'out', '--format', 'md'], m.io)).toBe(0);
    expect(m.writes.sort()).toEqual(['out/a.md', 'out/b.md', 'out/index.md']);
  });

  it('the parts of an export .zip in such a folder keep their part names', async () => {
    const m = memoryIo({ 'old!exports/ts.zip': exportZip });
    expect(await main(['render', 'old!exports/ts.zip', '--out-dir', 'out'], m.io)).toBe(0);
    expect(m.writes.sort()).toEqual(['out/index.html', 'out/ts-CM100031.html', 'out/ts-CM100032.html']);
  });
});

describe('cmts render --out-dir names a page after a file named in any script', () => {
  it('two exports named in Cyrillic get a page each, named after them, not one name for both (status 2)', async () => {
    const m = memoryIo({ 'in/Развертывание.xml': example, 'in/Установка Windows.xml': example, 'in/Déploiement.xml': example });
    expect(await main(['render', 'in', '--out-dir', 'out'], m.io)).toBe(0);
    expect(m.writes.sort()).toEqual(['out/Déploiement.html', 'out/index.html', 'out/Развертывание.html', 'out/Установка-Windows.html']);
    const index = Buffer.from(m.fs.get('out/index.html') as Uint8Array).toString('utf8');
    expect(index).toContain(`<a href="${encodeURI('Развертывание.html')}" dir="auto">`);
  });
});
