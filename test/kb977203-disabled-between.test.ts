// A disabled step (or a group of disabled steps) between CCMCertFix and a Restart Computer: the engine passes over it
// and runs the restart right after CCMCertFix, so that restart is the KB's (R14). The walk to the step run next took
// the disabled step as run: lint called the restart missing (and so never said it notifies the user), and the preset
// inserted a second restart right after CCMCertFix, so the computer restarted twice in a row.
import { describe, expect, it } from 'vitest';
import { applyKb977203, lint, readTaskSequence, revertKb977203, writeTaskSequence } from './helpers/api.js';

const O = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' } as const;
const PATCH = 'SMSSLP=x PATCH=&quot;C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\sccm2007ac-sp2-kb977203-x86.msp&quot;';
const SETUP = `<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">${PATCH}</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>\n`;
const CERTFIX = (flag = '') => `<step type="SMS_TaskSequence_InstallSoftwareAction" name="CCMCertFix" description="" runIn="FullOS" successCodeList="0"${flag}><action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList></step>\n`;
const OLD = (flag = ' disable="true"') => `<step type="SMS_TaskSequence_RunCommandLineAction" name="Old step" description="" runIn="WinPEandFullOS" successCodeList="0"${flag}><action>cmd /c echo</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd /c echo</variable></defaultVarList></step>\n`;
const RESTART = (timeout = '0', flag = '') => `<step type="SMS_TaskSequence_RebootAction" name="Restart" description="" runIn="WinPEandFullOS" successCodeList="0"${flag}><action>smsboot.exe /target:HD</action><defaultVarList><variable name="SMSRebootMessage" property="Message"></variable><variable name="SMSRebootTimeout" property="MessageTimeout">${timeout}</variable><variable name="SMSRebootTarget" property="Target">HD</variable></defaultVarList></step>\n`;
const sequence = (body: string) => `<sequence version="3.00">\n${body}</sequence>\n`;
const restarts = (xml: string) => xml.match(/SMS_TaskSequence_RebootAction/g)?.length ?? 0;
const written = (doc: ReturnType<typeof readTaskSequence>) => Buffer.from(writeTaskSequence(doc)).toString('utf8');
const codes = (xml: string) => lint(readTaskSequence(xml)).map((f) => f.code);

describe('KB977203 R14: a disabled step between CCMCertFix and the restart', () => {
  it('lint finds the restart past a disabled step, and says it notifies the user', () => {
    expect(codes(sequence(SETUP + CERTFIX() + OLD() + RESTART()))).not.toContain('kb977203/certfix-without-restart');
    const notifying = codes(sequence(SETUP + CERTFIX() + OLD() + RESTART('60')));
    expect(notifying).toContain('kb977203/restart-notifies');
    expect(notifying).not.toContain('kb977203/certfix-without-restart');
    // An enabled step there is run, and the restart is not the next step.
    expect(codes(sequence(SETUP + CERTFIX() + OLD('') + RESTART()))).toContain('kb977203/certfix-without-restart');
  });

  it('lint passes over a group whose steps are all disabled, and a disabled group', () => {
    expect(codes(sequence(SETUP + CERTFIX() + `<group name="Old" description="">${OLD()}${OLD()}</group>\n` + RESTART()))).not.toContain('kb977203/certfix-without-restart');
    expect(codes(sequence(SETUP + CERTFIX() + `<group name="Old" description="" disable="true">${OLD('')}</group>\n` + RESTART()))).not.toContain('kb977203/certfix-without-restart');
  });

  it('the preset adopts that restart: no second one, and the report says what it passed', () => {
    const text = sequence(SETUP + CERTFIX() + OLD() + RESTART());
    const doc = readTaskSequence(text);
    const report = applyKb977203(doc, O);
    const out = written(doc);
    expect(restarts(out)).toBe(1);
    expect(report.changes.map((c) => c.requirement)).not.toContain('R14');
    expect(report.alreadyInPlace.find((a) => a.requirement === 'R14')?.what).toBe('restart-computer step "Restart" (past "Old step", which is disabled)');
    expect(out).toBe(text);
  });

  it('after Setup: a restart past a disabled step is adopted once CCMCertFix goes in, and apply is idempotent', () => {
    // No PATCH before: revert then gives back the bytes read (an entry found in place is taken out, as it says).
    const text = sequence(SETUP.replace(PATCH, 'SMSSLP=x') + OLD() + RESTART());
    const doc = readTaskSequence(text);
    const report = applyKb977203(doc, O);
    const out = written(doc);
    expect(restarts(out)).toBe(1);
    expect(report.alreadyInPlace.find((a) => a.requirement === 'R14')?.what).toContain('past "Old step", which is disabled');
    // CCMCertFix goes right after Setup, before the disabled step.
    expect(out.indexOf('CCMCertFix')).toBeLessThan(out.indexOf('name="Old step"'));
    const again = readTaskSequence(out);
    expect(applyKb977203(again, O).changed).toBe(false);
    expect(codes(out)).not.toContain('kb977203/certfix-without-restart');
    const back = readTaskSequence(out);
    revertKb977203(back, O);
    expect(written(back)).toBe(text);
  });

  it('after a disabled CCMCertFix the steps disabled with it still count: its disabled restart is its own', () => {
    // The pair the preset inserts for a disabled Setup step is disabled too; passing over disabled steps there would
    // find no restart and insert another.
    const text = sequence(SETUP.replace('successCodeList="0">', 'successCodeList="0" disable="true">') + CERTFIX(' disable="true"') + RESTART('0', ' disable="true"'));
    const doc = readTaskSequence(text);
    applyKb977203(doc, O);
    expect(restarts(written(doc))).toBe(1);
    expect(codes(text)).not.toContain('kb977203/certfix-without-restart');
  });
});
