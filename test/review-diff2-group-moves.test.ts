import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { renderComparison } from '../lib/render/render-sequence.js';
import { diffTaskSequences, formatDiffEntry, readTaskSequence, validatorFor } from './helpers/api.js';
import { memoryIo } from './helpers/memory-io.js';

const step = (name: string) => `<step type="SMS_TaskSequence_RunCommandLineAction" name="${name}" description=""><action>cmd /c ${name}</action></step>`;
const group = (steps: string) => `<group name="Install" description="">${steps}</group>`;
// x moves from the first "Install" group (item 1) to the second (item 2): its path is Install/x before and after.
const before = `<sequence version="3.10">${group(step('a') + step('x'))}${group(step('b'))}</sequence>`;
const after = `<sequence version="3.10">${group(step('a'))}${group(step('b') + step('x'))}</sequence>`;

describe('a step moved between two groups of one name says where it went', () => {
  it('the entry carries the old and new positions, and the line says it left its group', () => {
    const entries = diffTaskSequences(readTaskSequence(before), readTaskSequence(after));
    expect(entries).toEqual([{ change: 'moved', kind: 'step', path: 'Install/x', from: 'Install/x', position: '2.2', fromPosition: '1.2' }]);
    expect(entries.map(formatDiffEntry)).toEqual(['> step Install/x (moved to another group of the same name: from item 1.2 to item 2.2)']);
  });

  it('a move within its group is still told as one, with no positions', () => {
    const reordered = `<sequence version="3.10">${group(step('x') + step('a'))}${group(step('b'))}</sequence>`;
    const entries = diffTaskSequences(readTaskSequence(before), readTaskSequence(reordered));
    expect(entries.map(formatDiffEntry)).toEqual([expect.stringMatching(/^> step Install\/[ax] \(moved within its group\)$/) as string]);
    expect(entries.some((e) => e.position !== undefined)).toBe(false);
  });

  it('cmts diff prints it so, and its --json report is valid', async () => {
    const m = memoryIo({ 'a.xml': before, 'b.xml': after });
    expect(await main(['diff', 'a.xml', 'b.xml'], m.io)).toBe(1);
    expect(m.stdout).toContain('> step Install/x (moved to another group of the same name: from item 1.2 to item 2.2)\n');
    const j = memoryIo({ 'a.xml': before, 'b.xml': after });
    expect(await main(['diff', 'a.xml', 'b.xml', '--json'], j.io)).toBe(1);
    expect(validatorFor('diff.report.schema.json')(JSON.parse(j.stdout))).toBe(true);
  });

  it('the comparison page says which item it came from', () => {
    expect(renderComparison(readTaskSequence(before), readTaskSequence(after), { format: 'md' })).toContain('from Install/x (item 1.2)');
  });
});
