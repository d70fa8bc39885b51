// The structural edits given the wrong thing (the document where its sequence is meant, no position, null items), as
// plain JavaScript can: a typed INVALID_ARGUMENT that says what was meant, before any edit, never a TypeError.
import { describe, expect, it } from 'vitest';
import { copyItemTo } from '../lib/catalog/index.js';
import { addItem, moveItem } from '../lib/model/authoring.js';
import { insertAfter, removeItem } from '../lib/model/mutate.js';
import { readTaskSequence } from './helpers/api.js';

const XML = '<sequence version="3.00"><group name="g"><step type="T" name="a"/></group><step type="T" name="b"/></sequence>';

describe('structural edits given the wrong arguments', () => {
  it('refuse them with INVALID_ARGUMENT naming what was meant, and change nothing', () => {
    const doc = readTaskSequence(XML);
    const other = readTaskSequence(XML);
    const [a, b] = doc.steps().map((s) => s.node);
    const step = { kind: 'step', tag: 'step', attributes: { type: 'T', name: 'n' }, children: [] };
    const cases: [string, () => unknown, RegExp][] = [
      ['insertAfter(doc, …)', () => insertAfter(doc as never, a as never, [step as never]), /insertAfter takes a sequence \(doc\.sequence\) as its first argument.*not the document/],
      ['removeItem(doc, …)', () => removeItem(doc as never, a as never), /removeItem takes a sequence/],
      ['addItem without a position', () => addItem(doc.sequence, step as never, undefined as never), /addItem takes a position.*it was given undefined/],
      ['addItem with { after: null }', () => addItem(doc.sequence, step as never, { after: null } as never), /addItem takes a position.*\{ after \} \(null\)/],
      ['insertAfter(…, null)', () => insertAfter(doc.sequence, a as never, null as never), /insertAfter takes an array of steps or groups.*null/],
      ['insertAfter(…, [null])', () => insertAfter(doc.sequence, a as never, [null] as never), /insertAfter takes a step or group as its item 0.*null/],
      ['insertAfter(seq, seq, …)', () => insertAfter(doc.sequence, doc.sequence as never, [step as never]), /insertAfter takes a step or group as its reference.*"sequence"/],
      ['removeItem(seq, seq)', () => removeItem(doc.sequence, doc.sequence as never), /removeItem takes a step or group.*"sequence"/],
      ['moveItem with { first: step }', () => moveItem(doc.sequence, b as never, { first: a } as never), /moveItem takes a position/],
      ['copyItemTo(docA, item, docB, …)', () => copyItemTo(doc as never, a as never, other as never, { last: other.sequence }), /copyItemTo takes a sequence \(doc\.sequence\) as its first argument/],
      ['copyItemTo(…, docB, …)', () => copyItemTo(doc.sequence, a as never, other as never, { last: other.sequence }), /copyItemTo takes a sequence \(doc\.sequence\) as its third argument/],
    ];
    const before = [doc.toString(), other.toString()];
    for (const [label, f, message] of cases) {
      expect(f, label).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(message) }));
    }
    expect([doc.toString(), other.toString()]).toEqual(before);
  });

  it('still take what they always took', () => {
    const doc = readTaskSequence(XML);
    const [a, b] = doc.steps().map((s) => s.node);
    moveItem(doc.sequence, b as never, { parent: doc.groups()[0]?.node as never, index: 0 });
    removeItem(doc.sequence, a as never);
    expect(doc.steps().map((s) => s.node.attributes.name)).toEqual(['b']);
  });
});
