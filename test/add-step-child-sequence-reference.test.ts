// The reference addStep writes for a Run Task Sequence step's child task sequence. The console lists a child task
// sequence as <reference package="…" program="*"/> (a Current Branch export: RSC00237, run by a Run Task Sequence
// step); addStep wrote <reference package="…"/>, and in a new document, whose only empty element is its
// <sequence></sequence>, spelt it <reference …></reference>, where exports write <reference …/>.
import { describe, expect, it } from 'vitest';
import { addStep, createSequence, readTaskSequence, writeTaskSequenceText, type TaskSequenceDocument } from './helpers/api.js';

const CHILD = 'ABC000AA';
const runChild = (settings: Record<string, unknown> = {}) => ({ name: 'Child', settings: { tsPackageId: CHILD, tsName: 'Child', ...settings } });
/** The text up to the end of the reference list. */
const listOf = (doc: TaskSequenceDocument) => {
  const text = writeTaskSequenceText(doc);
  return text.slice(0, text.indexOf('</referenceList>') + '</referenceList>'.length);
};

describe('addStep of a Run Task Sequence step lists its child task sequence as the console does', () => {
  it('with program="*", after the references already listed', () => {
    const doc = readTaskSequence('<sequence version="3.10"><referenceList><reference package="ABC00001"/></referenceList></sequence>');
    addStep(doc, 'Run Task Sequence', runChild(), { last: doc.sequence });
    expect(listOf(doc)).toBe(`<sequence version="3.10"><referenceList><reference package="ABC00001"/><reference package="${CHILD}" program="*"/></referenceList>`);
  });

  it('in a new document of each Current Branch container, self-closing as exports write it', () => {
    for (const container of ['sequence', 'cim-instance'] as const) {
      const doc = createSequence(container);
      addStep(doc, 'Run Task Sequence', runChild(), { last: doc.sequence });
      expect(listOf(doc)).toMatch(new RegExp(`<referenceList><reference package="${CHILD}" program="\\*"/></referenceList>$`));
    }
  });

  it("the child's own packages are listed as packages, without a program", () => {
    const doc = readTaskSequence('<sequence version="3.10"><referenceList/></sequence>');
    addStep(doc, 'Run Task Sequence', runChild({ tsReferencePackages: ['ABC000B1', 'ABC000B2'] }), { last: doc.sequence });
    expect(listOf(doc)).toContain(`<reference package="${CHILD}" program="*"/><reference package="ABC000B1"/><reference package="ABC000B2"/></referenceList>`);
  });

  it('a reference the list has for the package already, with a program or without, is left as it is and not doubled', () => {
    for (const listed of [`<reference package="${CHILD}"/>`, `<reference package="${CHILD.toLowerCase()}" program="*"/>`]) {
      const doc = readTaskSequence(`<sequence version="3.10"><referenceList>${listed}</referenceList></sequence>`);
      addStep(doc, 'Run Task Sequence', runChild(), { last: doc.sequence });
      expect(listOf(doc)).toBe(`<sequence version="3.10"><referenceList>${listed}</referenceList>`);
    }
  });

  it('other packages are listed as before: an Install Package step names its program in the step, not in the reference', () => {
    const doc = readTaskSequence('<sequence version="3.10"><referenceList/></sequence>');
    addStep(doc, 'Install Package', { name: 'Install', settings: { packageId: 'ABC00010', programName: 'Install' } }, { last: doc.sequence });
    expect(listOf(doc)).toBe('<sequence version="3.10"><referenceList><reference package="ABC00010"/></referenceList>');
  });

  it('a document whose references are written as start and end tags gets its new one so too', () => {
    const doc = readTaskSequence('<sequence version="3.10"><referenceList><reference package="ABC00001"></reference></referenceList></sequence>');
    addStep(doc, 'Run Task Sequence', runChild(), { last: doc.sequence });
    expect(listOf(doc)).toBe(`<sequence version="3.10"><referenceList><reference package="ABC00001"></reference><reference package="${CHILD}" program="*"></reference></referenceList>`);
  });
});
