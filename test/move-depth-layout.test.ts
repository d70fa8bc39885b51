// moveItem to another depth indents what the item holds for its new place, as its neighbours are indented: moved
// out of a group and back, a group reads as it did (found by a review of the editing API).
import { describe, expect, it } from 'vitest';
import { moveItem } from '../lib/model/authoring.js';
import { readTaskSequence } from './helpers/api.js';

const NESTED = (nl: string, u: string) =>
  `<sequence version="3.00">${nl}${u}<group name="outer">${nl}${u}${u}<group name="inner">${nl}${u}${u}${u}<step type="T" name="a">${nl}${u}${u}${u}${u}<action>x</action>${nl}${u}${u}${u}</step>${nl}${u}${u}</group>${nl}${u}</group>${nl}${u}<step type="T" name="b"/>${nl}</sequence>${nl}`;

describe('moveItem to another depth', () => {
  for (const [nl, unit] of [['\n', '\t'], ['\r\n', '  ']] as const) {
    it(`indents what the item holds for its new place (${JSON.stringify(nl)}, ${JSON.stringify(unit)})`, () => {
      const text = NESTED(nl, unit);
      const doc = readTaskSequence(text);
      const group = (name: string) => doc.groups().find((g) => g.node.attributes.name === name)?.node as NonNullable<ReturnType<typeof doc.groups>[number]>['node'];
      moveItem(doc.sequence, group('inner'), { last: doc.sequence });
      const out = doc.toString();
      expect(out).toContain(`${nl}${unit}<group name="inner">${nl}${unit}${unit}<step type="T" name="a">${nl}${unit}${unit}${unit}<action>x</action>${nl}${unit}${unit}</step>${nl}${unit}</group>${nl}</sequence>`);
      // Back where it was, the file is as read, byte for byte.
      moveItem(doc.sequence, group('inner'), { first: group('outer') });
      expect(doc.toString()).toBe(text);
    });
  }

  it('leaves what an item holds as it was when it moves at the same depth', () => {
    const text = '<sequence version="3.00">\n  <step type="T" name="b"/>\n  <group name="g">\n      <step type="T" name="odd"/>\n  </group>\n</sequence>\n';
    const doc = readTaskSequence(text);
    const g = doc.groups()[0]?.node as NonNullable<ReturnType<typeof doc.groups>[number]>['node'];
    moveItem(doc.sequence, g, { first: doc.sequence });
    // Its own odd indentation inside stays: only a change of depth lays it out again.
    expect(doc.toString()).toBe('<sequence version="3.00">\n  <group name="g">\n      <step type="T" name="odd"/>\n  </group>\n  <step type="T" name="b"/>\n</sequence>\n');
  });
});
