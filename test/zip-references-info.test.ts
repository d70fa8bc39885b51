// An export .zip's SMS_TaskSequencePackage/<ID>/ReferencesInfo.xml stays in agreement with the sequence's
// <referenceList> when an edit adds or removes a package reference. The archives are built here, their
// ReferencesInfo.xml in the form a real Current Branch export has (forevanyeung/tasksequences,
// tasksequence1/SMS_TaskSequencePackage/RSC002A6/ReferencesInfo.xml): UTF-8 BOM, CRLF, items sorted by
// ReferencePackageID, each an escaped CIM-XML instance whose own lines are indented by two spaces, no line break at the
// end of the file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { addPackageReference, applyKb977203, createTransform, exportZipPartWarnings, readEntry, readExportZip, readZip, revertKb977203, TransformContext, writeExportZip, type Kb977203Options } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { makeZip } from './helpers/make-zip.js';
import { memoryIo } from './helpers/memory-io.js';

const CRLF = '\r\n';
const BOM = '\ufeff';
const OBJECT = readEntryText(readFileSync(join(FIXTURES_DIR, 'zip', 'export.zip')), 'SMS_TaskSequencePackage/CM100031/object.xml');
const INFO = 'SMS_TaskSequencePackage/CM100031/ReferencesInfo.xml';

function readEntryText(zip: Uint8Array, name: string): string {
  const z = readZip(zip);
  return Buffer.from(readEntry(z, z.entries.find((e) => e.name === name)!)).toString('utf8');
}

/** One item as the real export writes it (transcribed from it, property for property). */
function item(sequence: string, id: string, name: string, description: string, type: number, version: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const prop = (n: string, t: string, v: string) => `  &lt;PROPERTY NAME="${n}" TYPE="${t}"&gt;${CRLF}    &lt;VALUE&gt;${esc(esc(v))}&lt;/VALUE&gt;${CRLF}  &lt;/PROPERTY&gt;${CRLF}`;
  return (
    `  <string>&lt;INSTANCE CLASSNAME="SMS_TaskSequenceReferencesInfo"&gt;${CRLF}` +
    `  &lt;PROPERTY TYPE="string" NAME="__RELPATH"&gt;${CRLF}    &lt;VALUE&gt;&lt;/VALUE&gt;${CRLF}  &lt;/PROPERTY&gt;${CRLF}` +
    prop('PackageID', 'string', sequence) +
    prop('ProgramName', 'string', '*') +
    prop('ReferenceDescription', 'string', description) +
    prop('ReferenceName', 'string', name) +
    prop('ReferencePackageID', 'string', id) +
    prop('ReferencePackageType', 'uint32', String(type)) +
    prop('ReferenceProgramName', 'string', '*') +
    prop('ReferenceVersion', 'string', version) +
    `&lt;/INSTANCE&gt;</string>${CRLF}`
  );
}

const HEAD = `${BOM}<ArrayOfString xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">${CRLF}`;
const TAIL = '</ArrayOfString>';
const CLIENT = item('CM100031', 'CM100002', 'Configuration Manager Client Package', '', 0, '');
const IMAGE = item('CM100031', 'CM100007', 'Windows 7 Enterprise x64', 'Reference image & drivers <2010>', 257, '1');
const INFO_TEXT = HEAD + CLIENT + IMAGE + TAIL;

/** An export of CM100031 with `info` as its ReferencesInfo.xml (null: none), and a second sequence CM100032 when asked. */
function exportZip(info: string | Buffer | null = INFO_TEXT, second?: { info: string }): Buffer {
  const manifest = '<?xml version="1.0" encoding="utf-8"?><LibraryDocument><Properties /><Contents /><EntryObjects /></LibraryDocument>';
  const entries = [
    { name: '[Content_Types].xml', data: '<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="text/xml" /></Types>' },
    { name: 'Manifest.xml', data: manifest },
    { name: 'SMS_TaskSequencePackage/CM100031/object.xml', data: OBJECT },
    ...(info === null ? [] : [{ name: INFO, data: info }]),
    { name: 'SMS_TaskSequencePackage/CM100031/AppReferencesInfo.xml', data: `${BOM}<ArrayOfString xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" />` },
  ];
  if (second) {
    const object = OBJECT.replace(/CM100031/g, 'CM100032').replace('</referenceList>', '<reference package="CM100010"/></referenceList>');
    entries.push({ name: 'SMS_TaskSequencePackage/CM100032/object.xml', data: object }, { name: 'SMS_TaskSequencePackage/CM100032/ReferencesInfo.xml', data: second.info });
  }
  return makeZip(entries);
}

const KB: Kb977203Options = { certfixPackage: 'CM100010', scenario: 'replace-restore', force: true };

function applied(zip: Buffer, options: Partial<Kb977203Options> = {}) {
  const x = readExportZip(zip);
  const part = x.sequences[0]!;
  applyKb977203(part.doc, { ...KB, ...options });
  const warnings = exportZipPartWarnings(part);
  const out = Buffer.from(writeExportZip(x));
  return { out, warnings, info: readEntryText(out, INFO) };
}

describe('ReferencesInfo.xml of an export .zip', () => {
  it('KB977203 adds an item for the CCMCertFix package in the export’s own form, after the items it sorts after; every other byte stays', () => {
    const { info, out } = applied(exportZip(), { certfixPackageName: 'CCMCertFix', certfixPackageDescription: 'KB977203 client certificate fix', certfixPackageVersion: '1.0' });
    expect(info).toBe(HEAD + CLIENT + IMAGE + item('CM100031', 'CM100010', 'CCMCertFix', 'KB977203 client certificate fix', 0, '1.0') + TAIL);
    // The other parts are copied as they were (the AppReferencesInfo.xml included).
    const before = readZip(exportZip());
    const after = readZip(out);
    for (const e of before.entries.filter((n) => !/object\.xml$|\/ReferencesInfo\.xml$/.test(n.name))) {
      const a = after.entries.find((n) => n.name === e.name)!;
      expect(Buffer.from(out.subarray(a.localOffset, a.localEnd)).equals(Buffer.from(before.bytes.subarray(e.localOffset, e.localEnd))), e.name).toBe(true);
    }
  });

  it('a package that sorts between two items goes between them', () => {
    const { info } = applied(exportZip(), { certfixPackage: 'CM100005', certfixPackageName: 'CCMCertFix' });
    expect(info).toBe(HEAD + CLIENT + item('CM100031', 'CM100005', 'CCMCertFix', '', 0, '') + IMAGE + TAIL);
  });

  it('what nothing said is written empty and said: the name as a warning, description and version as information', () => {
    const unnamed = applied(exportZip());
    expect(unnamed.info).toBe(HEAD + CLIENT + IMAGE + item('CM100031', 'CM100010', '', '', 0, '') + TAIL);
    expect(unnamed.warnings).toEqual([expect.objectContaining({ code: 'ZIP_REFERENCES_INFO_INCOMPLETE', severity: 'warning' })]);
    expect(unnamed.warnings[0]!.message).toMatch(/CM100010 with an empty ReferenceName, ReferenceDescription, ReferenceVersion.*--certfix-package-name/);
    const named = applied(exportZip(), { certfixPackageName: 'CCMCertFix' });
    expect(named.warnings).toEqual([expect.objectContaining({ code: 'ZIP_REFERENCES_INFO_INCOMPLETE', severity: 'info' })]);
    expect(named.warnings[0]!.message).toMatch(/empty ReferenceDescription, ReferenceVersion/);
  });

  it('names, descriptions and versions with &, < and > are escaped twice, as in the real file (once in the instance, once in <string>)', () => {
    const { info } = applied(exportZip(), { certfixPackageName: 'Fix <cert> & restart', certfixPackageDescription: 'a "quoted" word', certfixPackageVersion: '1.0' });
    expect(info).toContain('&lt;VALUE&gt;Fix &amp;lt;cert&amp;gt; &amp;amp; restart&lt;/VALUE&gt;');
    expect(info).toContain('&lt;VALUE&gt;a "quoted" word&lt;/VALUE&gt;');
  });

  it('another sequence of the same archive that lists the package lends its name, description, type and version', () => {
    const lender = HEAD + item('CM100032', 'CM100002', 'Configuration Manager Client Package', '', 0, '') + item('CM100032', 'CM100010', 'CCMCertFix (KB977203)', 'from the other export', 0, '2') + TAIL;
    const { info, warnings } = applied(exportZip(INFO_TEXT, { info: lender }));
    expect(info).toBe(HEAD + CLIENT + IMAGE + item('CM100031', 'CM100010', 'CCMCertFix (KB977203)', 'from the other export', 0, '2') + TAIL);
    expect(warnings).toEqual([]);
    // What the caller says wins over the archive, field by field.
    expect(applied(exportZip(INFO_TEXT, { info: lender }), { certfixPackageVersion: '3' }).info).toContain(item('CM100031', 'CM100010', 'CCMCertFix (KB977203)', 'from the other export', 0, '3'));
  });

  it('apply then revert gives back the original archive byte for byte; applying twice is applying once', () => {
    const original = exportZip();
    const { out, info } = applied(original, { certfixPackageName: 'CCMCertFix' });
    expect(info).toBe(HEAD + CLIENT + IMAGE + item('CM100031', 'CM100010', 'CCMCertFix', '', 0, '') + TAIL);
    const again = readExportZip(out);
    expect(applyKb977203(again.sequences[0]!.doc, { ...KB, certfixPackageName: 'CCMCertFix' }).changed).toBe(false);
    expect(Buffer.from(writeExportZip(again)).equals(out)).toBe(true);
    const back = readExportZip(out);
    revertKb977203(back.sequences[0]!.doc, KB);
    expect(exportZipPartWarnings(back.sequences[0]!)).toEqual([]);
    expect(readEntryText(writeExportZip(back), INFO)).toBe(INFO_TEXT);
    expect(Buffer.from(writeExportZip(back)).equals(original)).toBe(true);
  });

  it('an archive nothing edits is written back as its bytes, whatever its ReferencesInfo.xml holds', () => {
    for (const zip of [exportZip(), exportZip(Buffer.from([0xff, 0xfe, 0x3c, 0x00])), exportZip(null)]) {
      expect(Buffer.from(writeExportZip(readExportZip(zip))).equals(zip)).toBe(true);
    }
  });

  it('an empty array (XmlSerializer’s self-closed <ArrayOfString … />) is opened for the item, and closed again by revert', () => {
    const empty = `${BOM}<ArrayOfString xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" />`;
    const original = exportZip(empty);
    const { out, info } = applied(original, { certfixPackageName: 'CCMCertFix' });
    expect(info).toBe(HEAD + item('CM100031', 'CM100010', 'CCMCertFix', '', 0, '') + TAIL);
    const back = readExportZip(out);
    revertKb977203(back.sequences[0]!.doc, KB);
    expect(readEntryText(writeExportZip(back), INFO)).toBe(empty);
  });

  it('other layouts are kept: items on one line get the new one on that line; an emptied array is closed as XmlSerializer writes it', () => {
    const oneLine = (id: string, name: string) =>
      `<string>&lt;INSTANCE CLASSNAME="SMS_TaskSequenceReferencesInfo"&gt;&lt;PROPERTY NAME="ReferenceName" TYPE="string"&gt;&lt;VALUE&gt;${name}&lt;/VALUE&gt;&lt;/PROPERTY&gt;&lt;PROPERTY NAME="ReferencePackageID" TYPE="string"&gt;&lt;VALUE&gt;${id}&lt;/VALUE&gt;&lt;/PROPERTY&gt;&lt;/INSTANCE&gt;</string>`;
    const text = `<?xml version="1.0" encoding="utf-8"?><ArrayOfString>${oneLine('CM100002', 'Client &amp;amp; &amp;#x41;')}${oneLine('CM100007', 'Image')}</ArrayOfString>`;
    const original = exportZip(text);
    const { out, info } = applied(original, { certfixPackage: 'CM100005', certfixPackageName: 'CCMCertFix' });
    const added = item('CM100031', 'CM100005', 'CCMCertFix', '', 0, '').trim();
    expect(info).toBe(text.replace(oneLine('CM100007', 'Image'), `${added}${oneLine('CM100007', 'Image')}`));
    const back = readExportZip(out);
    revertKb977203(back.sequences[0]!.doc, { ...KB, certfixPackage: 'CM100005' });
    expect(Buffer.from(writeExportZip(back)).equals(original)).toBe(true);

    // An empty array with an end tag (not what XmlSerializer writes) gets the item on a line of its own.
    const open = '<ArrayOfString xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">';
    const emptied = applied(exportZip(`${open}\n</ArrayOfString>`), { certfixPackageName: 'CCMCertFix' });
    expect(emptied.info).toBe(`${open}\n${item('CM100031', 'CM100010', 'CCMCertFix', '', 0, '').replace(/\r\n/g, '\n')}</ArrayOfString>`);
    const x = readExportZip(emptied.out);
    revertKb977203(x.sequences[0]!.doc, KB);
    expect(readEntryText(writeExportZip(x), INFO)).toBe('<ArrayOfString xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" />');
  });

  it('revert removes the item of a package it removes from the reference list, and nothing else', () => {
    const withCertfix = HEAD + CLIENT + IMAGE + item('CM100031', 'CM100010', 'CCMCertFix', '', 0, '') + TAIL;
    const x = readExportZip(applied(exportZip(withCertfix)).out);
    // Applied to an export that already listed the package: the item was not added a second time.
    expect(readEntryText(writeExportZip(x), INFO)).toBe(withCertfix);
    revertKb977203(x.sequences[0]!.doc, KB);
    expect(readEntryText(writeExportZip(x), INFO)).toBe(INFO_TEXT);
  });

  it('--force onto another CCMCertFix package: the old package’s item goes and the new package’s item comes', () => {
    const certfixStep =
      '<step type="SMS_TaskSequence_InstallSoftwareAction" name="Old CCMCertFix" description="" runIn="FullOS" successCodeList="0" retryCount="0" runFromNet="false"><action>smsswd.exe /pkg:CM100099 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">CM100099</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList></step>';
    const object = OBJECT.replace('<VALUE></VALUE>', '<VALUE>CM100099;;CCMCertFix</VALUE>')
      .replace('</referenceList>', '<reference package="CM100099"/></referenceList>')
      .replace('<step type="SMS_TaskSequence_RestoreUserStateAction"', `${certfixStep}<step type="SMS_TaskSequence_RestoreUserStateAction"`);
    const old = item('CM100031', 'CM100099', 'Old CCMCertFix', '', 0, '1');
    const zip = makeZip([
      { name: 'SMS_TaskSequencePackage/CM100031/object.xml', data: object },
      { name: INFO, data: HEAD + CLIENT + IMAGE + old + TAIL },
    ]);
    const x = readExportZip(zip);
    applyKb977203(x.sequences[0]!.doc, { ...KB, certfixPackageName: 'CCMCertFix', certfixPackageVersion: '2' });
    expect(readEntryText(writeExportZip(x), INFO)).toBe(HEAD + CLIENT + IMAGE + item('CM100031', 'CM100010', 'CCMCertFix', '', 0, '2') + TAIL);
  });

  it('add-reference with a package type adds an item; without one, and with no other item to say it, the file is left and a warning says why', () => {
    const typed = readExportZip(exportZip());
    createTransform('add-reference', { packageId: 'CM100040', packageType: 4, packageName: 'Child sequence', program: '*' })(typed.sequences[0]!.doc, new TransformContext());
    expect(readEntryText(writeExportZip(typed), INFO)).toBe(HEAD + CLIENT + IMAGE + item('CM100031', 'CM100040', 'Child sequence', '', 4, '') + TAIL);

    const untyped = readExportZip(exportZip());
    addPackageReference(untyped.sequences[0]!.doc.sequence, 'CM100099');
    const warnings = exportZipPartWarnings(untyped.sequences[0]!);
    expect(warnings).toEqual([expect.objectContaining({ code: 'ZIP_REFERENCES_INFO_UNCHANGED', severity: 'warning' })]);
    expect(warnings[0]!.message).toMatch(/CM100099.*nothing said what kind of package/);
    expect(readEntryText(writeExportZip(untyped), INFO)).toBe(INFO_TEXT);
  });

  it('a ReferencesInfo.xml cmts cannot edit, or none at all, is left as it is, with a warning naming the part', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(INFO_TEXT.slice(1), 'utf16le')]);
    for (const [zip, words] of [
      [exportZip(utf16), /ReferencesInfo\.xml is left as it was: it is not a UTF-8 <ArrayOfString>/],
      [exportZip(null), /the archive has no SMS_TaskSequencePackage\/CM100031\/ReferencesInfo\.xml/],
    ] as const) {
      const { warnings, out } = (() => {
        const x = readExportZip(zip);
        applyKb977203(x.sequences[0]!.doc, { ...KB, certfixPackageName: 'CCMCertFix' });
        return { warnings: exportZipPartWarnings(x.sequences[0]!), out: writeExportZip(x) };
      })();
      expect(warnings).toEqual([expect.objectContaining({ code: 'ZIP_REFERENCES_INFO_UNCHANGED' })]);
      expect(warnings[0]!.message).toMatch(words);
      expect(readZip(out).entries.map((e) => e.name)).toEqual(readZip(zip).entries.map((e) => e.name));
    }
  });

  it('cmts kb977203 --certfix-package-name/-version fills the item; --revert gives back the original archive', async () => {
    const original = exportZip();
    const m = memoryIo({ 'ts.zip': original });
    const args = ['ts.zip', '--in-place', '--certfix-package', 'CM100010', '--scenario', 'replace-restore', '--force'];
    expect(await main(['kb977203', ...args, '--certfix-package-name', 'CCMCertFix', '--certfix-package-version', '1.0'], m.io)).toBe(0);
    expect(readEntryText(m.fs.get('ts.zip')!, INFO)).toBe(HEAD + CLIENT + IMAGE + item('CM100031', 'CM100010', 'CCMCertFix', '', 0, '1.0') + TAIL);
    expect(m.stderr).not.toMatch(/ZIP_REFERENCES_INFO_UNCHANGED/);
    expect(await main(['kb977203', ...args, '--revert'], m.io)).toBe(0);
    expect(Buffer.from(m.fs.get('ts.zip')!).equals(original)).toBe(true);
  });
});
