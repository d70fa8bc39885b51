// Values the KB977203 preset and the transforms splice into a command line, an action line, the quoted PATCH property
// or DependentProgram are printable ASCII only: anything else can turn into a quote, a separator or a space where
// Windows converts the text to a code page with "best fit" (U+FF02 becomes "), and so inject a property. Values that
// are XML text only (step names, descriptions, messages, package names) keep taking any character. Also: a transform
// option that names a step refuses a path with no such step, and `cmts transform` reports an export's warnings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { ASCII_ADVICE, checkText, textProblem } from '../lib/transforms/values.js';
import { applyKb977203, applyTransform, checkTransform, readExportZip, readTaskSequence, writeTaskSequenceText, type Kb977203Options } from './helpers/api.js';
import { cmts } from './helpers/cli-process.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { memoryIo } from './helpers/memory-io.js';
import { thrown } from './helpers/thrown.js';

const SETUP = (name = 'Setup Windows and ConfigMgr') =>
  `<sequence version="3.00"><step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="${name}" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step></sequence>`;
const TWO_STEPS = `<sequence version="3.00"><group name="Install"><step type="SMS_TaskSequence_RunCommandLineAction" name="Prepare" description="" successCodeList="0 3010"><action>cmd /c exit 0</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd /c exit 0</variable></defaultVarList></step>${SETUP().slice('<sequence version="3.00">'.length, -'</sequence>'.length)}</group></sequence>`;

/**
 * Characters that Windows' best fit turns into a quote, a separator, a redirection or white space in some code page,
 * typographic quotes and primes, the C1 controls, the Unicode line and paragraph separators, no-break and zero-width
 * spaces, and plain letters outside ASCII: every one is refused where the value is spliced.
 */
const OUTSIDE_ASCII = [
  '\uff02', '\u201c', '\u201d', '\u201e', '\u2033', '\u02ba', '\u030e', '\uff07', '\u2018', '\u2019', '\uff05', '\uff1b', '\uff1c', '\uff1e', '\uff5c', '\uff06',
  '\u3000', '\u2000', '\u2006', '\u200b', '\u0080', '\u0085', '\u009f', '\u2028', '\u2029', '\u00a0', '\u037e', '\u2329', '\u00e9', '\u{1F600}',
];
const hex = (c: string) => `U+${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`;

/** Runs `f` on a fresh document, expects INVALID_ARGUMENT naming the character, and the document left as it was read. */
function refusedFor(input: string, c: string, f: (doc: ReturnType<typeof readTaskSequence>) => unknown): string {
  const doc = readTaskSequence(input);
  const before = writeTaskSequenceText(doc);
  const error = thrown(() => f(doc));
  expect(error.code).toBe('INVALID_ARGUMENT');
  expect(error.message).toContain(hex(c));
  expect(writeTaskSequenceText(doc)).toBe(before);
  return error.message;
}

describe('values spliced into PATCH, DependentProgram, a program or a command line are printable ASCII', () => {
  const base = { certfixPackage: 'ABC00010' };
  const preset: [string, (c: string) => Partial<Kb977203Options>, RegExp][] = [
    ['source', (c) => ({ source: `\\\\srv\\sh${c} SMSMP=x` }), /source option .*8\.3 short name/],
    ['msp', (c) => ({ msp: `SCCM2007AC-SP2-KB977203-x86${c}.msp` }), /msp option .*8\.3 short name/],
    ['certfixProgram', (c) => ({ certfixProgram: `CCMCertFix${c} x` }), /certfixProgram option .*name in printable ASCII/],
  ];
  for (const [option, options, advice] of preset) {
    it(`the KB977203 ${option} option: each such character is refused with the character and what to do instead`, () => {
      for (const c of OUTSIDE_ASCII) {
        const message = refusedFor(SETUP(), c, (doc) => applyKb977203(doc, { ...base, ...options(c) }));
        // C1 controls are control characters everywhere; the rest are refused for where the value goes.
        if (/[\u0080-\u009f]/.test(c)) expect(message).toMatch(/control character/);
        else expect(message).toMatch(advice);
      }
    });
  }

  it('the transforms: add-client-patch msp, set-dependent-program and Install Software programName, Run Command Line commandLine', () => {
    const cases: [string, (c: string) => [Parameters<typeof applyTransform>[0], unknown]][] = [
      ['msp', (c) => ['add-client-patch', { msp: `\\\\srv\\sh${c} SMSMP=x\\fix.msp` }]],
      ['programName', (c) => ['set-dependent-program', { packageId: 'ABC00010', programName: `CCMCertFix${c}` }]],
      ['programName', (c) => ['insert-steps-after', { after: { type: 'SMS_TaskSequence_SetupWindowsAndSMSAction' }, steps: [{ type: 'install-software', name: 'Fix', packageId: 'ABC00010', programName: `Fix${c}` }] }]],
      ['commandLine', (c) => ['insert-steps-after', { after: { type: 'SMS_TaskSequence_SetupWindowsAndSMSAction' }, steps: [{ type: 'run-command-line', name: 'Run', commandLine: `cmd /c echo ${c}x` }] }]],
    ];
    for (const [what, make] of cases) {
      for (const c of OUTSIDE_ASCII) {
        const [name, options] = make(c);
        expect(refusedFor(SETUP(), c, (doc) => applyTransform(name, doc, options as never))).toContain(what);
        expect(refusedFor(SETUP(), c, (doc) => checkTransform(name, doc, options as never))).toContain(what);
      }
    }
  });

  it('the refusal keeps the message shape of the other value checks, and shows invisible characters escaped', () => {
    const error = thrown(() => checkText('source option', '\\\\srv\\sh\uff02 SMSMP=x', { ascii: ASCII_ADVICE.path }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(/^The source option "\\\\srv\\sh\uff02 SMSMP=x" has U\+FF02, a character that is not printable ASCII: .*best fit.*8\.3 short name.*\.$/);
    const separator = thrown(() => checkText('source option', '\\\\srv\\a\u2028b', { ascii: ASCII_ADVICE.path })).message;
    expect(separator).toContain('a\\u2028b');
    expect(separator).not.toMatch(/[\u2028\u0085]/);
    expect(thrown(() => checkText('msp option', 'a\u0085b.msp', { ascii: ASCII_ADVICE.path })).message).toMatch(/"a\\u0085b\.msp" has a control character \(U\+0085\)/);
  });

  it('every printable ASCII character still passes, and the ASCII values of the real cases apply', () => {
    let ascii = '';
    for (let c = 0x20; c <= 0x7e; c++) ascii += String.fromCharCode(c);
    expect(textProblem(ascii, { ascii: ASCII_ADVICE.command })).toBeUndefined();
    const doc = readTaskSequence(SETUP());
    applyKb977203(doc, { certfixPackage: 'ABC00010', source: '\\\\cm01\\SMS_ABC\\Client', msp: 'SCCM2007AC-SP2-KB977203-x86-DEU.msp', certfixProgram: 'CCMCertFix (hidden)' });
    expect(writeTaskSequenceText(doc)).toContain('PATCH="\\\\cm01\\SMS_ABC\\Client\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86-DEU.msp"');
  });
});

describe('values that are XML text only keep taking any character', () => {
  const text = 'Zertifikat reparieren \u00fc \uff02x\uff02 \u201cy\u201d \u2028 \u00a0\u3000\u{1F600}';

  it('the preset: step names and what ReferencesInfo.xml says of the package', () => {
    const doc = readTaskSequence(SETUP());
    const name = text.slice(0, 40);
    applyKb977203(doc, { certfixPackage: 'ABC00010', certfixStepName: name, restartStepName: `${name} 2`, certfixPackageName: text, certfixPackageDescription: text, certfixPackageVersion: text });
    expect(writeTaskSequenceText(doc)).toContain(`name="${name}"`);
  });

  it('insert-steps-after: names, descriptions, a restart message and a variable value', () => {
    const doc = readTaskSequence(SETUP());
    const report = applyTransform('insert-steps-after', doc, {
      after: { type: 'SMS_TaskSequence_SetupWindowsAndSMSAction' },
      steps: [
        // A variable's value is also written into the step's one-line <action> command line: any character but a line end.
        { type: 'set-variable', name: 'Schritt \u00fc', description: text, variableName: 'Greeting', value: text.replace('\u2028', '') },
        { type: 'restart-computer', name: 'Neustart \uff02', notify: true, message: text },
      ],
    });
    expect(report.changes).toHaveLength(2);
    expect(writeTaskSequenceText(doc)).toContain('Neustart \uff02');
    const before = writeTaskSequenceText(doc);
    const refused = thrown(() => applyTransform('insert-steps-after', doc, { after: { type: 'SMS_TaskSequence_SetupWindowsAndSMSAction' }, steps: [{ type: 'set-variable', name: 'Zeile', variableName: 'Greeting', value: text }] }));
    expect(refused.code).toBe('INVALID_ARGUMENT');
    expect(refused.message).toContain('line end');
    expect(writeTaskSequenceText(doc)).toBe(before);
  });
});

describe('a transform option that names a step refuses a path with no such step (STEP_NOT_FOUND)', () => {
  it('add-client-patch stepPath: a typo is refused naming the path and the Setup steps there are, before any edit', () => {
    for (const run of [checkTransform, applyTransform] as const) {
      const doc = readTaskSequence(TWO_STEPS);
      const before = writeTaskSequenceText(doc);
      const error = thrown(() => run('add-client-patch', doc, { msp: 'C:\\x.msp', stepPath: 'nope' }));
      expect(error.code).toBe('STEP_NOT_FOUND');
      expect(error.message).toMatch(/stepPath option "nope" names no Setup Windows and ConfigMgr step \(nothing has that path\)\. .*"Install\/Setup Windows and ConfigMgr"/);
      expect(writeTaskSequenceText(doc)).toBe(before);
    }
  });

  it('add-client-patch stepPath: a group, or a step of another type, is not a Setup step; the right path still works', () => {
    const doc = readTaskSequence(TWO_STEPS);
    expect(thrown(() => checkTransform('add-client-patch', doc, { msp: 'C:\\x.msp', stepPath: 'Install' })).message).toMatch(/a group has that path/);
    expect(thrown(() => checkTransform('add-client-patch', doc, { msp: 'C:\\x.msp', stepPath: 'Install/Prepare' })).message).toMatch(/the step at that path is SMS_TaskSequence_RunCommandLineAction/);
    expect(thrown(() => checkTransform('add-client-patch', readTaskSequence('<sequence version="3.00"/>'), { msp: 'C:\\x.msp', stepPath: 'x' })).message).toMatch(/has no Setup Windows and ConfigMgr step/);
    const report = applyTransform('add-client-patch', doc, { msp: 'C:\\x.msp', stepPath: 'Install/Setup Windows and ConfigMgr' });
    expect(report.changes.map((c) => c.where)).toEqual(['Install/Setup Windows and ConfigMgr']);
  });

  it('insert-steps-after still refuses an after that matches nothing', () => {
    const error = thrown(() => checkTransform('insert-steps-after', readTaskSequence(SETUP()), { after: { path: 'nope' }, steps: [{ type: 'restart-computer', name: 'R' }] }));
    expect(error.code).toBe('STEP_NOT_FOUND');
  });

  it('cmts transform add-client-patch --check: exit 1 with STEP_NOT_FOUND, not "nothing to change"', async () => {
    const m = memoryIo({ 'ts.xml': TWO_STEPS, 'o.json': '{"msp":"C:\\\\x.msp","stepPath":"nope"}' });
    expect(await main(['transform', 'add-client-patch', 'ts.xml', '--options', 'o.json', '--check'], m.io)).toBe(1);
    expect(m.stderr).toMatch(/STEP_NOT_FOUND.*"nope"/);
    expect(m.stderr).not.toMatch(/nothing to change/);
  });
});

describe('cmts transform on an export .zip reports its warnings', () => {
  const zip = readFileSync(join(FIXTURES_DIR, 'zip', 'export.zip'));
  const part = readExportZip(zip).sequences[0]!.part;

  it('add-reference without packageType: ReferencesInfo.xml is left as it was and the report warns (--json and standard error)', async () => {
    const m = memoryIo({ 'export.zip': zip, 'o.json': '{"packageId":"CM900001","packageName":"x"}' });
    expect(await main(['transform', 'add-reference', 'export.zip', '--options', 'o.json', '-o', 'e2.zip', '--json'], m.io)).toBe(0);
    const json = JSON.parse(m.stdout) as { results: { input: string; written: boolean; report: { changed: boolean; diagnostics: { code: string; severity: string; message: string }[] } }[] };
    expect(json.results.map((r) => [r.input, r.written, r.report.changed])).toEqual([[`export.zip!${part}`, true, true]]);
    expect(json.results[0]!.report.diagnostics).toEqual([expect.objectContaining({ code: 'ZIP_REFERENCES_INFO_UNCHANGED', severity: 'warning' })]);
    expect(json.results[0]!.report.diagnostics[0]!.message).toMatch(/CM900001/);
    expect(m.stderr).toMatch(/warning ZIP_REFERENCES_INFO_UNCHANGED: .*CM900001/);
  });

  it('with packageType the item is written: no warning, and information for the fields nothing said', async () => {
    const diagnostics = async (options: string) => {
      const m = memoryIo({ 'export.zip': zip, 'o.json': options });
      expect(await main(['transform', 'add-reference', 'export.zip', '--options', 'o.json', '-o', 'e2.zip', '--json'], m.io)).toBe(0);
      expect(Buffer.from(readExportZip(m.fs.get('e2.zip')!).sequences[0]!.referencesInfo!.original).toString('utf8')).toContain('CM900001');
      return (JSON.parse(m.stdout) as { results: { report: { diagnostics: { code: string; severity: string }[] } }[] }).results[0]!.report.diagnostics;
    };
    expect(await diagnostics('{"packageId":"CM900001","packageName":"x","packageType":0}')).toEqual([expect.objectContaining({ code: 'ZIP_REFERENCES_INFO_INCOMPLETE', severity: 'info' })]);
    expect(await diagnostics('{"packageId":"CM900001","packageName":"x","packageDescription":"d","packageVersion":"1","packageType":0}')).toEqual([]);
  });
});

describe('the command line, as a process', { timeout: 300_000 }, () => {
  it('cmts kb977203 --source with U+FF02 is refused (a usage error, exit 2), and nothing reaches standard output', () => {
    const r = cmts(['kb977203', 'examples/refresh-2007.xml', '-o', '-', '--certfix-package', 'CM100010', '--source', '\\\\srv\\sh\uff02 SMSMP=x']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--source .*U\+FF02.*8\.3 short name/);
    expect(r.stdout).not.toMatch(/PATCH=/);
  });
});
