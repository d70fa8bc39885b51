// The writer writes no text nested deeper than the document was read with (`maxDepth`): a read with the same options
// would refuse it with XML_TOO_DEEP, so the write refuses it instead, with the same code, and nothing is written.
// The bound is the reader's own: an element at exactly `maxDepth` levels is written and read back.
import { describe, expect, it } from 'vitest';
import { createSequence } from '../lib/catalog/index.js';
import { moveItem } from '../lib/model/authoring.js';
import type { Group, Step } from '../lib/model/types.js';
import { readTaskSequence, writeTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const TEXT = '<sequence version="3.00">\n  <step type="SMS_TaskSequence_RunCommandLineAction" name="a"><action>x</action></step>\n</sequence>\n';

/** `levels` groups, one inside the other, around a step: `levels + 1` elements deep. */
function nest(levels: number): Group | Step {
  let node: Group | Step = { kind: 'step', tag: 'step', attributes: { type: 'SMS_TaskSequence_RunCommandLineAction', name: 'deep' }, children: [] };
  for (let i = 0; i < levels; i++) node = { kind: 'group', tag: 'group', attributes: { name: `g${i}` }, children: [node] };
  return node;
}

/** Elements in the longest chain of `text` (a well-formed text with no comments, CDATA or instructions). */
function depthOf(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const m of text.matchAll(/<(\/?)[^>]*?(\/?)>/g)) {
    if (m[1]) depth--;
    else if (!m[2]) deepest = Math.max(deepest, ++depth);
    else deepest = Math.max(deepest, depth + 1);
  }
  return deepest;
}

describe('writing deeper than the document was read with', () => {
  it('is refused with XML_TOO_DEEP and the place of the element too deep, the document left as it is', () => {
    const doc = readTaskSequence(TEXT);
    // The sequence is one level: 300 groups and the step under it are 302.
    doc.sequence.children.push(nest(300));
    const e = thrown(() => writeTaskSequence(doc));
    expect(e.code).toBe('XML_TOO_DEEP');
    expect(e.message).toMatch(/deeper than 256 levels/);
    // The element that would be the 257th level: the sequence, then 255 groups, then this one.
    expect(e.path).toBe(`/sequence[1]${'/group[1]'.repeat(256)}`);
    expect(thrown(() => doc.toString()).code).toBe('XML_TOO_DEEP');
    doc.sequence.children.pop();
    expect(doc.toString()).toBe(TEXT);
  });

  it('takes exactly what a read with the same maxDepth takes, at the bound and one past it', () => {
    for (const maxDepth of [5, 256, 700]) {
      const ok = readTaskSequence(TEXT, { maxDepth });
      // The sequence, maxDepth - 2 groups and the step: maxDepth levels.
      ok.sequence.children.push(nest(maxDepth - 2));
      const text = Buffer.from(writeTaskSequence(ok)).toString();
      expect(depthOf(text)).toBe(maxDepth);
      expect(readTaskSequence(text, { maxDepth }).steps().map((s) => s.node.attributes.name)).toEqual(['a', 'deep']);
      const over = readTaskSequence(TEXT, { maxDepth });
      over.sequence.children.push(nest(maxDepth - 1));
      expect(thrown(() => writeTaskSequence(over)).code, `maxDepth ${maxDepth}`).toBe('XML_TOO_DEEP');
      // What the writer refused, a read with the same limit refuses: written by a document read with one level more.
      const loose = readTaskSequence(TEXT, { maxDepth: maxDepth + 1 });
      loose.sequence.children.push(nest(maxDepth - 1));
      expect(thrown(() => readTaskSequence(writeTaskSequence(loose), { maxDepth })).code).toBe('XML_TOO_DEEP');
    }
  });

  it('holds a document read with a raised maxDepth to that, and its copies (clone) too', () => {
    const deep = `<sequence version="3.00">${'<group name="g">'.repeat(400)}<step type="T" name="a"/>${'</group>'.repeat(400)}</sequence>`;
    const doc = readTaskSequence(deep, { maxDepth: 500 });
    (doc.steps()[0]?.node as Step).attributes.name = 'b';
    expect(Buffer.from(writeTaskSequence(doc)).toString()).toBe(deep.replace('name="a"', 'name="b"'));
    const copy = doc.clone();
    const inner = copy.groups().at(-1)?.node as Group;
    inner.children.push(nest(120));
    expect(thrown(() => writeTaskSequence(copy)).code).toBe('XML_TOO_DEEP');
  });

  it('places the refusal in the file when the element too deep was read from it', () => {
    // sequence > a > b > c > step is 5 levels; moved into d, the step is the 6th.
    const text = '<sequence version="3.00">\n  <group name="a">\n    <group name="b">\n      <group name="c">\n        <step type="T" name="s"/>\n      </group>\n    </group>\n  </group>\n  <group name="d"/>\n</sequence>\n';
    const doc = readTaskSequence(text, { maxDepth: 5 });
    const group = (name: string): Group => doc.groups().find((g) => g.node.attributes.name === name)?.node as Group;
    moveItem(doc.sequence, group('a'), { first: group('d') });
    const e = thrown(() => writeTaskSequence(doc));
    expect(e.code).toBe('XML_TOO_DEEP');
    expect([e.linePos?.line, e.linePos?.col]).toEqual([5, 9]);
    expect(e.path).toBe('/sequence[1]/group[1]/group[1]/group[1]/group[1]/step[1]');
  });

  it('holds a new document to the maxDepth it is made with (createSequence), by default the reader\'s', () => {
    const made = createSequence('sequence');
    made.sequence.children.push(nest(300));
    expect(thrown(() => writeTaskSequence(made)).code).toBe('XML_TOO_DEEP');
    const deeper = createSequence('sequence', { maxDepth: 400 });
    deeper.sequence.children.push(nest(300));
    expect(readTaskSequence(writeTaskSequence(deeper), { maxDepth: 400 }).steps()).toHaveLength(1);
  });

  it('holds an embedded sequence (a Current Branch object.xml) to the maxDepth of its document', () => {
    const doc = createSequence('cim-instance');
    expect(doc.embedded).toBeDefined();
    doc.sequence.children.push(nest(300));
    const e = thrown(() => writeTaskSequence(doc));
    expect(e.code).toBe('XML_TOO_DEEP');
    expect(e.message).toMatch(/embedded sequence/);
  });
});

