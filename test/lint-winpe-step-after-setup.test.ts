// winpe-step-after-setup: a step that runs only in Windows PE placed after Setup Windows and ConfigMgr (the README's
// step catalog example put its Apply Driver Package there, and lint passed it).
import { describe, expect, it } from 'vitest';
import { lint, readTaskSequence } from './helpers/api.js';

const SETUP = (attrs = '') =>
  `<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup" runIn="WinPEandFullOS"${attrs}><action>OSDSetupWindows.exe</action><defaultVarList><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>`;
const APPLY_OS = (name = 'Apply OS', attrs = '') => `<step type="SMS_TaskSequence_ApplyOperatingSystemAction" name="${name}" runIn="WinPE"${attrs}><action>OSDApplyOS.exe /image:ABC00007,1</action></step>`;
const DRIVERS = (attrs = '') => `<step type="SMS_TaskSequence_ApplyDriverPackageAction" name="Drivers" runIn="WinPE"${attrs}><action>osddriverclient.exe /install:ABC00022  /unsigned:%OSDAllowUnsignedDriver%</action></step>`;
const RESTART = (target: string, attrs = '') =>
  `<step type="SMS_TaskSequence_RebootAction" name="Restart" runIn="WinPEandFullOS"${attrs}><action>smsboot.exe /target:${target}</action><defaultVarList><variable name="SMSRebootTarget" property="Target">${target}</variable></defaultVarList></step>`;
const PREPARE = '<step type="SMS_TaskSequence_PrepareOSAction" name="Prepare OS" runIn="FullOS"><action>osdpreparesysprep.exe</action></step>';
const CAPTURE = '<step type="SMS_TaskSequence_CaptureSystemImageAction" name="Capture" runIn="WinPE"><action>OSDCaptureSystemImage.exe</action></step>';
const COND = '<condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">true</variable><variable name="Variable">BareMetal</variable></expression></condition>';

const found = (body: string) => lint(readTaskSequence(`<sequence version="3.10">${body}</sequence>`), ['winpe-step-after-setup']).map((i) => `${i.path} ${i.severity}`);

describe('winpe-step-after-setup', () => {
  it('finds a Windows PE step after Setup, in its group or a later one, and says why and what to do', () => {
    expect(found(`<group name="G">${APPLY_OS()}${SETUP()}${DRIVERS()}</group>`)).toEqual(['G/Drivers warning']);
    expect(found(`<group name="A">${APPLY_OS()}${SETUP()}</group><group name="B">${DRIVERS()}</group>`)).toEqual(['B/Drivers warning']);
    const [issue] = lint(readTaskSequence(`<sequence version="3.10">${APPLY_OS()}${SETUP()}${DRIVERS()}</sequence>`), ['winpe-step-after-setup']);
    expect(issue?.message).toContain('runs only in Windows PE');
    expect(issue?.message).toContain('drivers belong between Apply Operating System and Setup');
    expect(issue?.line).toBe(1);
  });

  it('passes a Windows PE step before Setup, or one after a restart into Windows PE or Prepare Windows for Capture', () => {
    expect(found(`${APPLY_OS()}${DRIVERS()}${SETUP()}`)).toEqual([]);
    expect(found(`${APPLY_OS()}${SETUP()}${RESTART('WinPE')}${APPLY_OS('Again')}`)).toEqual([]);
    expect(found(`${APPLY_OS()}${SETUP()}${PREPARE}${CAPTURE}`)).toEqual([]);
    // A restart into the installed OS is no way back to Windows PE.
    expect(found(`${APPLY_OS()}${SETUP()}${RESTART('HD')}${APPLY_OS('Again')}`)).toEqual(['Again warning']);
  });

  it('a disabled restart into Windows PE does not take the computer there', () => {
    expect(found(`${SETUP()}${RESTART('WinPE', ' disable="true"')}${DRIVERS()}`)).toEqual(['Drivers warning']);
  });

  it('passes a step after a Setup that may not have run: conditional, in another branch, or disabled', () => {
    // A bare-metal branch and a refresh branch, each with its own Apply Operating System and Setup.
    expect(found(`<group name="Bare metal">${COND}${APPLY_OS()}${SETUP()}</group><group name="Refresh">${APPLY_OS('Apply OS 2')}${SETUP()}</group>`)).toEqual([]);
    expect(found(`${SETUP(' disable="true"')}${DRIVERS()}`)).toEqual([]);
    expect(found(`<group name="Off" disable="true">${SETUP()}</group>${DRIVERS()}`)).toEqual([]);
  });

  it('finds one after a Setup under the same condition as itself', () => {
    expect(found(`<group name="Bare metal">${COND}${APPLY_OS()}${SETUP()}${DRIVERS()}</group>`)).toEqual(['Bare metal/Drivers warning']);
  });

  it('passes a step that runs in either environment, and says so of a disabled one', () => {
    expect(found(`${SETUP()}${DRIVERS().replace('runIn="WinPE"', 'runIn="WinPEandFullOS"')}`)).toEqual([]);
    const [issue] = lint(readTaskSequence(`<sequence version="3.10">${SETUP()}${DRIVERS(' disable="true"')}</sequence>`), ['winpe-step-after-setup']);
    expect(issue?.message).toContain('It is disabled, so it does not run now; enabled, it would.');
  });
});
