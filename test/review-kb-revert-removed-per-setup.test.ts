// Revert names a KB977203 entry it takes out of PATCH (KB977203_REVERT_PATCH_REMOVED) where the CCMCertFix step after
// that Setup step is the administrator's. With two Setup steps, one wired by hand (its own entry and its own CCMCertFix step) and one
// the preset wires (inserting its CCMCertFix step), the hand-wired Setup's entry is still the administrator's: revert
// must name it, as a re-apply keeps saying KB977203_PATCH_ADOPTED for it.
import { describe, expect, it } from 'vitest';
import { applyKb977203, readTaskSequence, revertKb977203, writeTaskSequence } from './helpers/api.js';

const ENTRY = 'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp';
const setup = (name: string, props: string) => `
      <step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="${name}" description="" runIn="WinPEandFullOS" successCodeList="0">
        <action>OSDSetupWindows.exe</action>
        <defaultVarList>
          <variable name="SMSClientInstallProperties" property="ClientInstallProperties">${props}</variable>
          <variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable>
        </defaultVarList>
      </step>`;
const input = `<?xml version="1.0"?>
<SmsTaskSequencePackage xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <BootImageID>ABC00001</BootImageID>
  <DependentProgram>ABC00010;;CCMCertFix</DependentProgram>
  <Name>Two Setup steps</Name>
  <SequenceData>
    <sequence version="3.00">
    <group name="Hand" description="">${setup('Setup A', `SMSSLP=SLP01 PATCH=&quot;${ENTRY}&quot;`)}
      <step type="SMS_TaskSequence_InstallSoftwareAction" name="Fix the client certificate" description="" runIn="FullOS" successCodeList="0">
        <action>smsswd.exe /pkg:abc00010 /install /basevar: /continueOnError:</action>
        <defaultVarList>
          <variable name="PackageID" property="PackageID" hidden="true">abc00010</variable>
          <variable name="_SMSSWDProgramName" property="ProgramName">ccmcertfix</variable>
        </defaultVarList>
      </step>
      <step type="SMS_TaskSequence_RebootAction" name="Restart after the certificate fix" description="" runIn="WinPEandFullOS" successCodeList="0">
        <action>smsboot.exe /target:HD</action>
        <defaultVarList>
          <variable name="SMSRebootTimeout" property="MessageTimeout">0</variable>
          <variable name="SMSRebootTarget" property="Target">HD</variable>
        </defaultVarList>
      </step>
    </group>
    <group name="Preset" description="">${setup('Setup B', 'SMSSLP=SLP01')}
    </group>
    </sequence>
  </SequenceData>
</SmsTaskSequencePackage>`;
const options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' } as const;
const text = (doc: ReturnType<typeof readTaskSequence>) => Buffer.from(writeTaskSequence(doc)).toString('utf8');

describe('revert names the hand-wired entry per Setup step', () => {
  it('names the entry of the Setup step whose CCMCertFix is the administrator\'s, though another Setup step has the preset\'s', () => {
    const doc = readTaskSequence(input);
    const applied = applyKb977203(doc, options);
    expect(applied.diagnostics.filter((d) => d.code === 'KB977203_PATCH_ADOPTED').map((d) => d.path)).toEqual([expect.stringContaining('Setup A')]);
    const again = applyKb977203(readTaskSequence(text(doc)), options);
    // A re-apply still says it for Setup A: its CCMCertFix is the administrator's.
    expect(again.diagnostics.filter((d) => d.code === 'KB977203_PATCH_ADOPTED').map((d) => d.path)).toEqual([expect.stringContaining('Setup A')]);
    const reverted = revertKb977203(readTaskSequence(text(doc)), options);
    const removed = reverted.changes.filter((c) => c.what === 'removed the KB977203 entry from PATCH').map((c) => c.where);
    expect(removed).toHaveLength(2);
    expect(reverted.diagnostics.filter((d) => d.code === 'KB977203_REVERT_PATCH_REMOVED').map((d) => d.path)).toEqual([expect.stringContaining('Setup A')]);
  });
});
