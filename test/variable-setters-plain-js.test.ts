// The step-variable and action functions given what plain JavaScript can give: no step (null, the document), a key
// that is no string or key object, a value that is no string. Each threw a TypeError from inside (setVariable(step,
// null, v) "Cannot destructure property 'name'"), or took the value and left the fault to the writer, which refused
// it later as OUTPUT_MALFORMED at a line of its output, far from the call. Now INVALID_ARGUMENT, nothing changed.
import { describe, expect, it } from 'vitest';
import {
  addVariable,
  elementText,
  findVariable,
  getAction,
  getVariableValue,
  readTaskSequence,
  setAction,
  setElementText,
  setVariable,
  variableIndex,
  variables,
} from './helpers/api.js';
import { thrown } from './helpers/thrown.js';
import type { Step } from '../lib/model/types.js';

const XML = '<sequence version="3.00"><step type="T" name="a"><action>run</action><defaultVarList><variable name="V" property="P">x</variable></defaultVarList></step></sequence>';

describe('variable and action functions given the wrong thing', () => {
  it('refuse it with INVALID_ARGUMENT naming the function, and leave the step as it was', () => {
    const doc = readTaskSequence(XML);
    const step = doc.steps()[0]?.node as Step;
    const none = null as unknown as Step;
    const cases: [string, () => unknown, RegExp][] = [
      ['setVariable(null, …)', () => setVariable(none, 'P', 'y'), /^setVariable takes a step as its first argument.*given null/],
      ['setVariable(doc, …)', () => setVariable(doc as never, 'P', 'y'), /^setVariable takes a step.*not the document/],
      ['setVariable(step, null, …)', () => setVariable(step, null as never, 'y'), /^setVariable takes a variable's key.*given null/],
      ['setVariable(step, { name: 5 }, …)', () => setVariable(step, { name: 5, property: 'P' } as never, 'y'), /^setVariable takes a variable's key/],
      ['setVariable(step, …, 5)', () => setVariable(step, 'P', 5 as never), /^setVariable takes a string as the value.*given a number/],
      ['setVariable(step, …, null)', () => setVariable(step, 'New', null as never), /^setVariable takes a string as the value.*given null/],
      ['addVariable(step, …, undefined)', () => addVariable(step, { name: 'N', property: 'N' }, undefined as never), /^addVariable takes a string as the value/],
      ['addVariable(step, 5, …)', () => addVariable(step, 5 as never, 'v'), /^addVariable takes a variable's key/],
      ['findVariable(null, …)', () => findVariable(none, 'P'), /^findVariable takes a step/],
      ['getVariableValue(undefined, …)', () => getVariableValue(undefined as unknown as Step, 'P'), /^getVariableValue takes a step/],
      ['getVariableValue(step, 7)', () => getVariableValue(step, 7 as never), /^getVariableValue takes a variable's key/],
      ['variables(null)', () => variables(none), /^variables takes a step/],
      ['variableIndex(null)', () => variableIndex(none), /^variableIndex takes a step/],
      ['setAction(null, …)', () => setAction(none, 'x'), /^setAction takes a step/],
      ['setAction(step, 5)', () => setAction(step, 5 as never), /^setAction takes a string as the value/],
      ['getAction(null)', () => getAction(none), /^getAction takes a step/],
      ['setElementText(null, …)', () => setElementText(null as never, 'x'), /^setElementText takes an element/],
      ['setElementText(action, null)', () => setElementText(step.children[0] as never, null as never), /^setElementText takes a string as the value/],
      ['elementText(null)', () => elementText(null as never), /^elementText takes an element/],
    ];
    for (const [label, f, message] of cases) {
      const e = thrown(f);
      expect(e.code, label).toBe('INVALID_ARGUMENT');
      expect(e.message, label).toMatch(message);
    }
    expect(doc.toString()).toBe(XML);
  });

  it('still read and write variables and the action as before', () => {
    const doc = readTaskSequence(XML);
    const step = doc.steps()[0]?.node as Step;
    setVariable(step, 'P', 'a & "b"');
    setVariable(step, { name: 'W', property: 'Q', hidden: true }, '<c>');
    setAction(step, 'run now');
    expect(getVariableValue(step, 'V')).toBe('a & "b"');
    expect(variableIndex(step).find({ name: 'w', property: 'Q' })?.value).toBe('<c>');
    expect(getAction(step)).toBe('run now');
    expect(doc.toString()).toBe(
      '<sequence version="3.00"><step type="T" name="a"><action>run now</action><defaultVarList><variable name="V" property="P">a &amp; "b"</variable><variable name="W" property="Q" hidden="true">&lt;c&gt;</variable></defaultVarList></step></sequence>',
    );
  });
});
