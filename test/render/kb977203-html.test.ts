import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../lib/cli/main.js';
import { memoryIo } from '../helpers/memory-io.js';

const example = (f: string) => readFileSync(resolve('examples', f));
const text = (m: ReturnType<typeof memoryIo>, path: string) => Buffer.from(m.fs.get(path) ?? new Uint8Array()).toString('utf8');

describe('cmts kb977203 --html', () => {
  it('with --dry-run writes only the review page: the patched sequence with its changes highlighted', async () => {
    const m = memoryIo({ 'ts.xml': example('refresh-2007.xml') });
    expect(await main(['kb977203', 'ts.xml', '--dry-run', '--html', 'review.html', '--certfix-package', 'ABC00010'], m.io)).toBe(0);
    expect(m.writes).toEqual(['review.html']);
    const html = text(m, 'review.html');
    expect(html).toContain('<dt>source</dt><dd dir="auto">ts.xml with KB977203 (dry run)</dd>');
    expect(html).toContain('<span class="badge added">2 added</span> <span class="badge removed">0 removed</span> <span class="badge changed">1 changed</span>');
    expect(html).toMatch(/<li class="item step added"[^>]*><div class="head"><span class="num">2\.3<\/span> <span class="name" dir="auto">Run CCMCertFix \(KB977203\)<\/span>/);
    expect(html).toContain('~ property DependentProgram: &quot;&quot; → &quot;<bdi>ABC00010;;CCMCertFix</bdi>&quot;');
    // The diff on standard output is still there.
    expect(m.stdout).toContain('+++ b/ts.xml');
  });

  it('with -o writes the result and the page; a refused run writes neither', async () => {
    const m = memoryIo({ 'ts.xml': example('refresh-2007.xml') });
    expect(await main(['kb977203', 'ts.xml', '-o', 'out.xml', '--html', 'review.html', '--certfix-package', 'ABC00010'], m.io)).toBe(0);
    // The page first: one that cannot be made or written leaves the result unwritten (cli-output-conflicts.test.ts).
    expect(m.writes).toEqual(['review.html', 'out.xml']);
    const refused = memoryIo({ 'ts.xml': example('refresh-2007.xml') });
    // A package ID the preset refuses is a usage error now (exit 2), said before anything is read or written.
    expect(await main(['kb977203', 'ts.xml', '-o', 'out.xml', '--html', 'review.html', '--certfix-package', 'abc00010'], refused.io)).toBe(2);
    expect(refused.writes).toEqual([]);
  });

  it('an unreadable input fails with status 1 and writes no page', async () => {
    const m = memoryIo({ 'ts.xml': '<sequence><step' });
    expect(await main(['kb977203', 'ts.xml', '--dry-run', '--html', 'review.html', '--certfix-package', 'ABC00010'], m.io)).toBe(1);
    expect(m.writes).toEqual([]);
  });

  it('takes one input: several are a usage error', async () => {
    const m = memoryIo({ 'a.xml': example('refresh-2007.xml'), 'b.xml': example('refresh-2007.xml') });
    expect(await main(['kb977203', 'a.xml', 'b.xml', '--dry-run', '--html', 'r.html', '--certfix-package', 'ABC00010'], m.io)).toBe(2);
    expect(m.writes).toEqual([]);
  });
});
