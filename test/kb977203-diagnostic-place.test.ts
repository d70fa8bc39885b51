// The KB977203 preset's diagnostics about a step, a group or a variable read from the file carry its place (line,
// column, file) as lint's findings do, in the API, in --json and in the text report (`file:line:col:`), whatever the
// file's line ends, BOM or encoding, and for a sequence inside an export .zip; one about a node built since the file
// was read, or about the package or the options, has none. They had a path and no place.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../lib/cli/main.js';
import { addStep, checkKb977203, findItems, type Issue, type Kb977203Options, lint, readTaskSequence, revertKb977203 } from './helpers/api.js';
import { makeZip } from './helpers/make-zip.js';
import { memoryIo } from './helpers/memory-io.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010' };
const SETUP_TAG = '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction"';
const PATH = 'Install Operating System/Setup Windows and ConfigMgr';
/** The 2007 export of the README (CRLF), its Setup step disabled. */
const DISABLED = readFileSync(join(import.meta.dirname, '..', 'examples', 'refresh-2007.xml'), 'latin1').replace('name="Setup Windows and ConfigMgr" description=""', '$& disable="true"');

/** Line and column (1-based, UTF-16 units) of the first `needle` in `text`, counted here apart from the library. */
function place(text: string, needle: string): { line: number; col: number } {
  const at = text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, col: (before.at(-1) as string).length + 1 };
}

const only = (issues: readonly Issue[], code: string) => {
  const found = issues.filter((d) => d.code === code);
  expect(found).toHaveLength(1);
  return found[0] as Issue;
};

describe("the KB977203 preset's diagnostics", () => {
  it('place one about a step where lint places its finding about that step, with the file', () => {
    const doc = readTaskSequence(Buffer.from(DISABLED, 'latin1'), { file: 'dis.xml' });
    const d = only(checkKb977203(doc, O).diagnostics, 'KB977203_SETUP_DISABLED');
    expect(d).toMatchObject({ path: PATH, ...place(DISABLED, SETUP_TAG), file: 'dis.xml' });
    const finding = only(lint(doc), 'kb977203/fix-absent');
    expect([d.line, d.col, d.file]).toEqual([finding.line, finding.col, finding.file]);
  });

  it('give the same place for LF and CRLF line ends, with a UTF-8 BOM and in UTF-16', () => {
    const want = place(DISABLED, SETUP_TAG);
    const lf = DISABLED.replace(/\r\n/g, '\n');
    const inputs: [string, Buffer][] = [
      ['crlf', Buffer.from(DISABLED, 'latin1')],
      ['lf', Buffer.from(lf, 'latin1')],
      ['bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(DISABLED, 'latin1')])],
      ['utf16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DISABLED.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="utf-16"?>'), 'utf16le')])],
    ];
    for (const [name, bytes] of inputs) {
      const doc = readTaskSequence(bytes, { file: name });
      const d = only(checkKb977203(doc, O).diagnostics, 'KB977203_SETUP_DISABLED');
      expect({ line: d.line, col: d.col, file: d.file }, name).toEqual({ ...want, file: name });
    }
  });

  it('place one on a one-line UTF-16 sequence after its BOM, as lint does', () => {
    const bytes = readFileSync(join(import.meta.dirname, '..', 'examples', 'new-computer-bare-utf16le.xml'));
    const text = bytes.subarray(2).toString('utf16le');
    const disabled = text.replace(/(<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="[^"]*" description="[^"]*")/, '$1 disable="true"');
    expect(disabled).not.toBe(text);
    const doc = readTaskSequence(Buffer.concat([bytes.subarray(0, 2), Buffer.from(disabled, 'utf16le')]), { file: 'nc.xml' });
    const d = only(checkKb977203(doc, { ...O, scenario: 'new-computer' }).diagnostics, 'KB977203_SETUP_DISABLED');
    expect(d).toMatchObject({ ...place(disabled, SETUP_TAG), file: 'nc.xml' });
  });

  it('place one in an object.xml whose sequence is entity-escaped text at the step as written in the file', () => {
    const object = readFileSync(join(import.meta.dirname, '..', 'examples', 'replace-restore.object.xml'), 'latin1');
    const inner = /<!\[CDATA\[([\s\S]*?)\]\]>/.exec(object)?.[1] as string;
    const escaped = object.replace(/<!\[CDATA\[[\s\S]*?\]\]>/, inner.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace('name=&quot;Setup Windows and ConfigMgr&quot; description=&quot;&quot;', '$& disable=&quot;true&quot;'));
    const doc = readTaskSequence(Buffer.from(escaped, 'latin1'), { file: 'object.xml' });
    const d = only(checkKb977203(doc, { ...O, scenario: 'replace-restore', force: true }).diagnostics, 'KB977203_SETUP_DISABLED');
    expect(d).toMatchObject({ ...place(escaped, '&lt;step type=&quot;SMS_TaskSequence_SetupWindowsAndSMSAction&quot;'), file: 'object.xml' });
  });

  it('place one in an export .zip at the part, in --json and in the text report as lint prints a finding', async () => {
    const object = readFileSync(join(import.meta.dirname, '..', 'examples', 'replace-restore.object.xml'), 'latin1').replace('name="Setup Windows and ConfigMgr" description=""', '$& disable="true"');
    const part = 'SMS_TaskSequencePackage/CM100099/object.xml';
    const zip = makeZip([{ name: part, data: Buffer.from(object, 'latin1') }]);
    const args = ['kb977203', 'x.zip', '--dry-run', '--force', '--scenario', 'replace-restore', '--certfix-package', 'ABC00010'];
    const want = place(object, SETUP_TAG);
    const json = memoryIo({ 'x.zip': zip });
    await main([...args, '--json'], json.io);
    const result = JSON.parse(json.stdout) as { results: { report: { diagnostics: Issue[] } }[] };
    const d = only(result.results[0]?.report.diagnostics ?? [], 'KB977203_SETUP_DISABLED');
    expect(d).toMatchObject({ path: PATH, ...want, file: `x.zip!${part}` });
    const text = memoryIo({ 'x.zip': zip });
    await main(args, text.io);
    expect(text.stderr).toContain(`\n  x.zip!${part}:${want.line}:${want.col}: warning KB977203_SETUP_DISABLED ${PATH}: "${PATH}" is disabled`);
    // One about the options has no place, and is printed as before.
    expect(text.stderr).toContain('\n  info KB977203_ASSUMED_VERSION: No client version was given');
  });

  it('place one about a global variable, which has no path, at the variable', () => {
    const props = '<globalVarList><variable name="SMSClientInstallProperties">SMSSLP=CM01</variable></globalVarList>';
    const text = DISABLED.replace(/(<sequence version="3.00">)/, `$1${props}`);
    const doc = readTaskSequence(Buffer.from(text, 'latin1'), { file: 'g.xml' });
    const d = only(checkKb977203(doc, O).diagnostics, 'KB977203_PROPERTIES_OVERRIDDEN');
    expect(d.path).toBeUndefined();
    expect(d).toMatchObject({ ...place(text, '<variable name="SMSClientInstallProperties">SMSSLP'), file: 'g.xml' });
  });

  it("place revert's too", () => {
    // A KB977203 entry beside no CCMCertFix step: revert keeps it and says so, of the Setup step.
    const text = DISABLED.replace('FSP=CM01.contoso.com<', 'FSP=CM01.contoso.com PATCH="C:\\_SMSTaskSequence\\OSD\\CM100002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp"<');
    expect(text).not.toBe(DISABLED);
    const doc = readTaskSequence(Buffer.from(text, 'latin1'), { file: 'r.xml' });
    const d = only(revertKb977203(doc, O).diagnostics, 'KB977203_REVERT_PATCH_KEPT');
    expect(d).toMatchObject({ path: PATH, ...place(text, SETUP_TAG), file: 'r.xml' });
  });

  it('give none for a step built since the file was read, nor for one about the options', () => {
    const doc = readTaskSequence(Buffer.from(DISABLED.replace(' disable="true"', ''), 'latin1'), { file: 'b.xml' });
    const group = findItems(doc.sequence, { kind: 'group', name: 'Install Operating System' })[0]?.node;
    if (group?.kind !== 'group') throw new Error('no group');
    addStep(doc, 'Setup Windows and ConfigMgr', { name: 'Setup (built)', disabled: true, settings: { clientPackageId: 'CM100002' } }, { last: group });
    const report = checkKb977203(doc, O);
    const d = only(report.diagnostics, 'KB977203_SETUP_DISABLED');
    expect(d.path).toBe('Install Operating System/Setup (built)');
    for (const key of ['line', 'col', 'file'] as const) expect(d[key]).toBeUndefined();
    const assumed = only(report.diagnostics, 'KB977203_ASSUMED_VERSION');
    for (const key of ['line', 'col', 'file'] as const) expect(assumed[key]).toBeUndefined();
  });

  it("place many through the document's positionOf, each where it is", () => {
    // 2,000 disabled Setup steps, each on lines of its own. Each place is the document's positionOf's, lint's helper,
    // which finds the line starts once a document and searches them: no second reading of the text from its start for
    // each diagnostic.
    const n = 2000;
    const steps = Array.from({ length: n }, (_, i) => `\r\n  <step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup ${i}" description="" disable="true" runIn="WinPEandFullOS" successCodeList="0">\r\n    <action>OSDSetupWindows.exe</action>\r\n    <defaultVarList><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList>\r\n  </step>`).join('');
    const text = `<sequence version="3.00"><group name="G" description="">${steps}\r\n</group></sequence>\r\n`;
    const doc = readTaskSequence(text, { file: 'many.xml' });
    const asked = vi.spyOn(doc, 'positionOf');
    const disabled = checkKb977203(doc, { ...O, scenario: 'new-computer' }).diagnostics.filter((d) => d.code === 'KB977203_SETUP_DISABLED');
    expect(disabled).toHaveLength(n);
    disabled.forEach((d, i) => expect({ line: d.line, col: d.col }).toEqual({ line: 2 + 4 * i, col: 3 }));
    expect(asked.mock.calls.length).toBeGreaterThanOrEqual(n);
  });
});
