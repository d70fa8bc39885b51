// Steps that share one name and all changed were paired in order, first with first: one removed before them was told
// as every field of each one after it changed (the command line, target and timeout of the next) and the last
// removed. They are now paired by how much of their content (command line, variables, condition, attributes) they
// share, within a window of 8 of them either way (lib/diff/match-items.ts): the diff says what happened.
import { describe, expect, it } from 'vitest';
import { diffTaskSequences, formatDiffEntry, readTaskSequence } from './helpers/api.js';

type Restart = [target: string, timeout: string, message: string];
const restart = ([target, timeout, message]: Restart) =>
  `<step type="SMS_TaskSequence_RebootAction" name="Restart Computer" description=""><action>smsboot.exe /target:${target}</action><defaultVarList><variable name="SMSRebootMessage" property="Message">${message}</variable><variable name="SMSRebootTimeout" property="MessageTimeout">${timeout}</variable><variable name="SMSRebootTarget" property="Target">${target}</variable></defaultVarList></step>`;
const sequence = (steps: Restart[]) => readTaskSequence(`<sequence version="3.10"><group name="G" description="">${steps.map(restart).join('')}</group></sequence>`);
const diff = (a: Restart[], b: Restart[]) => diffTaskSequences(sequence(a), sequence(b)).map(formatDiffEntry);

describe('steps of one name that all changed', () => {
  it('one removed before the others is that one removed, and each other one its own change', () => {
    expect(diff([['HD', '10', 'a'], ['WinPE', '20', 'b'], ['HD', '30', 'c']], [['WinPE', '20', 'b2'], ['HD', '30', 'c2']])).toEqual([
      // A change is placed where the step is now; a removed step where it was.
      '~ step G/Restart Computer (item 1.1) variable SMSRebootMessage: "b" → "b2"',
      '~ step G/Restart Computer (item 1.2) variable SMSRebootMessage: "c" → "c2"',
      '- step G/Restart Computer (item 1.1) (Restart Computer)',
    ]);
  });

  it('one added before the others is that one added, and each other one its own change', () => {
    expect(diff([['HD', '10', 'a'], ['WinPE', '20', 'b']], [['HD', '99', 'new'], ['HD', '10', 'a2'], ['WinPE', '20', 'b2']])).toEqual([
      '+ step G/Restart Computer (item 1.1) (Restart Computer)',
      '~ step G/Restart Computer (item 1.2) variable SMSRebootMessage: "a" → "a2"',
      '~ step G/Restart Computer (item 1.3) variable SMSRebootMessage: "b" → "b2"',
    ]);
  });

  it('among many, one removed in the middle is that one removed, each other one its own change', () => {
    const before: Restart[] = Array.from({ length: 40 }, (_, i) => [i % 3 ? 'HD' : 'WinPE', String(i), `m${i}`]);
    const after = before.filter((_, i) => i !== 20).map(([t, n, m]): Restart => [t, n, `${m}!`]);
    const d = diff(before, after);
    expect(d.filter((l) => !l.includes('SMSRebootMessage'))).toEqual(['- step G/Restart Computer (item 1.21) (Restart Computer)']);
    expect(d).toHaveLength(40);
  });

  it('with nothing to tell them apart, they are still paired in order', () => {
    expect(diff([['HD', '1', 'a'], ['HD', '1', 'a']], [['WinPE', '2', 'b'], ['WinPE', '2', 'b']]).filter((l) => l.includes('Timeout'))).toEqual([
      '~ step G/Restart Computer (item 1.1) variable SMSRebootTimeout: "1" → "2"',
      '~ step G/Restart Computer (item 1.2) variable SMSRebootTimeout: "1" → "2"',
    ]);
  });
});
