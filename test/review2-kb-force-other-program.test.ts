// --force over another "Run another program first" (R12): a step that runs the old program was rewired to run
// CCMCertFix whatever the old program was, so an administrator's step running an unrelated program (a preparation
// program also run first) silently became a second CCMCertFix step. Only a program that is a CCMCertFix too is rewired.
import { describe, expect, it } from 'vitest';
import { applyKb977203, InstallSoftwareStep, listItems, readTaskSequence, STEP_TYPES, writeTaskSequence, type Kb977203Options, type Step } from './helpers/api.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:', force: true };
const SETUP =
  '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>';
const INSTALL = (name: string, pkg: string, program: string) =>
  `<step type="SMS_TaskSequence_InstallSoftwareAction" name="${name}" description="" runIn="FullOS" successCodeList="0"><action>smsswd.exe /pkg:${pkg} /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">${pkg}</variable><variable name="_SMSSWDProgramName" property="ProgramName">${program}</variable></defaultVarList></step>`;
const EXPORT = (dependent: string, items: string) =>
  `<?xml version="1.0"?>\n<SmsTaskSequencePackage xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\n  <BootImageID>ABC00001</BootImageID>\n  <Category />\n  <DependentProgram>${dependent}</DependentProgram>\n  <Name>Refresh</Name>\n  <SequenceData><sequence version="3.00">${items}</sequence></SequenceData>\n  <SupportedOperatingSystems />\n</SmsTaskSequencePackage>\n`;

const programs = (doc: ReturnType<typeof readTaskSequence>) =>
  listItems(doc.sequence)
    .filter((l) => l.node.attributes.type === STEP_TYPES.installSoftware)
    .map((l) => {
      const v = new InstallSoftwareStep(l.node as Step);
      return `${l.node.attributes.name ?? ''}: ${v.packageId ?? ''};;${v.programName ?? ''}`;
    });

describe('--force over another dependent program', () => {
  it('an unrelated program: DependentProgram is replaced, the step that runs it is left as it was, and the KB pair is added', () => {
    const doc = readTaskSequence(EXPORT('ABC00020;;Prepare', SETUP + INSTALL('Prepare the client', 'ABC00020', 'Prepare')));
    const report = applyKb977203(doc, O);
    expect(programs(doc)).toEqual(['Run CCMCertFix (KB977203): ABC00010;;CCMCertFix', 'Prepare the client: ABC00020;;Prepare']);
    expect(doc.getProperty('DependentProgram')).toBe('ABC00010;;CCMCertFix');
    expect(report.changes.some((c) => c.where === 'Prepare the client')).toBe(false);
    // Applying again changes nothing.
    const again = readTaskSequence(Buffer.from(writeTaskSequence(doc)));
    expect(applyKb977203(again, O).changes).toEqual([]);
  });

  it('a CCMCertFix program in another package is still rewired, as before', () => {
    const doc = readTaskSequence(EXPORT('XYZ00001;;CCMCertFix', SETUP + INSTALL('Old CCMCertFix', 'XYZ00001', 'CCMCertFix')));
    applyKb977203(doc, O);
    expect(programs(doc)).toEqual(['Old CCMCertFix: ABC00010;;CCMCertFix']);
  });
});
