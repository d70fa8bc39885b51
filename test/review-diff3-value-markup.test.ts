// A command line or variable holding a comment (`<action>a<!-- x -->b</action>`) is read as a generic element, not a
// value element; its value as XML defines it is still its character data. The diff compares it as the value it is: a
// comment added or removed is no change, and a global variable's change is no longer missed.
import { describe, expect, it } from 'vitest';
import { diffTaskSequences, readTaskSequence } from './helpers/api.js';

const sequence = (global: string, variable: string, action: string) =>
  `<sequence version="3.10"><globalVarList>${global}</globalVarList><step type="SMS_TaskSequence_RunCommandLineAction" name="a"><action>${action}</action><defaultVarList>${variable}</defaultVarList></step></sequence>`;
const diff = (a: string, b: string) => diffTaskSequences(readTaskSequence(a), readTaskSequence(b));

describe('values that hold a comment', () => {
  it("a global variable's value changed beside a comment is a change", () => {
    expect(diff(sequence('<variable name="G">1<!--c-->2</variable>', '', 'c'), sequence('<variable name="G">1<!--c-->3</variable>', '', 'c'))).toEqual([
      { change: 'changed', kind: 'variable', path: 'G', before: '12', after: '13' },
    ]);
  });

  it('a comment added to or removed from a value is no change', () => {
    expect(diff(sequence('<variable name="G">1<!--c-->2</variable>', '', 'c'), sequence('<variable name="G">12</variable>', '', 'c'))).toEqual([]);
    expect(diff(sequence('', '<variable name="V">1<!--c-->2</variable>', 'c'), sequence('', '<variable name="V">12</variable>', 'c'))).toEqual([]);
    expect(diff(sequence('', '', 'a<!--x--><![CDATA[&]]>b'), sequence('', '', 'a&amp;b'))).toEqual([]);
  });

  it("a command line's change beside a comment is one change of the command line", () => {
    expect(diff(sequence('', '', 'a<!--x-->b'), sequence('', '', 'a<!--x-->c'))).toEqual([{ change: 'changed', kind: 'step', path: 'a', field: 'command line', before: 'ab', after: 'ac' }]);
  });

  it('a variable holding an element is still compared as the element it is, a global one too', () => {
    expect(diff(sequence('<variable name="G">1<x/>2</variable>', '', 'c'), sequence('<variable name="G">1<x/>3</variable>', '', 'c'))).toEqual([
      { change: 'changed', kind: 'sequence', path: 'globalVarList element variable', before: '<variable name="G">1<x/>2</variable>', after: '<variable name="G">1<x/>3</variable>' },
    ]);
    expect(diff(sequence('', '<variable name="V">1<x/>2</variable>', 'c'), sequence('', '<variable name="V">12</variable>', 'c'))).toHaveLength(2);
  });
});
