// Items of one path and one content are aligned as a whole before they are matched in turn: matched k-th with k-th,
// a step removed from Restart Computer steps that alternate between two targets paired each later step of its target
// with the next one, and the diff reported half of those after it moved and the last one removed.
import { describe, expect, it } from 'vitest';
import { diffTaskSequences } from '../lib/diff/semantic-diff.js';
import { readTaskSequence } from './helpers/api.js';

const restart = (target: string) =>
  `<step type="SMS_TaskSequence_RebootAction" name="Restart Computer"><action>smsboot.exe /target:${target}</action><defaultVarList><variable name="SMSRebootTarget" property="Target">${target}</variable></defaultVarList></step>`;
const sequence = (targets: string[]) => readTaskSequence(`<sequence version="3.10"><group name="G">${targets.map(restart).join('')}</group></sequence>`);
const alternating = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? 'HD' : 'WinPE'));

describe('steps of one name that alternate between two contents', () => {
  it('one removed is that one removed, nothing moved', () => {
    expect(diffTaskSequences(sequence(alternating(4)), sequence(alternating(4).slice(1)))).toEqual([
      { change: 'removed', kind: 'step', path: 'G/Restart Computer', at: '1.1', before: 'Restart Computer' },
    ]);
  });

  it('two removed far apart among 300 are those two removed', () => {
    const before = alternating(300);
    const after = before.filter((_, i) => i !== 100 && i !== 201);
    expect(diffTaskSequences(sequence(before), sequence(after))).toEqual([
      { change: 'removed', kind: 'step', path: 'G/Restart Computer', at: '1.101', before: 'Restart Computer' },
      { change: 'removed', kind: 'step', path: 'G/Restart Computer', at: '1.202', before: 'Restart Computer' },
    ]);
  });

  it('one added and one moved are each one entry', () => {
    const before = alternating(200);
    const added = [...before.slice(0, 50), 'WinPE', ...before.slice(50)];
    // Beside another WinPE step: either of the two is the one added.
    const entries = diffTaskSequences(sequence(before), sequence(added));
    expect(entries).toEqual([{ change: 'added', kind: 'step', path: 'G/Restart Computer', at: expect.stringMatching(/^1\.5[12]$/), after: 'Restart Computer' }]);
    // The first step (WinPE) moved to the end, after the last (HD).
    const moved = diffTaskSequences(sequence(before), sequence([...before.slice(1), 'WinPE']));
    expect(moved.map((d) => d.change)).toEqual(['moved']);
  });
});
