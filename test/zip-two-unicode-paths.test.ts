// A header may carry one Info-ZIP Unicode path field (0x7075); one with several was read, each path kept as another
// name of the entry, and the local header's names were each looked up in the central directory's list: thousands of
// short fields in a 64 KiB extra field made that quadratic (a 25 MB archive of 200 such entries took 8 s of CPU,
// a 1 GiB one would take minutes). Which of them a reader takes is not said anywhere, so readers would extract the
// entry under different names: a header with more than one is now refused, ZIP_UNSAFE.
import { describe, expect, it } from 'vitest';
import { readZip } from './helpers/api.js';
import { makeZip, unicodePathExtra } from './helpers/make-zip.js';
import { thrown } from './helpers/thrown.js';

describe('Info-ZIP Unicode path fields', () => {
  it('a header with two is refused: readers would disagree on the name', () => {
    const extra = Buffer.concat([unicodePathExtra('tools/a.ps1', 'tools/a.ps1'), unicodePathExtra('tools/b.ps1', 'tools/a.ps1')]);
    const e = thrown(() => readZip(makeZip([{ name: 'tools/a.ps1', data: 'x', extra }])));
    expect(e.code).toBe('ZIP_UNSAFE');
    expect(e.message).toContain('tools/a.ps1');
  });

  it('thousands of them in one header are refused at the second', () => {
    // Each the header's own name again (a field naming another file would be refused at the first: see
    // zip-unicode-path-mismatch.test.ts).
    const extra = Buffer.concat(Array.from({ length: 4000 }, () => unicodePathExtra('a.txt', 'a.txt')));
    const e = thrown(() => readZip(makeZip([{ name: 'a.txt', data: 'x', extra }])));
    expect(e.code).toBe('ZIP_UNSAFE');
    expect(e.message).toContain('more than one Unicode path field');
  });

  it('one, in both headers, still reads under both names', () => {
    // A header in a code page other than 437: byte 0xA1 is 'í' in 437, and the field gives its real name, 'ï'.
    const header = Buffer.from('tools/na\xa1ve.ps1', 'latin1');
    const extra = unicodePathExtra('tools/naïve.ps1', header);
    const zip = readZip(makeZip([{ name: 'x', nameBytes: header, data: 'x', extra }]));
    expect(zip.entries.map((e) => e.name)).toEqual(['tools/naíve.ps1']);
    // The Unicode path is a name of the entry: another entry by that name is the same name twice.
    const twice = makeZip([{ name: 'x', nameBytes: header, data: 'x', extra }, { name: 'TOOLS/NAÏVE.ps1', data: 'y' }]);
    expect(thrown(() => readZip(twice)).message).toContain('Two entries are named');
  });
});
