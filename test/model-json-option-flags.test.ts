// toModelJson's options are two flags; given as strings (as options read from a file or a command line are), the
// string 'false' is truthy and kept the whitespace it was meant to leave out, without a word. Now INVALID_ARGUMENT
// naming the option, as sequenceToXml refuses a layout option of the wrong type.
import { describe, expect, it } from 'vitest';
import { readTaskSequence, toModelJson } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const XML = '<sequence version="3.00">\n  <step type="T" name="a"/>\n</sequence>';

describe('toModelJson given a flag that is no boolean', () => {
  it('refuses it with INVALID_ARGUMENT naming the option', () => {
    const doc = readTaskSequence(XML);
    for (const [options, message] of [
      [{ whitespace: 'false' }, /^toModelJson: whitespace is true or false; it was given a string\.$/],
      [{ wrapper: 1 }, /^toModelJson: wrapper is true or false; it was given a number\.$/],
    ] as const) {
      const e = thrown(() => toModelJson(doc, options as never));
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(e.message).toMatch(message);
    }
  });

  it('still keeps or leaves out the whitespace as told', () => {
    const doc = readTaskSequence(XML);
    expect(toModelJson(doc, { whitespace: true }).sequence.children).toHaveLength(3);
    expect(toModelJson(doc, { whitespace: false }).sequence.children).toHaveLength(1);
    expect(toModelJson(doc).sequence.children).toHaveLength(1);
  });
});
