// A sequence an object.xml or a 2007 export holds as escaped text (`&lt;step …`) is one text to the markup count made
// before the outer parse, and was then parsed with the parser's own default limit, not the caller's `maxNodes`: a
// sequence of any size within `maxBytes` was read past a lower limit, and one over 3,000,000 items refused past a
// higher one.
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const steps = (n: number): string => '<step name="s" type="SMS_TaskSequence_RunCommandLineAction"/>'.repeat(n);
const escaped = (xml: string): string => xml.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const objectXml = (value: string): string =>
  `<INSTANCE CLASSNAME="SMS_TaskSequencePackage"><PROPERTY NAME="Sequence" TYPE="string"><VALUE>${value}</VALUE></PROPERTY></INSTANCE>`;
const smsPackage = (value: string): string => `<SmsTaskSequencePackage><SequenceData>${value}</SequenceData></SmsTaskSequencePackage>`;

describe('an escaped embedded sequence is held to maxNodes', () => {
  for (const [container, wrap] of [['object.xml', objectXml], ['2007 export', smsPackage]] as const) {
    it(`${container}: over the limit is INPUT_TOO_LARGE, within it is read`, () => {
      const input = wrap(escaped(`<sequence>${steps(200)}</sequence>`));
      // The outer document alone has a handful of markup items: the limit is met only inside the held text (200 start tags, 400 attributes).
      const e = thrown(() => readTaskSequence(input, { maxNodes: 50 }));
      expect(e.code).toBe('INPUT_TOO_LARGE');
      expect(e.message).toContain('maxNodes');
      expect(readTaskSequence(input, { maxNodes: 500 }).steps()).toHaveLength(200);
    });
  }

  it('attributes of the held text count too', () => {
    let attributes = '';
    for (let i = 0; i < 100; i++) attributes += ` a${i}="v"`;
    const input = objectXml(escaped(`<sequence${attributes}/>`));
    expect(thrown(() => readTaskSequence(input, { maxNodes: 50 })).code).toBe('INPUT_TOO_LARGE');
    expect(readTaskSequence(input, { maxNodes: 150 }).sequence.attributes.a99).toBe('v');
  });
});
