// Copying N items that each bring a package reference (copyItemTo) read both reference lists whole for every item,
// and addPackageReference listed the list for every call: N additions cost N times the list (10,000 copies: 39 s;
// 10,000 references: 4 s). Both now look IDs up in an index kept between additions. Counted here as reads of the
// lists' items, not timed: a whole read per addition is N² reads.
import { describe, expect, it } from 'vitest';
import { addPackageReference, copyItemTo, readTaskSequence, type Node, type ReferenceList, type Sequence } from './helpers/api.js';

const N = 2000;
const id = (i: number) => `ABC${(0x10000 + i).toString(16).toUpperCase().slice(-5)}`;
const step = (i: number) => `<step type="SMS_TaskSequence_InstallSoftwareAction" name="s${i}" retryCount="0"><action>smsswd.exe /pkg:${id(i)} /install</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">${id(i)}</variable></defaultVarList></step>`;

/** The sequence's reference list, its items' array replaced by one that counts the reads of an item. */
function counted(sequence: Sequence): { reads: () => number; list: ReferenceList } {
  const list = sequence.children.find((c): c is ReferenceList => c.kind === 'referenceList') as ReferenceList;
  let reads = 0;
  list.children = new Proxy(list.children, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { reads: () => reads, list };
}

const references = (list: ReferenceList) => list.children.filter((c: Node) => c.kind === 'reference').map((r) => (r as { attributes: Record<string, string> }).attributes.package);

describe('adding references one by one', () => {
  it('copyItemTo reads each list a bounded number of times per item, and copies each reference once, in order', () => {
    const src = readTaskSequence(`<sequence version="3.10">\n  <referenceList>\n${Array.from({ length: N }, (_, i) => `    <reference package="${id(i)}"/>`).join('\n')}\n  </referenceList>\n${Array.from({ length: N }, (_, i) => `  ${step(i)}`).join('\n')}\n</sequence>`);
    const dst = readTaskSequence('<sequence version="3.10">\n  <referenceList>\n    <reference package="ABC00007"/>\n  </referenceList>\n</sequence>');
    const from = counted(src.sequence);
    const to = counted(dst.sequence);
    for (const item of src.sequence.children.filter((c) => c.kind === 'step')) copyItemTo(src.sequence, item as never, dst.sequence, { last: dst.sequence });
    expect(from.reads() + to.reads()).toBeLessThan(40 * N);
    expect(references(to.list)).toEqual(['ABC00007', ...Array.from({ length: N }, (_, i) => id(i)).filter((p) => p !== 'ABC00007')]);
  });

  it('addPackageReference reads the list a bounded number of times per call, and finds what it added in any case', () => {
    const doc = readTaskSequence('<sequence version="3.10">\n  <referenceList>\n    <reference package="ABC00001"/>\n  </referenceList>\n</sequence>');
    const { reads, list } = counted(doc.sequence);
    for (let i = 0; i < N; i++) expect(addPackageReference(doc.sequence, `XYZ${String(i).padStart(5, '0')}`)).toBe('added');
    expect(addPackageReference(doc.sequence, 'xyz00005')).toBe('present');
    expect(addPackageReference(doc.sequence, 'abc00001')).toBe('present');
    expect(reads()).toBeLessThan(40 * N);
    expect(references(list)).toHaveLength(N + 1);
  });
});
