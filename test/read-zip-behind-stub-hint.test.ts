// readTaskSequence given the bytes of an export .zip says to call readExportZip; for an archive behind a
// self-extractor's stub, or one whose first header is damaged, which the command line reads as the archive it is,
// it said instead that the bytes were not valid UTF-8.
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from './helpers/api.js';
import { makeZip } from './helpers/make-zip.js';
import { thrown } from './helpers/thrown.js';

const zip = makeZip([{ name: 'SMS_TaskSequencePackage/CM100031/object.xml', data: '<INSTANCE CLASSNAME="SMS_TaskSequencePackage"/>' }]);

describe('readTaskSequence given an archive', () => {
  it.each([
    ['behind a stub', Buffer.concat([Buffer.from('MZ self-extractor stub\0\0\0'), zip])],
    ['with its first header damaged', Buffer.concat([Buffer.from('XX'), zip.subarray(2)])],
    ['that starts with its local header', zip],
  ])('%s says to call readExportZip', (_, bytes) => {
    const e = thrown(() => readTaskSequence(bytes));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain('readExportZip');
  });

  it('still reads a sequence whose text merely holds PK', () => {
    expect(readTaskSequence(Buffer.from('<sequence version="3.10"><!-- PK --></sequence>')).sequence.tag).toBe('sequence');
  });
});
