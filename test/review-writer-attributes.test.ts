// Setting a step's or group's attribute where the console puts it rebuilds the attribute object; an attribute named
// `__proto__` (an XML name the reader keeps as an own attribute) must come through that as an attribute, not be
// taken for the object's prototype and dropped from the written file.
import { describe, expect, it } from 'vitest';
import { readTaskSequence, removeAttribute, setContinueOnError, setEnabled, writeTaskSequenceText, type Step } from './helpers/api.js';

describe('a new step attribute put in the console order', () => {
  it('keeps an attribute named __proto__ in the written start tag', () => {
    const doc = readTaskSequence('<sequence version="3.00"><step type="T" name="s" __proto__="p" runFromNet="false"/></sequence>');
    const step = doc.sequence.children[0] as Step;
    setEnabled(step, false);
    setContinueOnError(step, true);
    expect(writeTaskSequenceText(doc)).toBe('<sequence version="3.00"><step type="T" name="s" __proto__="p" disable="true" continueOnError="true" runFromNet="false"/></sequence>');
    expect(Object.getPrototypeOf(step.attributes)).toBe(Object.prototype);
  });
});

// `removeAttribute` asked whether the name was `in` the attribute object, which holds for the names of
// Object.prototype: it reported removing an attribute the element never had.
describe('removing an attribute an element does not have', () => {
  it('says so for a name Object.prototype holds', () => {
    const doc = readTaskSequence('<sequence version="3.00"><step type="T" name="s"/></sequence>');
    const step = doc.sequence.children[0] as Step;
    for (const name of ['constructor', 'toString', 'hasOwnProperty']) expect(removeAttribute(step, name)).toBe(false);
    expect(removeAttribute(step, 'name')).toBe(true);
    expect(writeTaskSequenceText(doc)).toBe('<sequence version="3.00"><step type="T"/></sequence>');
  });
});
