// kb977203/restart-notifies did not know CCMCertFix when it runs as the package's "Run another program first"
// (DependentProgram) under another program name, although kb977203/certfix-without-restart does: a notifying
// Restart Computer right after such a step passed, while the same step with no restart after it was reported. Both
// rules now take the same steps for CCMCertFix.
import { describe, expect, it } from 'vitest';
import { lint, readTaskSequence } from './helpers/api.js';

const CERTFIX = (program: string, name = 'Certificate repair') =>
  `<step type="SMS_TaskSequence_InstallSoftwareAction" name="${name}" description="" runIn="FullOS" successCodeList="0"><action>smsswd.exe /pkg:CM100010 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID">CM100010</variable><variable name="_SMSSWDProgramName" property="ProgramName">${program}</variable></defaultVarList></step>`;
const RESTART = '<step type="SMS_TaskSequence_RebootAction" name="Restart" description="" runIn="WinPEandFullOS" successCodeList="0"><action>smsboot.exe /target:HD</action><defaultVarList><variable name="SMSRebootMessage" property="Message">Restarting</variable><variable name="SMSRebootTimeout" property="MessageTimeout">60</variable><variable name="SMSRebootTarget" property="Target">HD</variable></defaultVarList></step>';
const EXPORT = (dependent: string, items: string) =>
  `<SmsTaskSequencePackage><BootImageID>CM100004</BootImageID><DependentProgram>${dependent}</DependentProgram><Name>T</Name><SequenceData>&lt;sequence version="3.00"&gt;${items.replace(/</g, '&lt;').replace(/>/g, '&gt;')}&lt;/sequence&gt;</SequenceData></SmsTaskSequencePackage>`;
const rules = (text: string) => lint(readTaskSequence(text), ['kb977203/restart-notifies', 'kb977203/certfix-without-restart']).map((d) => `${d.code} ${d.path}`);

describe('kb977203/restart-notifies: CCMCertFix run as the dependent program', () => {
  it('a notifying restart after the package\'s dependent program is found', () => {
    expect(rules(EXPORT('CM100010;;Repair', CERTFIX('Repair') + RESTART))).toEqual(['kb977203/restart-notifies Restart']);
    // Package and program as the console may write them, in another letter case.
    expect(rules(EXPORT('cm100010;;repair', CERTFIX('Repair') + RESTART))).toEqual(['kb977203/restart-notifies Restart']);
  });

  it('another program of that package, or no dependent program, is no CCMCertFix', () => {
    expect(rules(EXPORT('CM100010;;Repair', CERTFIX('Other') + RESTART))).toEqual([]);
    expect(rules(EXPORT('', CERTFIX('Repair') + RESTART))).toEqual([]);
  });

  it('a step named after CCMCertFix still counts, as before', () => {
    expect(rules(EXPORT('', CERTFIX('Repair', 'Run CCMCertFix') + RESTART))).toEqual(['kb977203/restart-notifies Restart']);
  });
});
