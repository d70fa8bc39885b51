// KB977203 findings show PATCH entries, PATCH as written, step names and package ids as other findings show values
// read as data (shownValue: cut after 40 characters, with the length): a 100,000-character one made a 100 KB message.
import { describe, expect, it } from 'vitest';
import { lint, readTaskSequence } from './helpers/api.js';

const LONG = 100_000;
const long = (c: string) => c.repeat(LONG);

const setup = (props: string, name = 'Setup') =>
  `<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="${name}" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">${props}</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>`;
const certfix = (name: string) =>
  `<step type="SMS_TaskSequence_InstallSoftwareAction" name="${name}" description="" runIn="FullOS" successCodeList="0"><action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList></step>`;
const restart = (name: string, notify: boolean) =>
  `<step type="SMS_TaskSequence_RebootAction" name="${name}" description="" runIn="WinPEandFullOS" successCodeList="0"><action>smsboot.exe /target:HD</action><defaultVarList><variable name="SMSRebootMessage" property="Message">${notify ? 'Restarting' : ''}</variable><variable name="SMSRebootTimeout" property="MessageTimeout">${notify ? '60' : '0'}</variable><variable name="SMSRebootTarget" property="Target" hidden="true">HD</variable></defaultVarList></step>`;
const install = (pkg: string) =>
  `<step type="SMS_TaskSequence_InstallSoftwareAction" name="App" description="" runIn="FullOS" successCodeList="0"><action>smsswd.exe /pkg:x /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">${pkg}</variable><variable name="_SMSSWDProgramName" property="ProgramName">Install</variable></defaultVarList></step>`;

/** The findings of `rule` on a 2007 sequence of `steps`. */
const messages = (rule: string, steps: string, refs = '') =>
  lint(readTaskSequence(`<sequence version="3.00">${refs}${steps}</sequence>`), [rule]).map((d) => d.message);

const kb = (sp: string, tail = '') => `C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-${sp}-KB977203-x86${tail}.msp`;

describe('KB977203 and other findings show long values cut, with their length', () => {
  it.each([
    ['kb977203/patch-quoted', setup(`PATCH=${kb('SP2', long('a'))}`)],
    ['kb977203/patch-quoted', setup(`PATCH = "${kb('SP2', long('a'))}"`)],
    ['kb977203/patch-variable', setup(`PATCH="%_SMSTSMDataPath%\\${long('a')}\\KB977203\\x.msp"`)],
    ['kb977203/patch-package', setup(`PATCH="C:\\_SMSTaskSequence\\OSD\\ABC00009\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86${long('a')}.msp"`)],
    ['kb977203/patch-package', setup(`PATCH="D:\\${long('a')}\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp"`)],
    ['kb977203/patch-duplicate', setup(`PATCH="${kb('SP2', long('a'))};${kb('SP2')}"`)],
    ['kb977203/patch-contradictory', setup(`PATCH="${kb('SP1', long('a'))};${kb('SP2')}"`)],
    ['kb977203/certfix-without-restart', certfix(long('n'))],
    ['kb977203/certfix-without-restart', `${certfix(long('n'))}${restart('Restart', false).replace('name="Restart"', 'name="Restart" disable="true"')}`],
    ['kb977203/restart-notifies', `${certfix('CertFix')}${restart(long('r'), true)}`],
    ['reference-missing', install(long('P')), '<referenceList><reference package="ABC00001"/></referenceList>'],
  ])('%s', (rule, steps, refs = '') => {
    const found = messages(rule, steps, refs);
    expect(found.length).toBeGreaterThan(0);
    for (const m of found) {
      expect(m.length).toBeLessThan(1000);
      expect(m).toMatch(/… ?["']?\)? ?\(\d{6} characters\)|…["']? \(\d{6} characters\)/);
    }
  });
});
