// Settings that depend on each other beyond the <action> line (review D1, the catalog's requiredWhen): a step that
// gives neither or both of two modes, or a package without its program, cannot run. Builders refuse it, `set` refuses
// a value that brings it in (emptying one to switch modes is taken), and lint's catalog/missing-setting reports a
// file's such step.
import { describe, expect, it } from 'vitest';
import { addStep, buildStep, createSequence, lint, readTaskSequence, stepView, type Step } from './helpers/api.js';
import { thrown, verdict } from './helpers/thrown.js';

type Settings = Record<string, unknown>;
const build = (kind: string, settings: Settings) => buildStep(kind, { name: 'x', settings: settings as never }) as Step;

/** Step types with settings that a step cannot run without, or with both: each case refused, naming the settings. */
const REFUSED: [string, Settings, string[]][] = [
  ['Apply Operating System Image', {}, ['imagePackageId or installPackageId']],
  ['Apply Operating System Image', { imagePackageId: 'ABC00001', installPackageId: 'ABC00002' }, ['imagePackageId or installPackageId, not both']],
  ['Apply Operating System Image', { imagePackageId: 'ABC00001', destinationLogicalDrive: 'C:', destinationVariable: 'OSDisk' }, ['one destination']],
  ['Apply Operating System Image', { imagePackageId: 'ABC00001', destinationDisk: 0, destinationPartition: 1, destinationVariable: 'OSDisk' }, ['one destination']],
  ['Enable BitLocker', {}, ['needs mode']],
  ['Install Application', {}, ['applicationName or baseVariableName']],
  ['Install Application', { applicationName: ['ScopeId_A/Application_B'], baseVariableName: 'APPS' }, ['not both']],
  ['Install Package', {}, ['packageId or baseVariableName']],
  ['Install Package', { packageId: 'ABC00001' }, ['needs programName with packageId']],
  ['Install Package', { packageId: 'ABC00001', programName: 'Setup', baseVariableName: 'PKGS' }, ['not both']],
  ['Run PowerShell Script', {}, ['sourceScript or packageId with scriptName']],
  ['Run PowerShell Script', { packageId: 'ABC00001' }, ['needs scriptName with packageId']],
  ['Run PowerShell Script', { sourceScript: 'Write-Host 1', packageId: 'ABC00001', scriptName: 'a.ps1' }, ['not both']],
  ['Upgrade Operating System', {}, ['installPackageId, installPath or a feature update']],
  ['Upgrade Operating System', { installPackageId: 'ABC00001', installPath: '\\\\srv\\w11' }, ['installPackageId or installPath, not both']],
  ['Apply Network Settings', { networkJoinType: '1' }, ['domainName or workgroupName', 'needs workgroupName with networkJoinType 1']],
  ['Apply Network Settings', { networkJoinType: '0', domainName: 'corp.example', workgroupName: 'WG' }, ['not both']],
  ['Apply Network Settings', { networkJoinType: '0', workgroupName: 'WG' }, ['needs domainName with networkJoinType 0']],
];

/** The same step types given one mode, as the console writes them: built. */
const TAKEN: [string, Settings][] = [
  ['Apply Operating System Image', { imagePackageId: 'ABC00001', destinationVariable: 'OSDisk' }],
  ['Apply Operating System Image', { installPackageId: 'ABC00002', destinationDisk: 0, destinationPartition: 1 }],
  ['Enable BitLocker', { mode: 'TPM' }],
  ['Enable BitLocker', { targetDrive: 'D:' }],
  ['Install Application', { applicationName: ['ScopeId_A/Application_B'] }],
  ['Install Application', { baseVariableName: 'APPS' }],
  ['Install Package', { packageId: 'ABC00001', programName: 'Setup' }],
  ['Install Package', { baseVariableName: 'PKGS' }],
  ['Run PowerShell Script', { sourceScript: 'Write-Host 1' }],
  ['Run PowerShell Script', { packageId: 'ABC00001', scriptName: 'a.ps1' }],
  ['Upgrade Operating System', { installPackageId: 'ABC00001' }],
  ['Upgrade Operating System', { installPath: '%DPC01%' }],
  ['Upgrade Operating System', { featureUpdateName: 'Windows 11, version 23H2' }],
  ['Apply Network Settings', { networkJoinType: '0', domainName: 'corp.example' }],
  ['Apply Network Settings', { networkJoinType: '1', workgroupName: 'WG' }],
];

describe('settings that depend on each other', () => {
  it('builders refuse a step that cannot run, naming the settings', () => {
    for (const [kind, settings, words] of REFUSED) {
      const e = thrown(() => build(kind, settings));
      expect(e.code, `${kind} ${JSON.stringify(settings)}`).toBe('INVALID_ARGUMENT');
      expect(e.message.startsWith(kind), e.message).toBe(true);
      for (const w of words) expect(e.message, `${kind} ${JSON.stringify(settings)}`).toContain(w);
    }
    expect(thrown(() => build('Apply Operating System Image', { imagePackageId: 'ABC00001', installPackageId: 'ABC00002' })).message).toBe('Apply Operating System Image needs imagePackageId or installPackageId, not both.');
  });

  it('builders take each mode alone', () => {
    for (const [kind, settings] of TAKEN) expect(verdict(() => build(kind, settings)), `${kind} ${JSON.stringify(settings)}`).toBe('ok');
  });

  it('addStep refuses it too, and adds nothing', () => {
    const doc = createSequence('cim-instance');
    const before = doc.toString();
    expect(verdict(() => addStep(doc, 'Install Application', { name: 'Apps', settings: {} }, { last: doc.sequence }))).toBe('INVALID_ARGUMENT');
    expect(doc.toString()).toBe(before);
  });

  it('set refuses a value that brings a second mode in, and takes a switch made by emptying the first', () => {
    const step = build('Apply Operating System Image', { imagePackageId: 'ABC00001' });
    const view = stepView<'SMS_TaskSequence_ApplyOperatingSystemAction'>(step);
    const before = JSON.stringify(step);
    const e = thrown(() => view.set('installPackageId', 'ABC00002'));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain('imagePackageId or installPackageId, not both');
    expect(JSON.stringify(step)).toBe(before);
    view.set('imagePackageId', '');
    view.set('installPackageId', 'ABC00002');
    expect(view.settings.installPackageId).toBe('ABC00002');

    const pkg = stepView<'SMS_TaskSequence_InstallSoftwareAction'>(build('Install Package', { baseVariableName: 'PKGS' }));
    expect(verdict(() => pkg.set('packageId', 'ABC00001'))).toBe('INVALID_ARGUMENT');
  });

  it('lint reports a file\'s such step (a file is read, not refused), and nothing for one built', () => {
    const doc = createSequence('cim-instance');
    addStep(doc, 'Apply Operating System Image', { name: 'Apply', settings: { imagePackageId: 'ABC00001' } }, { last: doc.sequence });
    addStep(doc, 'Install Package', { name: 'Pkg', settings: { packageId: 'ABC00001', programName: 'Setup' } }, { last: doc.sequence });
    expect(lint(doc).filter((f) => f.code === 'catalog/missing-setting')).toEqual([]);
    const text = doc.toString()
      .replace('<variable name="OSDImageIndex" property="ImageIndex">1</variable>', '<variable name="OSDImageIndex" property="ImageIndex">1</variable><variable name="OSDInstallPackageID" property="InstallPackageID" hidden="true">ABC00002</variable>')
      .replace(/<variable name="_SMSSWDProgramName" property="ProgramName"[^>]*>Setup<\/variable>/, '');
    const messages = lint(readTaskSequence(text)).filter((f) => f.code === 'catalog/missing-setting').map((f) => f.message);
    expect(messages).toContain('Apply Operating System Image needs imagePackageId or installPackageId, not both.');
    expect(messages).toContain('Install Package needs programName with packageId.');
  });
});
