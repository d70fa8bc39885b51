// The attribute setters given what plain JavaScript can give: no element (null, the document), a name or value that is
// no string, a name that is no XML name, or a string where a flag is. Each threw a TypeError from inside, or took the
// value and left the fault to the writer (OUTPUT_MALFORMED at a line of the output, far from the call), or did
// something else without a word: setAttribute(step, null, v) wrote an attribute named "null", `__proto__` (an XML name
// the reader keeps) was lost, and setEnabled(step, 'false') enabled the step. Now INVALID_ARGUMENT, nothing changed.
import { describe, expect, it } from 'vitest';
import {
  isEnabled,
  readTaskSequence,
  removeAttribute,
  removeItemAttribute,
  setAttribute,
  setContinueOnError,
  setEnabled,
  setItemAttribute,
} from './helpers/api.js';
import { thrown } from './helpers/thrown.js';
import type { Step } from '../lib/model/types.js';

const XML = '<sequence version="3.00"><step type="T" name="a" description=""/></sequence>';

describe('attribute setters given the wrong thing', () => {
  it('refuse it with INVALID_ARGUMENT naming the function, and leave the step as it was', () => {
    const doc = readTaskSequence(XML);
    const step = doc.steps()[0]?.node as Step;
    const cases: [string, () => unknown, RegExp][] = [
      ['setAttribute(null, …)', () => setAttribute(null as never, 'description', 'x'), /^setAttribute takes an element.*given null/],
      ['setAttribute(doc, …)', () => setAttribute(doc as never, 'description', 'x'), /^setAttribute takes an element/],
      ['setAttribute(step, null, …)', () => setAttribute(step, null as never, 'x'), /^setAttribute takes an attribute name.*given null/],
      ['setAttribute(step, "a b", …)', () => setAttribute(step, 'a b', 'x'), /^setAttribute takes an attribute name.*"a b" is no XML name/],
      ['setAttribute(step, …, 5)', () => setAttribute(step, 'description', 5 as never), /^setAttribute takes a string as the value.*given a number/],
      ['setAttribute(step, …, null)', () => setAttribute(step, 'description', null as never), /^setAttribute takes a string as the value.*given null/],
      ['removeAttribute(null, …)', () => removeAttribute(null as never, 'description'), /^removeAttribute takes an element/],
      ['removeAttribute(step, 5)', () => removeAttribute(step, 5 as never), /^removeAttribute takes a string as the attribute name/],
      ['setItemAttribute(null, …)', () => setItemAttribute(null as unknown as Step, 'description', 'x'), /^setItemAttribute takes a step or group/],
      ['setItemAttribute(step, "a b", …)', () => setItemAttribute(step, 'a b' as never, 'x'), /^setItemAttribute takes an attribute name/],
      ['setItemAttribute(step, …, 5)', () => setItemAttribute(step, 'description', 5 as never), /^setItemAttribute takes a string as the value/],
      ['removeItemAttribute(undefined, …)', () => removeItemAttribute(undefined as unknown as Step, 'description'), /^removeItemAttribute takes a step or group/],
      ['setEnabled(null, …)', () => setEnabled(null as never, true), /^setEnabled takes a step or group/],
      ['setEnabled(step, "false")', () => setEnabled(step, 'false' as never), /^setEnabled takes true or false.*given a string/],
      ['setContinueOnError(step, 1)', () => setContinueOnError(step, 1 as never), /^setContinueOnError takes true or false/],
      ['isEnabled(null)', () => isEnabled(null as never), /^isEnabled takes a step or group/],
    ];
    for (const [label, f, message] of cases) {
      const e = thrown(f);
      expect(e.code, label).toBe('INVALID_ARGUMENT');
      expect(e.message, label).toMatch(message);
    }
    expect(doc.toString()).toBe(XML);
  });

  it('keep an attribute named __proto__ as an attribute, as the reader does', () => {
    const doc = readTaskSequence(XML);
    const step = doc.steps()[0]?.node as Step;
    setAttribute(step, '__proto__', 'kept');
    expect(doc.toString()).toBe('<sequence version="3.00"><step type="T" name="a" description="" __proto__="kept"/></sequence>');
    expect(removeAttribute(step, '__proto__')).toBe(true);
    setItemAttribute(step, '__proto__' as never, 'again');
    expect(doc.toString()).toBe('<sequence version="3.00"><step type="T" name="a" description="" __proto__="again"/></sequence>');
    // What every object inherits is no attribute of the step: nothing to remove.
    expect(removeItemAttribute(step, 'toString' as never)).toBe(false);
  });

  it('still set, place and remove attributes as before', () => {
    const doc = readTaskSequence(XML);
    const step = doc.steps()[0]?.node as Step;
    setItemAttribute(step, 'disable', 'true');
    setAttribute(step, 'description', 'say "hi" & <go>');
    setEnabled(step, true);
    setContinueOnError(step, true);
    expect(isEnabled(step)).toBe(true);
    expect(doc.toString()).toBe('<sequence version="3.00"><step type="T" name="a" description="say &quot;hi&quot; &amp; &lt;go&gt;" continueOnError="true"/></sequence>');
  });
});
