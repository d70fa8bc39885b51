// Every ReferencesInfo.xml part of an export is inflated, parsed and kept when the archive is read, and nothing
// bounded them but the archive's own limits: 1,000 parts of exactly 1 MiB (the ratio is only checked past 1 MiB) in a
// 1.3 MB archive made `cmts inspect` hold 1.1 GB and spend 5.6 s of CPU. Together they are now held to maxBytes
// (--max-bytes), from the sizes the archive declares, before any is inflated (INPUT_TOO_LARGE), as the sequences are
// held to 4 × maxBytes; a real ReferencesInfo.xml is a few KiB a package.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { readExportZip } from './helpers/api.js';
import { makeZip } from './helpers/make-zip.js';
import { memoryIo } from './helpers/memory-io.js';
import { thrown } from './helpers/thrown.js';

const SEQ = '<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="a"><action>cmd /c a</action></step></sequence>';
const OBJ = `<INSTANCE CLASSNAME="SMS_TaskSequencePackage"><PROPERTY NAME="Sequence" TYPE="string"><VALUE><![CDATA[${SEQ}]]></VALUE></PROPERTY></INSTANCE>`;
/** An empty ReferencesInfo.xml padded with spaces to `size` bytes. */
const info = (size: number) => {
  const head = '<?xml version="1.0" encoding="utf-8"?><ArrayOfString>';
  const tail = '</ArrayOfString>';
  return head + ' '.repeat(size - head.length - tail.length) + tail;
};
/** An export of one sequence and `parts` ReferencesInfo.xml parts of `size` bytes; the last with a wrong CRC when `damaged`. */
function archive(parts: number, size: number, damaged = false): Buffer {
  const infos = Array.from({ length: parts }, (_, i) => ({ name: `SMS_TaskSequencePackage/CM1${String(i).padStart(5, '0')}/ReferencesInfo.xml`, data: info(size), ...(damaged && i === parts - 1 && { crc: 1 }) }));
  return makeZip([{ name: 'SMS_TaskSequencePackage/CM100031/object.xml', data: OBJ }, ...infos]);
}

describe("an export's ReferencesInfo.xml parts together", () => {
  it('over maxBytes are refused, INPUT_TOO_LARGE, before any is inflated', () => {
    const e = thrown(() => readExportZip(archive(4, 40_000, true), { maxBytes: 100_000 }));
    expect(e.code).toBe('INPUT_TOO_LARGE');
    expect(e.message).toContain('160000');
    expect(e.message).toContain('maxBytes');
  });

  it('within maxBytes are read', () => {
    expect(readExportZip(archive(2, 40_000), { maxBytes: 100_000 }).sequences).toHaveLength(1);
  });

  it('the command line names --max-bytes, and reads the archive with it raised', async () => {
    const m = memoryIo({ 'refs.zip': archive(4, 40_000) });
    expect(await main(['inspect', 'refs.zip', '--max-bytes', '100000'], m.io)).toBe(1);
    expect(m.stderr).toContain('refs.zip: INPUT_TOO_LARGE');
    expect(m.stderr).toContain('--max-bytes');
    expect(await main(['inspect', 'refs.zip', '--max-bytes', '200000'], m.io)).toBe(0);
  });
});
