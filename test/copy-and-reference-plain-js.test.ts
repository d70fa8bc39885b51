// copyItem, addPackageReference and appendChild given what plain JavaScript can give. copyItem copied whatever it was
// given (null back as null, the whole document as a plain object), to be refused only by the addition it was meant
// for, or not at all; addPackageReference threw a TypeError for the document, and for a package ID that is no string
// where the sequence has a reference list; appendChild threw a TypeError for null. Now INVALID_ARGUMENT, nothing changed.
import { describe, expect, it } from 'vitest';
import { addPackageReference, appendChild, copyItem, readTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const XML = '<sequence version="3.00">\n  <referenceList>\n    <reference package="AB100001"/>\n  </referenceList>\n  <group name="g">\n    <step type="T" name="a"/>\n  </group>\n</sequence>';

describe('copyItem, addPackageReference and appendChild given the wrong thing', () => {
  it('refuse it with INVALID_ARGUMENT naming the function, and change nothing', () => {
    const doc = readTaskSequence(XML);
    const group = doc.groups()[0]?.node as never;
    const cases: [string, () => unknown, RegExp][] = [
      ['copyItem(null)', () => copyItem(null as never), /^copyItem takes a step or group.*given null/],
      ['copyItem(doc)', () => copyItem(doc as never), /^copyItem takes a step or group/],
      ['copyItem(sequence)', () => copyItem(doc.sequence as never), /^copyItem takes a step or group.*"sequence"/],
      ['addPackageReference(doc, …)', () => addPackageReference(doc as never, 'AB100002'), /^addPackageReference takes a sequence \(doc\.sequence\).*not the document/],
      ['addPackageReference(…, null)', () => addPackageReference(doc.sequence, null as never), /^addPackageReference takes a string as the package ID.*given null/],
      ['addPackageReference(…, …, 5)', () => addPackageReference(doc.sequence, 'AB100002', 5 as never), /^addPackageReference takes a string as the program/],
      ['appendChild(…, …, null)', () => appendChild(doc.sequence, group, null as never), /^appendChild takes a node to append.*given null/],
      ['appendChild(…, null, …)', () => appendChild(doc.sequence, null as never, { kind: 'text', value: 'x' }), /^appendChild takes a parent element/],
      ['appendChild(doc, …)', () => appendChild(doc as never, group, { kind: 'text', value: 'x' }), /^appendChild takes a sequence/],
    ];
    for (const [label, f, message] of cases) {
      const e = thrown(f);
      expect(e.code, label).toBe('INVALID_ARGUMENT');
      expect(e.message, label).toMatch(message);
    }
    expect(doc.toString()).toBe(XML);
  });

  it('still copy items and add references as before', () => {
    const doc = readTaskSequence(XML);
    const copy = copyItem(doc.steps()[0]?.node as never) as { attributes: Record<string, string> };
    expect(copy.attributes.name).toBe('a');
    expect(addPackageReference(doc.sequence, 'AB100002', 'Install')).toBe('added');
    expect(addPackageReference(doc.sequence, 'ab100001')).toBe('present');
    expect(doc.toString()).toContain('<reference package="AB100001"/>\n    <reference package="AB100002" program="Install"/>');
  });
});
