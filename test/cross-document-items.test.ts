// A step or group read from one document and added to another: refused while it still stands in the first (one object
// in two documents, where an edit of either changed both), and once taken out, written in the second document's line
// ends and indentation, not the first's.
import { describe, expect, it } from 'vitest';
import { TaskSequenceError } from '../lib/errors.js';
import { addItem } from '../lib/model/authoring.js';
import { renameItem } from '../lib/model/attributes.js';
import { editBatch } from '../lib/model/edit-batch.js';
import { insertAfter, removeItem } from '../lib/model/mutate.js';
import { readTaskSequence } from './helpers/api.js';

/** CR LF line ends, indented by two spaces, a step in a group. */
const crlfSpaces = () => readTaskSequence('<sequence version="3.00">\r\n  <group name="g">\r\n    <step type="T" name="a">\r\n      <action>x</action>\r\n    </step>\r\n  </group>\r\n</sequence>\r\n');
/** LF line ends, indented by a tab. */
const lfTabs = () => readTaskSequence('<sequence version="3.00">\n\t<step type="T" name="b"/>\n</sequence>\n');

function codeOf(f: () => void): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof TaskSequenceError) return e.code;
    throw e;
  }
  return undefined;
}

describe('an item read from another document', () => {
  it('is refused by addItem and insertAfter while it still stands there, and neither document changes', () => {
    const a = crlfSpaces();
    const b = lfTabs();
    const before = [a.toString(), b.toString()];
    const step = a.steps()[0]?.node as NonNullable<ReturnType<typeof a.steps>[number]>['node'];
    expect(codeOf(() => addItem(b.sequence, step, { last: b.sequence }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => insertAfter(b.sequence, b.steps()[0]?.node as typeof step, [step]))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => {
      const batch = editBatch(b.sequence);
      batch.insertAfter(b.steps()[0]?.node as typeof step, [step]);
      batch.apply();
    })).toBe('INVALID_ARGUMENT');
    expect([a.toString(), b.toString()]).toEqual(before);
    // What the refusal prevents: with the step in both, renaming it in one renamed it in the other.
    renameItem(step, 'renamed');
    expect(b.toString()).toBe(before[1]);
  });

  it('once taken out (removeItem, or by hand), is added and written in the new document\'s line ends and indentation', () => {
    for (const takeOut of ['removeItem', 'by hand'] as const) {
      const a = crlfSpaces();
      const b = lfTabs();
      const step = a.steps()[0]?.node as NonNullable<ReturnType<typeof a.steps>[number]>['node'];
      if (takeOut === 'removeItem') removeItem(a.sequence, step);
      else a.groups()[0]?.node.children.splice(1, 2);
      addItem(b.sequence, step, { last: b.sequence });
      const out = b.toString();
      expect(out, takeOut).toBe('<sequence version="3.00">\n\t<step type="T" name="b"/>\n\t<step type="T" name="a">\n\t\t<action>x</action>\n\t</step>\n</sequence>\n');
      expect(a.toString(), takeOut).not.toContain('name="a"');
      // And it reads back as the step it was.
      expect(readTaskSequence(out).steps().map((s) => s.node.attributes.name)).toEqual(['b', 'a']);
    }
  });

  it('taken out and inserted by an edit batch, is laid out as the new document is', () => {
    const a = crlfSpaces();
    const b = lfTabs();
    const step = a.steps()[0]?.node as NonNullable<ReturnType<typeof a.steps>[number]>['node'];
    removeItem(a.sequence, step);
    const batch = editBatch(b.sequence);
    batch.insertAfter(b.steps()[0]?.node as typeof step, [step]);
    batch.apply();
    expect(b.toString()).toBe('<sequence version="3.00">\n\t<step type="T" name="b"/>\n\t<step type="T" name="a">\n\t\t<action>x</action>\n\t</step>\n</sequence>\n');
  });

  it('put into a document by hand, is written with that document\'s line ends: no CR LF in an LF file', () => {
    const a = crlfSpaces();
    const b = lfTabs();
    const step = a.steps()[0]?.node as NonNullable<ReturnType<typeof a.steps>[number]>['node'];
    a.groups()[0]?.node.children.splice(1, 2);
    b.sequence.children.splice(2, 0, step, { kind: 'text', value: '\n\t' });
    const out = b.toString();
    expect(out).not.toContain('\r');
    expect(out).toContain('<step type="T" name="a">\n');
    // A document with the same line ends still copies the node as written, byte for byte.
    const c = readTaskSequence('<sequence version="3.00">\r\n\t<step type="T" name="c"/>\r\n</sequence>\r\n');
    const d = crlfSpaces();
    const moved = d.steps()[0]?.node as typeof step;
    d.groups()[0]?.node.children.splice(1, 2);
    c.sequence.children.splice(2, 0, moved, { kind: 'text', value: '\n\t' });
    expect(c.toString()).toContain('<step type="T" name="a">\r\n      <action>x</action>\r\n    </step>');
  });
});
