// The steps the preset inserts are built once per set of options and copied for each use: every use must get steps
// of its own, and each set of options its own steps.
import { describe, expect, it } from 'vitest';
import { applyKb977203, findSteps, readTaskSequence, STEP_TYPES, writeTaskSequenceText, type Kb977203Options } from './helpers/api.js';

const SETUP = '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>';
const TWO = `<sequence version="3.00"><group name="Install A">${SETUP}</group><group name="Install B">${SETUP}</group></sequence>`;

function applied(options: Partial<Kb977203Options> = {}) {
  const doc = readTaskSequence(TWO);
  applyKb977203(doc, { certfixPackage: 'ABC00010', ...options });
  const inserted = findSteps(doc.sequence).filter((s) => s.node.attributes.type === STEP_TYPES.installSoftware || s.node.attributes.type === STEP_TYPES.restartComputer);
  return { doc, inserted: inserted.map((s) => s.node) };
}

describe('the steps KB977203 inserts', () => {
  it('are new steps at each place and in each document: changing one changes no other', () => {
    const first = applied();
    expect(first.inserted).toHaveLength(4);
    expect(new Set(first.inserted).size).toBe(4);
    const clean = writeTaskSequenceText(applied().doc);
    // Every part of an inserted step changed in place: attributes, a variable's value, the list of children.
    for (const step of first.inserted) {
      step.attributes.name = 'changed';
      step.children.push({ kind: 'text', value: ' ' });
      for (const child of step.children) if ('children' in child) for (const v of child.children) if ('value' in v && 'tag' in v) v.value = 'changed';
    }
    const second = applied();
    expect(second.inserted.map((s) => s.attributes.name)).toEqual(['Run CCMCertFix (KB977203)', 'Restart Computer (KB977203)', 'Run CCMCertFix (KB977203)', 'Restart Computer (KB977203)']);
    expect(writeTaskSequenceText(second.doc)).toBe(clean);
  });

  it('follow the options of each call, also after other options were used', () => {
    const program = (o: Partial<Kb977203Options>) => applied(o).inserted.flatMap((s) => s.children).flatMap((c) => ('children' in c ? c.children : [])).find((v) => 'value' in v && 'tag' in v && v.attributes.property === 'ProgramName');
    expect(program({ certfixProgram: 'Fix A' })).toMatchObject({ value: 'Fix A' });
    expect(program({ certfixProgram: 'Fix B' })).toMatchObject({ value: 'Fix B' });
    expect(program({ certfixProgram: 'Fix A', certfixPackage: 'ABC00011' })).toMatchObject({ value: 'Fix A' });
    const names = applied({ certfixStepName: 'CertFix now', restartStepName: 'Reboot now' }).inserted.map((s) => s.attributes.name);
    expect(names).toEqual(['CertFix now', 'Reboot now', 'CertFix now', 'Reboot now']);
    const packages = applied({ certfixPackage: 'ABC00011' }).inserted.map((s) => JSON.stringify(s));
    expect(packages.filter((p) => p.includes('ABC00011'))).toHaveLength(2);
    expect(packages.filter((p) => p.includes('ABC00010'))).toHaveLength(0);
  });
});
