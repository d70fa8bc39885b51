// The print of a just-read document whose edits the caller names (xml/edited-spans.ts): elements no edit named are
// copied as read without being looked at; named ones, and what is moved, are printed node by node and judged.
import { describe, expect, it } from 'vitest';
import { readTaskSequence, type Group, type Step, type TaskSequenceDocument } from './helpers/api.js';
import { writeEditedText, writeTaskSequenceText } from '../lib/write.js';
import type { EditScope } from '../lib/xml/edited-spans.js';
import { thrown } from './helpers/thrown.js';

const XML = `<?xml version="1.0" encoding="utf-8"?>
<sequence version="3.00">
  <group name="A">
    <step type="SMS_TaskSequence_RunCommandLineAction" name="one"><action>cmd.exe /c one</action></step>
  </group>
  <group name="B">
    <step type="SMS_TaskSequence_RunCommandLineAction" name="two"><action>cmd.exe /c two</action></step>
  </group>
</sequence>
`;

function read(maxDepth?: number): { doc: TaskSequenceDocument; a: Group; b: Group; one: Step; two: Step } {
  const doc = readTaskSequence(XML, maxDepth === undefined ? {} : { maxDepth });
  const [a, b] = doc.sequence.children.filter((c): c is Group => c.kind === 'group') as [Group, Group];
  const stepOf = (g: Group): Step => g.children.find((c): c is Step => c.kind === 'step') as Step;
  return { doc, a, b, one: stepOf(a), two: stepOf(b) };
}

const scope = (subtrees: EditScope['subtrees'], lists: EditScope['lists'] = []): EditScope => ({ subtrees, lists });

describe('printing only where the edits are', () => {
  it('copies an element no edit names as it was read, without looking at it: an edit it is not told of is not written', () => {
    const { doc, two } = read();
    two.attributes.name = 'renamed';
    expect(writeEditedText(doc, [])).toBe(XML);
    expect(writeTaskSequenceText(doc)).toContain('name="renamed"');
  });

  it('prints a named subtree as a full print does', () => {
    const { doc, two } = read();
    two.attributes.name = 'renamed';
    (two.children[0] as { value: string }).value = 'cmd.exe /c "two & three"';
    expect(writeEditedText(doc, [scope([two])])).toBe(writeTaskSequenceText(doc));
    expect(writeEditedText(doc, [scope([two])])).toContain('cmd.exe /c "two &amp; three"');
  });

  it('a named list of children is printed child by child, each child not named still copied as read', () => {
    const { doc, b, two } = read();
    two.attributes.name = 'renamed';
    b.children.push({ kind: 'step', tag: 'step', attributes: { type: 'SMS_TaskSequence_RunCommandLineAction', name: 'new' }, children: [] });
    const printed = writeEditedText(doc, [scope([], [b])]);
    expect(printed).toContain('name="new"');
    // The rename was not named: a list names the children's places, not the children.
    expect(printed).toContain('name="two"');
    expect(writeEditedText(doc, [scope([two], [b])])).toBe(writeTaskSequenceText(doc));
  });

  it('an element moved to another parent, or into a new group, is printed where it now is', () => {
    const moved = read();
    moved.a.children.splice(moved.a.children.indexOf(moved.one), 1);
    moved.b.children.push(moved.one);
    expect(writeEditedText(moved.doc, [scope([], [moved.a, moved.b])])).toBe(writeTaskSequenceText(moved.doc));

    const wrapped = read();
    const at = wrapped.b.children.indexOf(wrapped.two);
    wrapped.b.children[at] = { kind: 'group', tag: 'group', attributes: { name: 'new' }, children: [wrapped.two] };
    expect(writeEditedText(wrapped.doc, [scope([], [wrapped.b])])).toBe(writeTaskSequenceText(wrapped.doc));
  });

  it('an element moved deeper than the document was read with is refused as a full print refuses it', () => {
    // Read with room for exactly its depth: sequence, group, step, action.
    const { doc, b, two } = read(4);
    const at = b.children.indexOf(two);
    b.children[at] = { kind: 'group', tag: 'group', attributes: { name: 'deeper' }, children: [two] };
    expect(thrown(() => writeTaskSequenceText(doc)).code).toBe('XML_TOO_DEEP');
    expect(thrown(() => writeEditedText(doc, [scope([], [b])])).code).toBe('XML_TOO_DEEP');
  });

  it('names from another document, or nodes made since the read, change nothing of what is copied', () => {
    const { doc } = read();
    const other = read();
    const made: Step = { kind: 'step', tag: 'step', attributes: { name: 'x' }, children: [] };
    expect(writeEditedText(doc, [scope([other.two, made], [other.b])])).toBe(XML);
  });
});
