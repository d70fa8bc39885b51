// A ReferencesInfo.xml with a character reference that is no XML character (past U+10FFFF, a surrogate, NUL) is not
// well-formed: the archive still reads, and the file is one cmts cannot edit (left as it was, with a warning),
// never a RangeError.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { applyTransform, exportZipPartWarnings, readEntry, readExportZip, readZip, writeExportZip } from './helpers/api.js';
import { makeZip } from './helpers/make-zip.js';
import { memoryIo } from './helpers/memory-io.js';

const SEQ = '<sequence version="3.10"><referenceList><reference package="CM100010" /></referenceList><step type="SMS_TaskSequence_RunCommandLineAction" name="a"><action>cmd /c a</action></step></sequence>';
const OBJ = `<INSTANCE CLASSNAME="SMS_TaskSequencePackage"><PROPERTY NAME="Sequence" TYPE="string"><VALUE><![CDATA[${SEQ}]]></VALUE></PROPERTY></INSTANCE>`;
const INFO_PART = 'SMS_TaskSequencePackage/CM100031/ReferencesInfo.xml';
const item = (name: string) =>
  `<string>&lt;INSTANCE CLASSNAME="SMS_TaskSequenceReferencesInfo"&gt;&lt;PROPERTY NAME="ReferenceName" TYPE="string"&gt;&lt;VALUE&gt;${name}&lt;/VALUE&gt;&lt;/PROPERTY&gt;&lt;PROPERTY NAME="ReferencePackageID" TYPE="string"&gt;&lt;VALUE&gt;CM100010&lt;/VALUE&gt;&lt;/PROPERTY&gt;&lt;PROPERTY NAME="ReferencePackageType" TYPE="uint32"&gt;&lt;VALUE&gt;0&lt;/VALUE&gt;&lt;/PROPERTY&gt;&lt;/INSTANCE&gt;</string>`;
const archive = (info: string) =>
  makeZip([
    { name: 'SMS_TaskSequencePackage/CM100031/object.xml', data: OBJ },
    { name: INFO_PART, data: info },
  ]);

describe('ReferencesInfo.xml with a character reference to no XML character', () => {
  for (const ref of ['&#x110000;', '&#99999999999;', '&#xD800;', '&#0;', '&amp;#x110000;']) {
    it(`${ref}: the archive reads; an edit leaves the file as it was and warns`, () => {
      const info = `<ArrayOfString>${item(`a${ref}`)}</ArrayOfString>`;
      const x = readExportZip(archive(info));
      const part = x.sequences[0]!;
      // With its type given, the package would get an item in a file cmts can edit.
      applyTransform('add-reference', part.doc, { packageId: 'CM100020', packageType: 0, packageName: 'N', packageDescription: 'D', packageVersion: '1' });
      expect(exportZipPartWarnings(part).map((w) => w.code)).toEqual(['ZIP_REFERENCES_INFO_UNCHANGED']);
      const out = readZip(writeExportZip(x));
      expect(Buffer.from(readEntry(out, out.entries.find((e) => e.name === INFO_PART)!)).toString()).toBe(info);
    });
  }

  it('cmts inspect reads the archive instead of stopping with a stack trace', async () => {
    const m = memoryIo({ 'in.zip': archive(`<ArrayOfString>${item('&#x110000;')}</ArrayOfString>`) });
    expect(await main(['inspect', 'in.zip'], m.io)).toBe(0);
  });

  it('the same edit on a file without such a reference adds the item', () => {
    const x = readExportZip(archive(`<ArrayOfString>${item('a')}</ArrayOfString>`));
    applyTransform('add-reference', x.sequences[0]!.doc, { packageId: 'CM100020', packageType: 0, packageName: 'N', packageDescription: 'D', packageVersion: '1' });
    expect(exportZipPartWarnings(x.sequences[0]!)).toEqual([]);
  });

  it('a name with an ordinary character reference is still read, and lends it to another sequence', () => {
    const x = readExportZip(archive(`<ArrayOfString>${item('&amp;#xE9;t&amp;#233;')}</ArrayOfString>`));
    expect(x.sequences[0]!.packagesInArchive.get('CM100010')).toMatchObject({ name: 'été', packageType: 0 });
  });
});
