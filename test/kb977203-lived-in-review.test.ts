// A review of the preset on lived-in sequences: a CCMCertFix pair wired twice after Setup ran CCMCertFix twice with no
// word (KB977203_CERTFIX_TWICE now says it), and the replace-capture scenario, which R15 gives to the sequence that
// captures user state, was applied to a sequence that captures nothing (MISSING_CAPTURE_STEP now refuses it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyKb977203, readTaskSequence, writeTaskSequence } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { thrown } from './helpers/thrown.js';

const O = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' } as const;
const read = (...path: string[]) => readFileSync(join(FIXTURES_DIR, ...path), 'utf8');
const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code);

describe('KB977203: a CCMCertFix pair wired twice after Setup', () => {
  const base = read('kb977203', 'certfix-restart-to-winpe-not-adopted', 'input.xml');
  const certfix = /      <step type="SMS_TaskSequence_InstallSoftwareAction".*?<\/step>\n/s.exec(base)?.[0] as string;
  const winpe = /      <step type="SMS_TaskSequence_RebootAction".*?<\/step>\n/s.exec(base)?.[0] as string;
  const hd = winpe.replace('Restart in Windows PE', 'Restart Computer').replace('/target:WinPE', '/target:HD').replace('>WinPE<', '>HD<');
  const pair = certfix + hd;
  const twice = base.replace(certfix + winpe, pair + pair.replaceAll('Fix certificate', 'Fix certificate again').replace('name="Restart Computer"', 'name="Restart again"'));

  it('warns of the second, which stays, and adds no third', () => {
    expect(twice).toContain('Fix certificate again');
    const doc = readTaskSequence(twice);
    const report = applyKb977203(doc, O);
    const warning = report.diagnostics.find((d) => d.code === 'KB977203_CERTFIX_TWICE');
    expect(warning?.path).toBe('Install/Fix certificate again');
    expect(warning?.message).toContain('"Fix certificate"');
    expect(report.changes.map((c) => c.requirement)).not.toContain('R13');
    expect(report.changes.map((c) => c.requirement)).not.toContain('R14');
    expect(Buffer.from(writeTaskSequence(doc)).toString('utf8').match(/InstallSoftwareAction/g)?.length).toBe(2);
  });

  it('says nothing of one pair, or of a second one that is disabled', () => {
    expect(codes(applyKb977203(readTaskSequence(base.replace(certfix + winpe, pair)), O).diagnostics)).not.toContain('KB977203_CERTFIX_TWICE');
    const disabled = twice.replace('name="Fix certificate again" description=""', 'name="Fix certificate again" description="" disable="true"');
    expect(disabled).not.toBe(twice);
    expect(codes(applyKb977203(readTaskSequence(disabled), O).diagnostics)).not.toContain('KB977203_CERTFIX_TWICE');
  });
});

describe('KB977203: the replace-capture scenario', () => {
  const capture = read('..', '..', 'examples', 'replace-capture-2007.xml');
  const R = { certfixPackage: 'ABC00010', scenario: 'replace-capture' } as const;
  const store = /        <step type="SMS_TaskSequence_RequestStateStoreAction".*?<\/step>\r?\n/s.exec(capture)?.[0] as string;
  const collect = /        <step type="SMS_TaskSequence_CaptureUserStateAction".*?<\/step>\r?\n/s.exec(capture)?.[0] as string;

  it('applies to a sequence that captures user state, by either step', () => {
    expect(store).toContain('RequestStateStore');
    expect(collect).toContain('CaptureUserState');
    expect(applyKb977203(readTaskSequence(capture), R).changed).toBe(true);
    expect(applyKb977203(readTaskSequence(capture.replace(collect, '')), R).changed).toBe(true);
    expect(applyKb977203(readTaskSequence(capture.replace(store, '')), R).changed).toBe(true);
  });

  it('refuses one that captures nothing, before any edit', () => {
    const text = capture.replace(store, '').replace(collect, '');
    expect(text).not.toContain('StateStore');
    const doc = readTaskSequence(text);
    const error = thrown(() => applyKb977203(doc, R));
    expect(error.code).toBe('MISSING_CAPTURE_STEP');
    expect(error.message).toContain('replace-restore');
    expect(Buffer.from(writeTaskSequence(doc)).toString('utf8')).toBe(text);
    // A Request State Store step that restores is no capture either.
    const restore = capture.replace(collect, '').replace('osdsmpclient.exe /capture', 'osdsmpclient.exe /restore');
    expect(thrown(() => applyKb977203(readTaskSequence(restore), R)).code).toBe('MISSING_CAPTURE_STEP');
  });
});

describe('KB977203: a source that is the hotfix folder', () => {
  const text = read('kb977203', 'certfix-restart-to-winpe-not-adopted', 'input.xml');
  it('is refused, where the entry named the folder twice', () => {
    for (const source of ['\\\\srv\\share\\Client\\i386\\hotfix\\KB977203', '\\\\srv\\share\\Client\\i386\\hotfix\\kb977203\\', '\\\\srv\\share\\Client\\i386', '\\\\srv\\share\\Client\\i386\\\\', '\\\\srv\\share\\Client\\i386\\.', '\\\\srv\\share\\Client\\i386 ']) {
      const error = thrown(() => applyKb977203(readTaskSequence(text), { certfixPackage: 'ABC00010', clientVersion: 'sp2', source }));
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.message).toContain('already ends with part of that path');
    }
    const msp = thrown(() => applyKb977203(readTaskSequence(text), { certfixPackage: 'ABC00010', clientVersion: 'sp2', source: '\\\\srv\\share\\Client\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp' }));
    expect(msp.message).toContain('ends with an .msp file name');
    const report = applyKb977203(readTaskSequence(text), { certfixPackage: 'ABC00010', clientVersion: 'sp2', source: '\\\\srv\\share\\Client' });
    expect(report.setupSteps[0]?.patch).toBe('\\\\srv\\share\\Client\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp');
  });
});

describe('KB977203: the assumed drive', () => {
  const text = read('kb977203', 'certfix-restart-to-winpe-not-adopted', 'input.xml');
  const O2 = { certfixPackage: 'ABC00010', clientVersion: 'sp2' } as const;
  const entry = (drive: string) => `PATCH="${drive}\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp"`;
  const withEntry = (drive: string) => text.replace('>SMSSLP=SLP01 FSP=FSP01<', `>SMSSLP=SLP01 FSP=FSP01 ${entry(drive)}<`);

  it('is not said where every Setup step keeps an entry of its own on another drive', () => {
    const input = withEntry('D:');
    expect(input).not.toBe(text);
    const report = applyKb977203(readTaskSequence(input), O2);
    expect(report.setupSteps[0]?.patch.startsWith('D:\\')).toBe(true);
    expect(codes(report.diagnostics)).not.toContain('KB977203_ASSUMED_DRIVE');
  });

  it('is said where the preset writes the entry, or keeps one on C:', () => {
    expect(codes(applyKb977203(readTaskSequence(text), O2).diagnostics)).toContain('KB977203_ASSUMED_DRIVE');
    expect(codes(applyKb977203(readTaskSequence(withEntry('C:')), O2).diagnostics)).toContain('KB977203_ASSUMED_DRIVE');
  });
});
