// A name whose entry says it is UTF-8 (flag bit 11), or an Info-ZIP Unicode path field, that is not UTF-8 was read
// with each bad sequence replaced by U+FFFD: the name reported was not the one in the archive, a local header naming
// other bytes than the central directory passed as naming the same file, and an overlong '.' (C0 AE, which a lax
// decoder reads as '.') passed the check for '..' segments. Such a name is now refused, ZIP_INVALID.
import { describe, expect, it } from 'vitest';
import { readExportZip, readZip } from './helpers/api.js';
import { makeZip, unicodePathExtra } from './helpers/make-zip.js';
import { thrown } from './helpers/thrown.js';

const SEQ = '<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="a"><action>cmd /c a</action></step></sequence>';
const OBJ = `<INSTANCE CLASSNAME="SMS_TaskSequencePackage"><PROPERTY NAME="Sequence" TYPE="string"><VALUE><![CDATA[${SEQ}]]></VALUE></PROPERTY></INSTANCE>`;

/** An export with `tools/AAAA.ps1` beside its sequence, each `AAAA` of its bytes (in both headers) replaced. */
function withName(central: number[], local = central): Buffer {
  const zip = makeZip([{ name: 'SMS_TaskSequencePackage/CM100031/object.xml', data: OBJ }, { name: 'tools/AAAA.ps1', data: 'x' }]);
  const at = zip.indexOf('AAAA');
  zip.set(local, at);
  zip.set(central, zip.indexOf('AAAA', at + 1));
  return zip;
}

describe('entry names flagged UTF-8 that are not UTF-8', () => {
  it('a name that is not UTF-8 is refused, not read with its bad bytes replaced', () => {
    const e = thrown(() => readZip(withName([0xff, 0x41, 0x41, 0x41])));
    expect(e.code).toBe('ZIP_INVALID');
    expect(e.message).toMatch(/UTF-8/);
  });

  it('a local header naming other bytes than the central directory is refused, not taken for the same name', () => {
    expect(thrown(() => readZip(withName([0xfe, 0x41, 0x41, 0x41], [0xff, 0x41, 0x41, 0x41]))).code).toBe('ZIP_INVALID');
  });

  it("an overlong '..' (C0 AE C0 AE) is refused", () => {
    expect(thrown(() => readExportZip(withName([0xc0, 0xae, 0xc0, 0xae]))).code).toBe('ZIP_INVALID');
  });

  it('a Unicode path field that is not UTF-8 is refused', () => {
    const extra = unicodePathExtra('tools/AAAA.ps1', 'tools/a.ps1');
    extra.set([0xc0, 0xae, 0xc0, 0xae], extra.indexOf('AAAA'));
    const zip = makeZip([{ name: 'SMS_TaskSequencePackage/CM100031/object.xml', data: OBJ }, { name: 'tools/a.ps1', data: 'x', extra }]);
    expect(thrown(() => readZip(zip)).code).toBe('ZIP_INVALID');
  });

  it('names in UTF-8, and code page 437 names with high bytes, still read', () => {
    const zip = makeZip([
      { name: 'SMS_TaskSequencePackage/CM100031/object.xml', data: OBJ },
      { name: 'tools/naïve ✓.ps1', data: 'x' },
      { name: 'cp437', nameBytes: Buffer.from([0x9a, 0x62, 0x65, 0x72, 0xff]), data: 'y' },
    ]);
    expect(readZip(zip).entries.map((e) => e.name)).toEqual(['SMS_TaskSequencePackage/CM100031/object.xml', 'tools/naïve ✓.ps1', 'Über\u00a0']);
  });
});
