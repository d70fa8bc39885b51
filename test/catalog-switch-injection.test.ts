// A value going into a step cannot bring a switch of its own into the <action> line: a value that holds a switch the
// line writes after it, a %variable% that is no variable's name, and a variable's name that is not one are refused by
// buildStep, StepView.set and the settings schema alike, while values that only look odd are still taken.
import { describe, expect, it } from 'vitest';
import { buildStep, getAction, lint, readTaskSequence, stepView, validateStepSettings, variables, type Step } from './helpers/api.js';
import { thrown, verdict } from './helpers/thrown.js';

/** What a value brings into the line: [step type, settings, the setting that must be refused, a value it takes]. */
const INJECTIONS: [string, Record<string, unknown>, string, unknown?][] = [
  ['Set Task Sequence Variable', { variableName: 'Secret', variableValue: 'x" /hiddenflag:False "y', doNotShowVariableValue: true }, 'variableValue'],
  ['Set Task Sequence Variable', { variableName: 'Secret', variableValue: 'x" /HIDDENFLAG:false "y' }, 'variableValue'],
  ['Set Task Sequence Variable', { variableName: 'A" /hiddenflag:True "B', variableValue: 'b' }, 'variableName', 'A'],
  ['Install Package', { packageId: 'ABC00001', programName: 'p', baseVariableName: 'APPS /continueOnError:True', continueOnInstallError: false }, 'baseVariableName'],
  ['Install Application', { applicationName: ['A /continueOnError:True'] }, 'applicationName', ['A']],
  ['Install Package', { packageId: '%A /continueOnError:True%', programName: 'p' }, 'packageId', 'ABC00001'],
  ['Enable BitLocker', { mode: 'TPM', targetDrive: '%A /mode:Key%' }, 'targetDrive'],
  ['Apply Driver Package', { driverPackageId: '%A /unsigned:True%' }, 'driverPackageId', 'ABC00001'],
  ['Apply Operating System Image', { imagePackageId: 'ABC00001', destinationVariable: 'A% /runfromnet:True %B' }, 'destinationVariable'],
  ['Pre-provision BitLocker', { destinationVariable: 'A% /full:True %B' }, 'destinationVariable'],
  ['Run Command Line', { packageId: '%A\tB%', commandLine: 'x' }, 'packageId'],
];

describe('a value cannot bring a switch into the action line', () => {
  for (const [kind, settings, setting, good] of INJECTIONS) {
    it(`${kind}: ${setting} ${JSON.stringify(settings[setting])} is refused by buildStep and set`, () => {
      const e = thrown(() => buildStep(kind, { name: 'x', settings: settings as never }));
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(e.message).toContain(setting);
      // set() on a step built without the value (or with one it takes), which is left as it was.
      const { [setting]: value, ...rest } = settings;
      const step = buildStep(kind, { name: 'x', settings: (good === undefined ? rest : { ...rest, [setting]: good }) as never }) as Step;
      const before = JSON.stringify(step);
      expect(verdict(() => stepView(step).set(setting as never, value as never))).toBe('INVALID_ARGUMENT');
      expect(JSON.stringify(step)).toBe(before);
    });
  }

  it('the hidden flag a "do not show" value asks for is the only one in the line', () => {
    const step = buildStep('Set Task Sequence Variable', { name: 'x', settings: { variableName: 'Secret', variableValue: 'p@ss "quoted" /c x', doNotShowVariableValue: true } }) as Step;
    const action = getAction(step) ?? '';
    expect(action).toBe('tsenv.exe "Secret=p@ss "quoted" /c x" /hiddenflag:True');
    expect(action.match(/\/hiddenflag:/gi)).toHaveLength(1);
  });

  it('a value with quotes or with switches the line writes nowhere after it is still taken', () => {
    for (const [kind, settings] of [
      ['Set Task Sequence Variable', { variableName: 'SMSTSPostAction', variableValue: 'cmd /c "shutdown /r /t 0"' }],
      ['Run Command Line', { commandLine: 'cmd /c x /hiddenflag:False' }],
      ['Install Package', { packageId: '%PKG_01%', programName: 'p' }],
      ['Install Package', { baseVariableName: 'APPS' }],
      ['Enable BitLocker', { targetDrive: '%OSDisk%' }],
      ['Apply Operating System Image', { imagePackageId: 'ABC00001', destinationVariable: '_SMSTSOSDisk' }],
    ] as const) {
      expect(verdict(() => buildStep(kind, { name: 'x', settings: settings })), `${kind} ${JSON.stringify(settings)}`).toBe('ok');
      expect(validateStepSettings(kind, settings), kind).toEqual([]);
    }
  });
});

describe('a variable the action line reads is written with the switch that reads it', () => {
  const valueOf = (step: Step, property: string) => variables(step).find((v) => v.attributes.property === property)?.value;

  it('buildStep writes OSDImageIndex, OSDInstallEditionIndex and OSDShutdownPreparedOs with their defaults', () => {
    const image = buildStep('Apply Operating System Image', { name: 'x', settings: { imagePackageId: 'ABC00001' } }) as Step;
    expect(getAction(image)).toBe('OSDApplyOS.exe /image:ABC00001,%OSDImageIndex% /runfromnet:False');
    expect(valueOf(image, 'ImageIndex')).toBe('1');
    const install = buildStep('Apply Operating System Image', { name: 'x', settings: { installPackageId: 'ABC00001', configFilePackage: 'ABC00002', configFileName: 'unattend.xml' } }) as Step;
    expect(valueOf(install, 'InstallEditionIndex')).toBe('1');
    expect(valueOf(install, 'ConfigFileName')).toBe('unattend.xml');
    const prepare = buildStep('Prepare Windows for Capture', { name: 'x', settings: {} }) as Step;
    expect(getAction(prepare)).toContain('/shutdown:%OSDShutdownPreparedOs%');
    expect(valueOf(prepare, 'ShutdownPreparedOs')).toBe('false');
    // 2007's console writes no /shutdown: switch, and no variable for it.
    expect(valueOf(buildStep('Prepare Windows for Capture', { name: 'x', release: '2007', settings: {} }) as Step, 'ShutdownPreparedOs')).toBeUndefined();
    // Variables stay in the console's order (by property).
    const properties = variables(install).map((v) => v.attributes.property ?? '');
    expect(properties).toEqual([...properties].sort());
  });

  it('a configuration package with no file name is refused by buildStep and set, before anything is written', () => {
    expect(verdict(() => buildStep('Apply Operating System Image', { name: 'x', settings: { installPackageId: 'ABC00001', configFilePackage: 'ABC00002' } }))).toBe('INVALID_ARGUMENT');
    const step = buildStep('Apply Operating System Image', { name: 'x', settings: { installPackageId: 'ABC00001' } }) as Step;
    const before = JSON.stringify(step);
    const e = thrown(() => stepView(step).set('configFilePackage' as never, 'ABC00002'));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain('configFileName');
    expect(JSON.stringify(step)).toBe(before);
  });

  it('set writes the index when a value brings in the switch that reads it', () => {
    const step = buildStep('Apply Operating System Image', { name: 'x', settings: { installPackageId: 'ABC00001' } }) as Step;
    // One package at a time (setting-choices.ts): the installation package is emptied first.
    stepView(step).set('installPackageId' as never, '');
    stepView(step).set('imagePackageId' as never, 'ABC00003');
    expect(getAction(step)).toContain('/image:ABC00003,%OSDImageIndex%');
    expect(valueOf(step, 'ImageIndex')).toBe('1');
  });

  it('lint finds a step whose line reads an index the step does not have, not a switch the console writes bare', () => {
    const doc = readTaskSequence(`<sequence version="3.10">
  <step type="SMS_TaskSequence_ApplyOperatingSystemAction" name="Apply" description="" runIn="WinPE" successCodeList="0" retryCount="0" runFromNet="false">
    <action>OSDApplyOS.exe /image:ABC00001,%OSDImageIndex%</action>
    <defaultVarList>
      <variable name="ImagePackageID" property="ImagePackageID" hidden="true">ABC00001</variable>
    </defaultVarList>
  </step>
</sequence>
`);
    const found = lint(doc).filter((f) => f.code === 'catalog/missing-setting');
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining('%OSDImageIndex%')]);
  });
});

describe('what a release\'s console writes with its default, though nothing requires it', () => {
  const valueOf = (step: Step, property: string) => variables(step).find((v) => v.attributes.property === property)?.value;
  const build = (kind: string, settings: object, release?: string) => buildStep(kind, { name: 'x', settings: settings as never, ...(release ? { release: release } : {}) }) as Step;

  it('is written for Current Branch, as every Current Branch export of the corpus has it', () => {
    const set = build('Set Task Sequence Variable', { variableName: 's', variableValue: 's' });
    expect(getAction(set)).toBe('tsenv.exe "s=s" /hiddenflag:False');
    expect(valueOf(set, 'DoNotShowVariableValue')).toBe('false');
    expect(getAction(build('Enable BitLocker', { mode: 'TPM' }))).toMatch(/ \/full:False$/);
    expect(getAction(build('Pre-provision BitLocker', {}))).toMatch(/ \/full:False$/);
    expect(valueOf(build('Install Application', { applicationName: ['A'] }), 'RetryCount')).toBe('2');
    expect(build('Install Application', { applicationName: ['A'] }).attributes.retryCount).toBe('2');
  });

  it('is not written for a release before the one that wrote it', () => {
    const set = build('Set Task Sequence Variable', { variableName: 's', variableValue: 's' }, '2012 R2');
    expect(getAction(set)).toBe('tsenv.exe "s=s"');
    expect(valueOf(set, 'DoNotShowVariableValue')).toBeUndefined();
    expect(getAction(build('Enable BitLocker', { mode: 'TPM' }, 'CB 1802'))).not.toContain('/full:');
    expect(getAction(build('Apply Operating System Image', { imagePackageId: 'ABC00001' }, '2012'))).toBe('OSDApplyOS.exe /image:ABC00001,%OSDImageIndex%');
    expect(valueOf(build('Install Application', { applicationName: ['A'] }, '2012 R2'), 'RetryCount')).toBeUndefined();
  });

  it('a value given is written as given', () => {
    expect(getAction(build('Set Task Sequence Variable', { variableName: 's', variableValue: 's', doNotShowVariableValue: true }))).toBe('tsenv.exe "s=s" /hiddenflag:True');
  });
});
