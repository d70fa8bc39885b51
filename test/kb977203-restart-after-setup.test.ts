// A restart already right after Setup, where the KB's pair goes in (no CCMCertFix step to adopt): the preset put its
// CCMCertFix and its own restart between them, so the computer restarted twice in a row and the report said nothing.
// A restart that is the KB's (to the installed OS, no notice, running whenever Setup does) is now adopted, with
// CCMCertFix inserted before it; any other restart there stays and the report warns (KB977203_RESTART_TWICE).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyKb977203, lint, readTaskSequence, revertKb977203, writeTaskSequence } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';

const O = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' } as const;
const input = (name: string) => readFileSync(join(FIXTURES_DIR, 'kb977203', name, 'input.xml'), 'utf8');
const ADOPTED = input('setup-restart-after-adopted-certfix-inserted-before');
const restarts = (xml: string) => xml.match(/SMS_TaskSequence_RebootAction/g)?.length ?? 0;
const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code);
const written = (doc: ReturnType<typeof readTaskSequence>) => Buffer.from(writeTaskSequence(doc)).toString('utf8');

describe('KB977203 with a restart right after Setup', () => {
  it('adopts it: CCMCertFix goes in before it, and no second restart', () => {
    const doc = readTaskSequence(ADOPTED);
    const report = applyKb977203(doc, O);
    const out = written(doc);
    expect(restarts(ADOPTED)).toBe(1);
    expect(restarts(out)).toBe(1);
    expect(out.indexOf('Run CCMCertFix (KB977203)')).toBeLessThan(out.indexOf('name="Restart Computer"'));
    expect(report.changes.map((c) => c.requirement)).not.toContain('R14');
    expect(report.alreadyInPlace.find((a) => a.requirement === 'R14')?.what).toContain('"Restart Computer"');
    expect(codes(report.diagnostics)).not.toContain('KB977203_RESTART_TWICE');
    // The result is wired as lint judges it, and a second apply changes nothing.
    expect(codes(lint(readTaskSequence(out)))).toEqual([]);
    const again = readTaskSequence(out);
    expect(applyKb977203(again, O).changed).toBe(false);
    expect(written(again)).toBe(out);
  });

  it('revert takes out only its CCMCertFix step, giving back the original bytes', () => {
    const doc = readTaskSequence(ADOPTED);
    applyKb977203(doc, O);
    const applied = readTaskSequence(writeTaskSequence(doc));
    expect(revertKb977203(applied, O).changed).toBe(true);
    expect(written(applied)).toBe(ADOPTED);
  });

  it('revert gives no warning of a lost time-out for the restart it adopted with a message and no notice', () => {
    const text = ADOPTED.replace('property="Message"></variable>', 'property="Message">Restarting</variable>');
    expect(text).not.toBe(ADOPTED);
    const doc = readTaskSequence(text);
    expect(applyKb977203(doc, O).alreadyInPlace.map((a) => a.requirement)).toContain('R14');
    const applied = readTaskSequence(writeTaskSequence(doc));
    expect(codes(revertKb977203(applied, O).diagnostics)).not.toContain('KB977203_REVERT_RESTART_TIMEOUT_LOST');
    expect(written(applied)).toBe(text);
  });

  it('warns of no second restart where one of the two never runs', () => {
    // The administrator's restart disabled: it never restarts the computer.
    const off = ADOPTED.replace('name="Restart Computer" description=""', 'name="Restart Computer" description="" disable="true"');
    // Setup disabled: the KB's pair is disabled with it.
    const setupOff = ADOPTED.replace('name="Setup Windows and ConfigMgr" description=""', 'name="Setup Windows and ConfigMgr" description="" disable="true"');
    for (const text of [off, setupOff]) {
      expect(text).not.toBe(ADOPTED);
      const doc = readTaskSequence(text);
      const report = applyKb977203(doc, O);
      expect(restarts(written(doc))).toBe(2);
      expect(codes(report.diagnostics)).not.toContain('KB977203_RESTART_TWICE');
    }
  });

  it('does not adopt a restart that runs apart from Setup: the pair goes in, with a warning', () => {
    // A restart under a condition of its own: it may run after the KB's, or not.
    const condition = '<condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">x64</variable><variable name="Variable">OSDArchitecture</variable></expression></condition>';
    const text = ADOPTED.replace('<action>smsboot.exe /target:HD</action>', `${condition}<action>smsboot.exe /target:HD</action>`);
    expect(text).not.toBe(ADOPTED);
    const doc = readTaskSequence(text);
    const report = applyKb977203(doc, O);
    expect(restarts(written(doc))).toBe(2);
    const twice = report.diagnostics.find((d) => d.code === 'KB977203_RESTART_TWICE');
    expect(twice?.message).toContain('"Restart Computer"');
    expect(twice?.message).toContain('has a condition of its own');
  });

  it('warns of a restart to Windows PE after Setup, which stays after the KB pair', () => {
    const doc = readTaskSequence(input('setup-restart-to-winpe-after-pair-inserted-warns'));
    const report = applyKb977203(doc, O);
    const out = written(doc);
    expect(restarts(out)).toBe(2);
    expect(out.indexOf('Restart Computer (KB977203)')).toBeLessThan(out.indexOf('Restart in Windows PE'));
    expect(report.diagnostics.find((d) => d.code === 'KB977203_RESTART_TWICE')?.message).toContain('restarts to Windows PE');
  });
});
