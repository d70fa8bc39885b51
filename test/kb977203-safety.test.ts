// The KB977203 preset never writes a value that would corrupt the sequence, and never half-applies: option values are
// checked by meaning in the library (not only the CLI), values from the document before they go into PATCH, and every
// refusal comes before the first edit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyKb977203, checkKb977203, createRestartComputerStep, readTaskSequence, writeTaskSequence, writeTaskSequenceText, type Kb977203Options } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { thrown } from './helpers/thrown.js';

const SETUP = (props = 'SMSSLP=SLP01', pkg = 'ABC00002') =>
  `<sequence version="3.00"><step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">${props}</variable><variable name="_SMSClientPackageID" property="ClientPackageID">${pkg}</variable></defaultVarList></step></sequence>`;

/** Applies and returns the refusal, checking the document was left exactly as it was read. */
function refused(input: string, options: unknown) {
  const doc = readTaskSequence(input);
  const before = writeTaskSequenceText(doc);
  const error = thrown(() => applyKb977203(doc, options as Kb977203Options));
  expect(writeTaskSequenceText(doc)).toBe(before);
  return error;
}

describe('KB977203 option values are checked by meaning, in the library', () => {
  const base = { certfixPackage: 'ABC00010' };
  const cases: [string, Partial<Kb977203Options>, RegExp][] = [
    ['a double quote in source (would inject another property)', { source: '\\\\srv\\share" SMSMP=evil.example "x' }, /double quote/],
    ['a ; in source (would split the PATCH list)', { source: '\\\\srv\\share;\\\\other\\x' }, /";"/],
    ['a ; in the .msp name', { msp: 'a;b.msp' }, /";"|pattern|msp/],
    [';; in the program name (DependentProgram is <package>;;<program>)', { certfixProgram: 'CCM;;Fix' }, /";"/],
    ['a newline in the program name', { certfixProgram: 'CCM\nFix' }, /control character \(U\+000A\)/],
    ['a NUL in source', { source: '\\\\srv\\sh\u0000are' }, /control character \(U\+0000\)/],
    ['U+FFFE in the program name', { certfixProgram: 'CCM\ufffeFix' }, /U\+FFFE/],
    ['a lone surrogate in source', { source: '\\\\srv\\sh\ud800are' }, /lone surrogate/],
    ['a lone low surrogate in the step name', { certfixStepName: 'Fix \udc00' }, /lone surrogate/],
    ['a program name of 101 characters', { certfixProgram: 'P'.repeat(101) }, /101|100/],
  ];
  for (const [what, options, message] of cases) {
    it(`refuses ${what}, before any edit`, () => {
      expect(refused(SETUP(), { ...base, ...options }).message).toMatch(message);
    });
  }

  it('reads only own data properties: a getter is refused, an inherited certfixPackage does not count', () => {
    const getter = Object.defineProperty({ certfixPackage: 'ABC00010' }, 'source', { get: () => '\\\\srv\\share', enumerable: true });
    expect(refused(SETUP(), getter).message).toMatch(/source.*accessor/);
    const inherited = Object.create({ certfixPackage: 'ABC00010' }) as object;
    expect(refused(SETUP(), inherited).code).toBe('OPTIONS_INVALID');
    // A getter that answers the schema check with one value and the preset with another cannot slip through.
    let calls = 0;
    const shifty = Object.defineProperty({ certfixPackage: 'ABC00010' }, 'certfixProgram', { get: () => (calls++ === 0 ? 'CCMCertFix' : 'a;;b'), enumerable: true });
    expect(refused(SETUP(), shifty).code).toBe('OPTIONS_INVALID');
  });

  it('checks the client package taken from the document before writing it into PATCH (a quote, a %variable%)', () => {
    expect(refused(SETUP('', 'ABC"0002'), base).message).toMatch(/ABC\\"0002.*client package/);
    const error = refused(SETUP('', '%_SMSTSMDataPath%'), base);
    expect(error.message).toMatch(/%_SMSTSMDataPath%/);
  });

  it('refuses installation properties with an unclosed quote, giving line and column, rather than adding PATCH on every run', () => {
    const input = `<sequence version="3.00">\n  <step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup" description="" runIn="WinPEandFullOS" successCodeList="0">\n    <action>OSDSetupWindows.exe</action>\n    <defaultVarList>\n      <variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSMP="mp01 FSP=fsp01</variable>\n      <variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable>\n    </defaultVarList>\n  </step>\n</sequence>`;
    const error = refused(input, base);
    expect([error.code, error.linePos]).toEqual(['INSTALL_PROPERTIES_INVALID', { line: 5, col: 7 }]);
    expect(error.message).toMatch(/character 7/);
  });
});

describe('KB977203 refusals come before the first edit', () => {
  it('an object.xml without a DependentProgram property is patched with a warning, not half-patched and refused', () => {
    const text = readFileSync(join(FIXTURES_DIR, 'kb977203', 'replace-restore-object-xml', 'input.xml'), 'utf8');
    const start = text.indexOf('<PROPERTY NAME="DependentProgram"');
    const without = text.slice(0, start) + text.slice(text.indexOf('</PROPERTY>', start) + '</PROPERTY>'.length);
    const doc = readTaskSequence(without);
    const report = applyKb977203(doc, { certfixPackage: 'ABC00010', force: true });
    expect(report.diagnostics.find((d) => d.code === 'DEPENDENT_PROGRAM_NOT_IN_FILE')?.message).toMatch(/no DependentProgram property/);
    expect(report.changed).toBe(true);
  });

  it('checkKb977203 reports the changes apply would make and leaves the document untouched', () => {
    const input = SETUP();
    const doc = readTaskSequence(input);
    const check = checkKb977203(doc, { certfixPackage: 'ABC00010' });
    expect(Buffer.from(writeTaskSequence(doc)).toString()).toBe(input);
    const applied = applyKb977203(doc, { certfixPackage: 'ABC00010' });
    expect(check).toEqual(applied);
    expect(checkKb977203(doc, { certfixPackage: 'ABC00010' }).changed).toBe(false);
  });
});

describe('step builders', () => {
  it('take a description of 255 characters (the WMI limit) and refuse 256', () => {
    expect(createRestartComputerStep({ name: 'R', description: 'd'.repeat(255) }).attributes.description).toHaveLength(255);
    expect(thrown(() => createRestartComputerStep({ name: 'R', description: 'd'.repeat(256) })).code).toBe('INVALID_ARGUMENT');
  });
});

describe('KB977203 PATCH lists with several KB977203 entries', () => {
  it('a wrong entry before the right one is removed, not replaced by a second copy of it', () => {
    const right = 'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp';
    const wrong = right.replace('ABC00002', 'ABC00099');
    const doc = readTaskSequence(SETUP(`PATCH="${wrong};${right}"`));
    const report = applyKb977203(doc, { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' });
    expect(writeTaskSequenceText(doc)).toContain(`PATCH="${right}"</variable>`);
    expect(report.changes[0]!.what).toMatch(/^replaced in PATCH: removed .*ABC00099/);
  });
});
