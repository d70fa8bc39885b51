// An error as the command line prints it (TaskSequenceError.format(): `file:line:col: CODE message`) holds a file name
// and often a value read from the file. Neither may drive the terminal it is printed on or split the line: an escape
// sequence in a file name, or a C1 or bidirectional control in a step name (both allowed in XML 1.0 text), is written
// as an escape. The --json report keeps the value as it is (JSON escapes what it must).
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { printable, TaskSequenceError } from '../lib/errors.js';
import { memoryIo } from './helpers/memory-io.js';

describe('errors as the command line prints them', () => {
  it('format() escapes control characters of the file name and the message, and keeps the rest', () => {
    const e = new TaskSequenceError('XML_MALFORMED', 'Step "a\u009b31mb\u202e" is bad.\nSecond line', { file: 'ts\u001b[31m.xml', linePos: { line: 2, col: 5 } });
    expect(e.format()).toBe('ts\\u001b[31m.xml:2:5: XML_MALFORMED Step "a\\u009b31mb\\u202e" is bad.\\nSecond line');
    expect(e.format()).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(e.message).toContain('\u009b');
  });

  it('a file whose name holds an escape sequence: the CLI prints its error on one line, escaped', async () => {
    const name = 'bad\u001b[2J.xml';
    const io = memoryIo({ [name]: '<sequence version="3.10"><step name="x"></sequence>' });
    const code = await main(['inspect', name], io.io);
    expect(code).toBe(1);
    expect(io.stderr).toContain('bad\\u001b[2J.xml:1:');
    expect(io.stderr).not.toContain('\u001b');
    expect(io.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('printable leaves ordinary text, tabs spelt out aside, as it is', () => {
    expect(printable('Setup Windows and ConfigMgr (KB977203) — ü €')).toBe('Setup Windows and ConfigMgr (KB977203) — ü €');
    expect(printable('a\tb')).toBe('a\\tb');
  });
});

describe('lint findings as the command line prints them', () => {
  it('a step name holding a C1 control (CSI) or a bidirectional override is printed escaped, one line a finding', async () => {
    const name = `Step \u009b2J over fifty characters long so that the console refuses it \u202e`;
    const io = memoryIo({ 'ts.xml': `<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="${name}"><action>cmd</action></step></sequence>` });
    await main(['lint', 'ts.xml'], io.io);
    const lines = io.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.some((l) => l.includes('Step \\u009b2J'))).toBe(true);
    expect(io.stdout).not.toMatch(/[\u0080-\u009f\u202a-\u202e]/);
  });
});

describe('the KB977203 report as the command line prints it', () => {
  it("a Setup step's name and installation properties holding controls are printed escaped in the report's lines", async () => {
    const setup = `<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup \u009b2J" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSMP=mp\u202e01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>`;
    const io = memoryIo({ 'ts.xml': `<sequence version="3.00">${setup}</sequence>` });
    await main(['kb977203', 'ts.xml', '--certfix-package', 'ABC00010', '--dry-run'], io.io);
    expect(io.stderr).toContain('Setup \\u009b2J');
    expect(io.stderr).toContain('SMSMP=mp\\u202e01');
    expect(io.stderr).not.toMatch(/[\u0080-\u009f\u202a-\u202e]/);
  });
});

describe("inspect's tree as the command line prints it", () => {
  it('a step name holding a C1 control or a bidirectional override is printed escaped', async () => {
    const io = memoryIo({ 'ts.xml': '<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="Run \u009b2J \u202egpj.exe"><action>cmd</action></step></sequence>' });
    expect(await main(['inspect', 'ts.xml'], io.io)).toBe(0);
    expect(io.stdout).toContain('Run \\u009b2J \\u202egpj.exe');
    expect(io.stdout).not.toMatch(/[\u0080-\u009f\u202a-\u202e]/);
  });
});

describe("diff's differences and transform's report as the command line prints them", () => {
  const seq = (name: string) => `<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="${name}"><action>cmd</action></step></sequence>`;

  it('diff: a renamed step whose names hold a C1 control or a bidirectional override is printed escaped', async () => {
    const io = memoryIo({ 'a.xml': seq('Run \u009b2J'), 'b.xml': seq('Run \u202egpj.exe') });
    expect(await main(['diff', 'a.xml', 'b.xml'], io.io)).toBe(1);
    expect(io.stdout).toContain('\\u202egpj.exe');
    expect(io.stdout).not.toMatch(/[\u0080-\u009f\u202a-\u202e]/);
  });

  it("transform: the report's lines name the step escaped", async () => {
    const io = memoryIo({ 'a.xml': `<sequence version="3.10"><step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup \u009b2J" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSMP=mp01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step></sequence>`, 'o.json': '{"msp": "C:\\\\Hotfix\\\\SCCM2007AC-SP2-KB977203-x86.msp"}' });
    await main(['transform', 'add-client-patch', 'a.xml', '--options', 'o.json', '--check'], io.io);
    expect(io.stderr).toContain('Setup \\u009b2J');
    expect(io.stderr).not.toMatch(/[\u0080-\u009f\u202a-\u202e]/);
  });
});
