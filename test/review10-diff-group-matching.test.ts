import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { diffTaskSequences, formatDiffEntry, readTaskSequence } from './helpers/api.js';
import { memoryIo } from './helpers/memory-io.js';

const step = (name: string) => `<step type="SMS_TaskSequence_RunCommandLineAction" name="${name}" description=""><action>cmd /c ${name}</action></step>`;
const group = (name: string, steps: string) => `<group name="${name}" description="">${steps}</group>`;
const sequence = (body: string) => `<sequence version="3.10">${body}</sequence>`;
const lines = (a: string, b: string) => diffTaskSequences(readTaskSequence(a), readTaskSequence(b)).map(formatDiffEntry);

describe('a group is matched by the steps it holds before any group of like attributes', () => {
  it('one group removed and the next renamed: the removal and the rename, its steps unmoved', () => {
    const before = sequence(group('Prep', step('p1')) + group('Legacy', step('l1') + step('l2')) + group('Apps', step('a1') + step('a2') + step('a3')));
    const after = sequence(group('Prep', step('p1')) + group('Applications', step('a1') + step('a2') + step('a3')));
    expect(lines(before, after)).toEqual([
      '~ group Applications attribute name: "Apps" → "Applications"',
      '- group Legacy ("group")',
      '- step Legacy/l1 (Run Command Line)',
      '- step Legacy/l2 (Run Command Line)',
    ]);
  });

  it('a renamed group inside a renamed group, beside a removed one: both renames, nothing moved', () => {
    const before = sequence(group('Old', step('o1')) + group('Outer', group('Inner', step('i1') + step('i2')) + step('s')));
    const after = sequence(group('Outer 2', group('Inner 2', step('i1') + step('i2')) + step('s')));
    expect(lines(before, after)).toEqual([
      '~ group Outer 2 attribute name: "Outer" → "Outer 2"',
      '~ group Outer 2/Inner 2 attribute name: "Inner" → "Inner 2"',
      '- group Old ("group")',
      '- step Old/o1 (Run Command Line)',
    ]);
  });

  it('one group removed and another added, no step in common: a removal and an addition, not a rename and a move', () => {
    const before = sequence(group('Legacy', step('l1')) + group('Apps', step('a1') + step('a2')));
    const after = sequence(group('Apps', step('a1') + step('a2')) + group('New', step('n1')));
    expect(lines(before, after)).toEqual(['+ group New ("group")', '+ step New/n1 (Run Command Line)', '- group Legacy ("group")', '- step Legacy/l1 (Run Command Line)']);
  });

  it('an empty group renamed is still one rename', () => {
    const before = sequence(group('Empty', '') + step('s'));
    const after = sequence(group('Nothing yet', '') + step('s'));
    expect(lines(before, after)).toEqual(['~ group Nothing yet attribute name: "Empty" → "Nothing yet"']);
  });

  it('cmts diff prints the removal and the rename', async () => {
    const m = memoryIo({
      'a.xml': sequence(group('Legacy', step('l1')) + group('Apps', step('a1'))),
      'b.xml': sequence(group('Applications', step('a1'))),
    });
    expect(await main(['diff', 'a.xml', 'b.xml'], m.io)).toBe(1);
    expect(m.stdout).not.toContain('moved');
    expect(m.stdout).toContain('- group Legacy\n    - step l1 (Run Command Line)\n');
  });
});
