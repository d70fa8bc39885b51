// Revert takes the CCMCertFix package's <reference> out only when no step left uses the package. It counted Install
// Software steps alone, so an adopted Run Command Line CCMCertFix step running from the package lost its reference
// (a sequence that references a package it does not list), also on a file the preset never touched.
import { describe, expect, it } from 'vitest';
import { applyKb977203, readTaskSequence, revertKb977203, writeTaskSequence, type Kb977203Options } from './helpers/api.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const SETUP =
  '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=CM01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">CM100002</variable></defaultVarList></step>';
const COMMAND_LINE =
  '<step type="SMS_TaskSequence_RunCommandLineAction" name="Fix certificate" description="" runIn="FullOS" successCodeList="0 3010"><action>CCMCertFix.exe CCMCertFix.log</action><defaultVarList><variable name="CommandLine" property="CommandLine">CCMCertFix.exe CCMCertFix.log</variable><variable name="PackageID" property="PackageID">ABC00010</variable></defaultVarList></step>';
const INSTALL_PACKAGE =
  '<step type="SMS_TaskSequence_InstallSoftwareAction" name="Tools" description="" runIn="FullOS" successCodeList="0"><action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName">Install tools</variable></defaultVarList></step>';
const SEQUENCE = (items: string, refs = ['CM100002', 'ABC00010']) =>
  `<?xml version="1.0"?>\n<sequence version="3.00">\n  <referenceList>\n${refs.map((r) => `    <reference package="${r}" />\n`).join('')}  </referenceList>\n  <group name="Install" description="">${items}</group>\n</sequence>\n`;
const text = (doc: ReturnType<typeof readTaskSequence>) => Buffer.from(writeTaskSequence(doc)).toString('utf8');

describe('revert keeps a reference a remaining step uses', () => {
  it('an adopted Run Command Line CCMCertFix step from the package: revert of the untouched file changes nothing, and revert(apply(x)) = x', () => {
    const input = SEQUENCE(SETUP + COMMAND_LINE);
    const never = readTaskSequence(input);
    expect(revertKb977203(never, O).changes).toEqual([]);
    expect(text(never)).toBe(input);
    const doc = readTaskSequence(input);
    applyKb977203(doc, O);
    const back = readTaskSequence(text(doc));
    expect(revertKb977203(back, O).changes.map((c) => c.what)).not.toContain('reference to package ABC00010');
    expect(text(back)).toBe(input);
  });

  it('another program of the package, not taken for CCMCertFix: the reference stays once the preset\'s step is gone', () => {
    const input = SEQUENCE(SETUP + INSTALL_PACKAGE);
    const doc = readTaskSequence(input);
    applyKb977203(doc, O);
    const back = readTaskSequence(text(doc));
    revertKb977203(back, O);
    expect(text(back)).toBe(input);
  });

  it('a reference the preset added for the step it inserted goes with that step', () => {
    const input = SEQUENCE(SETUP, ['CM100002']);
    const doc = readTaskSequence(input);
    applyKb977203(doc, O);
    expect(text(doc)).toContain('<reference package="ABC00010" />');
    const back = readTaskSequence(text(doc));
    expect(revertKb977203(back, O).changes.map((c) => c.what)).toContain('reference to package ABC00010');
    expect(text(back)).toBe(input);
  });

  it('a reference no step uses on a file the preset never touched stays, and revert says so', () => {
    const input = SEQUENCE(SETUP);
    const doc = readTaskSequence(input);
    const report = revertKb977203(doc, O);
    expect(report.changes).toEqual([]);
    expect(report.alreadyInPlace.map((k) => k.what).join('\n')).toMatch(/reference to package ABC00010, which no step uses/);
    expect(text(doc)).toBe(input);
  });
});
