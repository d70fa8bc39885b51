// Items of one name in one group (twenty "Restart Computer" steps) share a path: a difference about one of them names
// it by its position too, in the text and in --json, so a reader can tell which (found by a review of cmts diff).
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { diffTaskSequences, formatDiffEntry } from '../lib/api/diff.js';
import { readTaskSequence } from './helpers/api.js';
import { memoryIo } from './helpers/memory-io.js';

const A = '<sequence version="3.00">\n  <step type="T" name="Run" description="1"/>\n  <step type="T" name="Run" description="2"/>\n  <step type="T" name="X"/>\n</sequence>\n';
const B = '<sequence version="3.00">\n  <step type="T" name="Run" description="1"/>\n  <step type="T" name="X"/>\n  <step type="T" name="Run" description="3"/>\n  <step type="T" name="Run" description="4"/>\n</sequence>\n';

describe('a difference about one of several items of one path', () => {
  it('gives its position (in b; in a for a removal), and none for an item whose path is its own', () => {
    const entries = diffTaskSequences(readTaskSequence(A), readTaskSequence(B));
    const about = entries.map((d) => [d.change, d.path, d.at, d.field ?? '']);
    expect(about).toContainEqual(['changed', 'Run', '3', 'attribute description']);
    expect(about).toContainEqual(['added', 'Run', '4', '']);
    expect(entries.map(formatDiffEntry)).toContain('~ step Run (item 3) attribute description: "2" → "3"');
    const removed = diffTaskSequences(readTaskSequence(B), readTaskSequence('<sequence version="3.00">\n  <step type="T" name="X"/>\n</sequence>\n'));
    expect(removed.filter((d) => d.change === 'removed').map((d) => d.at)).toEqual(['1', '3', '4']);
    // An item alone on its path is named by its path only.
    const single = diffTaskSequences(readTaskSequence(A), readTaskSequence(A.replace('name="X"', 'name="X" description="d"')));
    expect(single.map((d) => [d.path, d.at])).toEqual([['X', undefined]]);
  });

  it('prints it in the command\'s text and --json', async () => {
    const m = memoryIo({ 'a.xml': A, 'b.xml': B });
    expect(await main(['diff', 'a.xml', 'b.xml'], m.io)).toBe(1);
    expect(m.stdout).toContain('~ step Run (item 3) attribute description:\n    - 2\n    + 3');
    expect(m.stdout).toContain('+ step Run (item 4)');
    const j = memoryIo({ 'a.xml': A, 'b.xml': B });
    await main(['diff', 'a.xml', 'b.xml', '--json'], j.io);
    const json = JSON.parse(j.stdout) as { results: { differences: { at?: string; change: string }[] }[] };
    expect(json.results[0]?.differences.filter((d) => d.change === 'added').map((d) => d.at)).toEqual(['4']);
  });
});
