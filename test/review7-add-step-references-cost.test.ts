// addStep lists each package a new step names in a Current Branch <referenceList> once. It built the list's known IDs
// from every reference for each step added, so adding N steps that each name a new package read the list N times
// (16,000 Install Package steps: 59 s; 4,000: 1 s). The IDs are now kept with the list and checked before they are
// trusted; a list changed behind cmts's back is read again.
import { describe, expect, it } from 'vitest';
import { addStep } from '../lib/catalog/index.js';
import type { Reference, ReferenceList } from '../lib/model/types.js';
import { countingArray } from './helpers/read-counter.js';
import { readTaskSequence } from './helpers/api.js';

const pkg = (i: number) => `ABC${i.toString(16).toUpperCase().padStart(5, '0')}`;
const install = (i: number, id = pkg(i)) => ({ name: `Install ${i}`, settings: { packageId: id, programName: 'Install' } });
const listOf = (doc: ReturnType<typeof readTaskSequence>) => doc.sequence.children.find((c): c is ReferenceList => c.kind === 'referenceList') as ReferenceList;
const packages = (list: ReferenceList) => list.children.filter((c): c is Reference => c.kind === 'reference').map((r) => r.attributes.package);

describe('addStep and a growing reference list', () => {
  it('reads the list a bounded number of times per step added, not once per reference', () => {
    const doc = readTaskSequence('<sequence version="3.10">\n</sequence>');
    addStep(doc, 'Install Package', install(0), { last: doc.sequence });
    const list = listOf(doc);
    const counter = { reads: 0 };
    list.children = countingArray(list.children, counter);
    const n = 2_000;
    for (let i = 1; i < n; i++) addStep(doc, 'Install Package', install(i), { last: doc.sequence });
    // Each addition read every reference before: about n²/2 (4 million) reads here.
    expect(counter.reads).toBeLessThan(20 * n);
    expect(packages(list)).toEqual(Array.from({ length: n }, (_, i) => pkg(i)));
  });

  it('a package listed already (any case) is not listed again', () => {
    const doc = readTaskSequence('<sequence version="3.10">\n</sequence>');
    for (let i = 0; i < 3; i++) addStep(doc, 'Install Package', install(i), { last: doc.sequence });
    addStep(doc, 'Install Package', install(9, pkg(1).toLowerCase()), { last: doc.sequence });
    expect(packages(listOf(doc))).toEqual([pkg(0), pkg(1), pkg(2)]);
  });

  it('sees a reference removed, renamed or pushed behind its back', () => {
    const doc = readTaskSequence('<sequence version="3.10">\n</sequence>');
    for (let i = 0; i < 3; i++) addStep(doc, 'Install Package', install(i), { last: doc.sequence });
    const list = listOf(doc);
    // Removed: listed again when a step names it.
    list.children.splice(list.children.findIndex((c) => c.kind === 'reference' && c.attributes.package === pkg(1)), 1);
    addStep(doc, 'Install Package', install(1), { last: doc.sequence });
    expect(packages(list).filter((p) => p === pkg(1))).toHaveLength(1);
    // Renamed in place (same length): the old ID is no longer taken for listed.
    const ref0 = list.children.find((c): c is Reference => c.kind === 'reference' && c.attributes.package === pkg(0)) as Reference;
    ref0.attributes.package = pkg(7);
    addStep(doc, 'Install Package', install(0), { last: doc.sequence });
    expect(packages(list).filter((p) => p === pkg(0))).toHaveLength(1);
    // Pushed: not listed twice.
    list.children.push({ kind: 'reference', tag: 'reference', attributes: { package: pkg(5) }, children: [] });
    addStep(doc, 'Install Package', install(5), { last: doc.sequence });
    expect(packages(list).filter((p) => p === pkg(5))).toHaveLength(1);
  });
});
