// A child that is no node (`null`, `undefined`, a number, a string, an array), put among a parent's children by hand
// as plain data allows: every edit and walk refuses it with a typed INVALID_ARGUMENT before it changes anything, never
// a TypeError from deep inside (laying a new group out, or a walk, read its `kind`); the writer refuses it as
// OUTPUT_MALFORMED. An edit batch refuses what the same edits one by one refuse. What walks the whole sequence to
// show or compare it (diff, the text form, the JSON model, render) refuses it too, typed.
import { describe, expect, it } from 'vitest';
import { addItem, moveItem } from '../lib/model/authoring.js';
import { editBatch } from '../lib/model/edit-batch.js';
import { insertAfter, removeItem } from '../lib/model/mutate.js';
import { locate } from '../lib/model/query.js';
import { visit } from '../lib/visit.js';
import { diffTaskSequences } from '../lib/diff/semantic-diff.js';
import { toModelJson } from '../lib/model/json.js';
import { renderSequence } from '../lib/render/index.js';
import { sequenceToText, toYaml } from '../lib/text/to-text.js';
import { readTaskSequence, writeTaskSequence } from './helpers/api.js';
import { thrown, verdict } from './helpers/thrown.js';
import type { Group, SequenceItem } from '../lib/model/types.js';

const XML = '<sequence version="3.00">\n  <group name="g">\n    <step type="T" name="a"/>\n  </group>\n  <step type="T" name="b"/>\n</sequence>\n';
const ODD: unknown[] = [null, undefined, 5, 'text', [], [{ kind: 'text', value: ' ' }]];
const label = (v: unknown): string => (Array.isArray(v) ? `array of ${v.length}` : String(v));

/** A new group holding `inner` at `depth` levels down (the odd child inside a new group inside the new group…). */
function groupHolding(inner: unknown, depth: number): Group {
  let node: unknown = inner;
  for (let d = 0; d < depth; d++) node = { kind: 'group', tag: 'group', attributes: { name: `n${d}` }, children: [{ kind: 'step', tag: 'step', attributes: { type: 'T', name: `s${d}` }, children: [] }, node] };
  return node as Group;
}

describe('a new item holding a child that is no node', () => {
  for (const odd of ODD) {
    for (const depth of [1, 3]) {
      it(`is refused, typed, one by one and in a batch, the sequence unchanged (${label(odd)}, ${depth} deep)`, () => {
        const adds: [string, (doc: ReturnType<typeof readTaskSequence>, item: SequenceItem) => void][] = [
          ['insertAfter', (doc, item) => insertAfter(doc.sequence, doc.steps()[1]?.node as SequenceItem, [item])],
          ['addItem', (doc, item) => addItem(doc.sequence, item, { first: doc.groups()[0]?.node as Group })],
          [
            'editBatch',
            (doc, item) => {
              const batch = editBatch(doc.sequence);
              batch.remove(doc.steps()[0]?.node as SequenceItem);
              batch.insertAfter(doc.steps()[1]?.node as SequenceItem, [item]);
              batch.apply();
            },
          ],
        ];
        for (const [name, add] of adds) {
          const doc = readTaskSequence(XML);
          const e = thrown(() => add(doc, groupHolding(odd, depth)));
          expect(e.code, name).toBe('INVALID_ARGUMENT');
          expect(e.message).toMatch(/among its children \(at index 1\)/);
          expect(Buffer.from(writeTaskSequence(doc)).toString(), name).toBe(XML);
        }
      });
    }
  }

  it('names where it is: the item itself, or the group inside it that holds it', () => {
    const doc = readTaskSequence(XML);
    const b = doc.steps()[1]?.node as SequenceItem;
    expect(thrown(() => insertAfter(doc.sequence, b, [groupHolding(null, 1)])).message).toMatch(/^The group "n0" has null among its children/);
    expect(thrown(() => insertAfter(doc.sequence, b, [groupHolding(7, 2)])).message).toMatch(/^The group "n1" holds a <group> that has a number among its children/);
  });

  it('is still taken when it is an object the writer judges (a node of no known kind is not the edit\'s to refuse)', () => {
    const doc = readTaskSequence(XML);
    insertAfter(doc.sequence, doc.steps()[1]?.node as SequenceItem, [groupHolding({ kind: 'comment', value: ' kept ' }, 1)]);
    expect(Buffer.from(writeTaskSequence(doc)).toString()).toContain('<!-- kept -->');
    const odd = readTaskSequence(XML);
    insertAfter(odd.sequence, odd.steps()[1]?.node as SequenceItem, [groupHolding({}, 1)]);
    expect(verdict(() => writeTaskSequence(odd))).toBe('OUTPUT_MALFORMED');
  });

  it('is refused, typed, by a batch that has found its first items one by one and then looks for the rest in one walk', () => {
    // A removal of a group makes the batch climb the groups above a step, one lookup each: past a few, it walks the
    // sequence once for every item the edits still to come name or hold, this one's children among them.
    const text = `<sequence version="3.00">\n<group name="x"><step type="T" name="xs"/></group>\n${'<group name="g">'.repeat(10)}<step type="T" name="deep"/>${'</group>'.repeat(10)}\n<step type="T" name="other"/>\n</sequence>\n`;
    for (const odd of ODD) {
      const doc = readTaskSequence(text);
      const named = (n: string): SequenceItem => [...doc.steps(), ...doc.groups()].find((i) => i.node.attributes.name === n)?.node as SequenceItem;
      const batch = editBatch(doc.sequence);
      batch.remove(named('x'));
      batch.insertAfter(named('deep'), [{ kind: 'step', tag: 'step', attributes: { type: 'T', name: 'new' }, children: [] }]);
      batch.insertAfter(named('other'), [groupHolding(odd, 1)]);
      expect(verdict(() => batch.apply()), label(odd)).toBe('INVALID_ARGUMENT');
      expect(Buffer.from(writeTaskSequence(doc)).toString()).toBe(text);
    }
  });
});

describe('a sequence holding a child that is no node', () => {
  for (const odd of [null, undefined, 5, 'text', []]) {
    it(`gives a typed error from every walk and edit, never a TypeError (${label(odd)})`, () => {
      const ops: [string, (doc: ReturnType<typeof readTaskSequence>) => unknown, string][] = [
        ['visit', (doc) => visit(doc.sequence, () => undefined), 'INVALID_ARGUMENT'],
        ['locate', (doc) => locate(doc.sequence, doc.steps()[1]?.node as SequenceItem), 'INVALID_ARGUMENT'],
        ['removeItem', (doc) => removeItem(doc.sequence, doc.steps()[1]?.node as SequenceItem), 'INVALID_ARGUMENT'],
        ['moveItem', (doc) => moveItem(doc.sequence, doc.steps()[1]?.node as SequenceItem, { first: doc.sequence }), 'INVALID_ARGUMENT'],
        [
          'editBatch',
          (doc) => {
            const batch = editBatch(doc.sequence);
            batch.remove(doc.steps()[1]?.node as SequenceItem);
            return batch.apply();
          },
          'INVALID_ARGUMENT',
        ],
        ['write', (doc) => writeTaskSequence(doc), 'OUTPUT_MALFORMED'],
        ['diffTaskSequences', (doc) => diffTaskSequences(readTaskSequence(XML), doc), 'INVALID_ARGUMENT'],
        ['toYaml', (doc) => toYaml(doc), 'INVALID_ARGUMENT'],
        ['sequenceToText', (doc) => sequenceToText(doc), 'INVALID_ARGUMENT'],
        ['toModelJson', (doc) => toModelJson(doc, { whitespace: false }), 'INVALID_ARGUMENT'],
        ['renderSequence', (doc) => renderSequence(doc, { format: 'md' }), 'INVALID_ARGUMENT'],
      ];
      for (const [name, op, code] of ops) {
        const doc = readTaskSequence(XML);
        const steps = doc.steps().map((s) => s.node);
        (doc.groups()[0]?.node as Group).children.push(odd as never);
        expect(verdict(() => op(doc)), name).toBe(code);
        // Nothing was taken out or moved: the steps are where they were.
        (doc.groups()[0]?.node as Group).children.pop();
        expect(doc.steps().map((s) => s.node), name).toEqual(steps);
      }
    });
  }

  it('is passed over by the lists of steps, which see no item in it', () => {
    const doc = readTaskSequence(XML);
    (doc.groups()[0]?.node as Group).children.push(null as never, 3 as never);
    expect(doc.steps().map((s) => s.node.attributes.name)).toEqual(['a', 'b']);
  });
});
