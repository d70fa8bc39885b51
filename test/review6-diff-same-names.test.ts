// Steps that share a path (twenty "Restart Computer" steps in one group) were matched by path in order before their
// content was looked at: a step inserted among them was told as a change to each one after it and the last added,
// one removed as changes and the last removed, and a swap of two as two changes. Items of one path and the same
// content are now matched first, so the diff says what happened: one added, one removed, one moved; and which one, by
// its position (the path alone names all of them).
import { describe, expect, it } from 'vitest';
import { diffTaskSequences, formatDiffEntry, readTaskSequence } from './helpers/api.js';

const restart = (timeout: string) =>
  `<step type="SMS_TaskSequence_RebootAction" name="Restart Computer" description=""><action>smsboot.exe /target:HD</action><defaultVarList><variable name="SMSRebootTimeout" property="MessageTimeout">${timeout}</variable></defaultVarList></step>`;
const group = (timeouts: string[]) => readTaskSequence(`<sequence version="3.10"><group name="G" description="">${timeouts.map(restart).join('')}</group></sequence>`);
const diff = (a: string[], b: string[]) => diffTaskSequences(group(a), group(b)).map(formatDiffEntry);

describe('the diff of steps that share a path', () => {
  it('one inserted before the others is one step added', () => {
    expect(diff(['1', '2', '3'], ['0', '1', '2', '3'])).toEqual(['+ step G/Restart Computer (item 1.1) (Restart Computer)']);
  });

  it('the first removed is one step removed', () => {
    expect(diff(['1', '2', '3'], ['2', '3'])).toEqual(['- step G/Restart Computer (item 1.1) (Restart Computer)']);
  });

  it('two swapped is one move, and the first moved last is one move', () => {
    expect(diff(['1', '2'], ['2', '1'])).toEqual(['> step G/Restart Computer (item 1.2) (moved within its group)']);
    expect(diff(['1', '2', '3'], ['2', '3', '1'])).toEqual(['> step G/Restart Computer (item 1.3) (moved within its group)']);
  });

  it('one changed is still that one changed, in its place', () => {
    expect(diff(['1', '2', '3'], ['1', '5', '3'])).toEqual(['~ step G/Restart Computer (item 1.2) variable SMSRebootTimeout: "2" → "5"']);
  });
});
