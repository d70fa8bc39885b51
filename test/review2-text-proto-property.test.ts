// A package property named __proto__ (a valid XML element name in a 2007 export, a valid NAME in object.xml) was read
// into a plain object by assignment, which set the object's prototype instead: the property vanished from
// properties(), so convert --to yaml dropped it and the diff did not see it change. It is now an own property.
import { describe, expect, it } from 'vitest';
import { diffTaskSequences } from '../lib/diff/semantic-diff.js';
import { fromYaml, toYaml } from '../lib/api/text.js';
import { readTaskSequence, writeTaskSequence } from './helpers/api.js';

const SEQ = '<sequence version="3.00"></sequence>';
const sms = (v: string) => `<?xml version="1.0"?>\n<SmsTaskSequencePackage><Name>N</Name><__proto__>${v}</__proto__><SequenceData>${SEQ}</SequenceData></SmsTaskSequencePackage>`;
const cim = (v: string) => `<INSTANCE CLASSNAME="SMS_TaskSequencePackage"><PROPERTY NAME="__proto__" TYPE="uint32"><VALUE>${v}</VALUE></PROPERTY><PROPERTY NAME="Sequence" TYPE="string"><VALUE><![CDATA[${SEQ}]]></VALUE></PROPERTY></INSTANCE>`;

describe('a package property named __proto__', () => {
  for (const [kind, make] of [['2007 export', sms], ['object.xml', cim]] as const) {
    it(`${kind}: read, converted and built back with its value`, () => {
      const doc = readTaskSequence(make('7'));
      expect(Object.hasOwn(doc.properties(), '__proto__')).toBe(true);
      expect(doc.properties()['__proto__']).toBe('7');
      const back = readTaskSequence(writeTaskSequence(fromYaml(toYaml(doc))));
      expect(Object.hasOwn(back.properties(), '__proto__')).toBe(true);
      expect(back.properties()['__proto__']).toBe('7');
    });

    it(`${kind}: a change of it is in the diff`, () => {
      expect(diffTaskSequences(readTaskSequence(make('7')), readTaskSequence(make('8')))).toEqual([{ change: 'changed', kind: 'property', path: '__proto__', before: '7', after: '8' }]);
    });
  }
});
