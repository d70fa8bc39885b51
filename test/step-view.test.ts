import { describe, expect, it } from 'vitest';
import { buildStep, stepView } from '../lib/catalog/index.js';
import { MDT } from './helpers/mdt-sample.js';
import { findSteps, getAction, readTaskSequence, RestartComputerStep, RunCommandLineStep, SetVariableStep, variables, writeTaskSequenceText, type Step } from './helpers/api.js';

const CB = `<sequence version="3.10"><step type="SMS_TaskSequence_SetVariableAction" name="Set OSDImage" description="" runIn="WinPEandFullOS" successCodeList="0" retryCount="0" runFromNet="false"><action>tsenv.exe "OSDImage=Win10" /hiddenflag:False</action><defaultVarList><variable name="DoNotShowVariableValue" property="DoNotShowVariableValue" hidden="true">false</variable><variable name="VariableName" property="VariableName" hidden="true">OSDImage</variable><variable name="VariableValue" property="VariableValue" hidden="true">Win10</variable></defaultVarList></step><step type="SMS_TaskSequence_RunCommandLineAction" name="Run" description="" runIn="WinPEandFullOS" successCodeList="0 3010" retryCount="0" runFromNet="false"><action>smsswd.exe /run: cmd /c echo one</action><defaultVarList><variable name="CommandLine" property="CommandLine" hidden="true">cmd /c echo one</variable><variable name="SMSTSDisableWow64Redirection" property="DisableWow64Redirection">false</variable><variable name="SuccessCodes" property="SuccessCodes" hidden="true">0 3010</variable></defaultVarList></step></sequence>`;

describe('typed views keep the action line in step with the settings', () => {
  it('setting a Set Task Sequence Variable value re-renders tsenv.exe, keeping /hiddenflag', () => {
    const doc = readTaskSequence(CB);
    const step = findSteps(doc.sequence)[0]?.node as Step;
    new SetVariableStep(step).variableValue = 'Win11 "Pro"';
    expect(getAction(step)).toBe('tsenv.exe "OSDImage=Win11 "Pro"" /hiddenflag:False');
    expect(writeTaskSequenceText(doc)).toContain('<variable name="VariableValue" property="VariableValue" hidden="true">Win11 "Pro"</variable>');
  });

  it('setting a Run Command Line command re-renders smsswd.exe; adding a package puts PackageID in property order', () => {
    const doc = readTaskSequence(CB);
    const step = findSteps(doc.sequence)[1]?.node as Step;
    const view = stepView<'SMS_TaskSequence_RunCommandLineAction'>(step);
    view.set('commandLine', 'setup.exe /q');
    view.set('packageId', 'ABC00012');
    view.set('successCodes', [0, 1641]);
    expect(getAction(step)).toBe('smsswd.exe /run:ABC00012 setup.exe /q');
    expect(variables(step).map((v) => v.attributes.property)).toEqual(['CommandLine', 'DisableWow64Redirection', 'PackageID', 'SuccessCodes']);
    expect(step.attributes.successCodeList).toBe('0 1641');
    expect(view.settings).toEqual({ commandLine: 'setup.exe /q', disableWow64Redirection: false, packageId: 'ABC00012', successCodes: [0, 1641] });
  });

  it('reads an MDT Run Command Line (no type, command only in <action>) and edits the action, adding no variable', () => {
    const doc = readTaskSequence(MDT);
    const step = findSteps(doc.sequence)[1]?.node as Step;
    const view = new RunCommandLineStep(step);
    expect(view.commandLine).toBe('cscript.exe "%SCRIPTROOT%\\LTIApply.wsf" /PE');
    view.commandLine = 'cscript.exe "%SCRIPTROOT%\\LTIApply.wsf" /PE /verbose';
    expect(getAction(step)).toBe('cscript.exe "%SCRIPTROOT%\\LTIApply.wsf" /PE /verbose');
    expect(variables(step)).toHaveLength(1);
    expect(writeTaskSequenceText(doc)).toBe(MDT.replace('/PE</action>', '/PE /verbose</action>'));
  });

  it('reads an MDT restart target from the action line when the variable is empty', () => {
    const doc = readTaskSequence(MDT);
    const step = findSteps(doc.sequence)[0]?.node as Step;
    expect(new RestartComputerStep(step).target).toBe('WinPE');
    // settings read as get does: the line's target, not the empty variable's '' (written back, that erased it).
    expect(stepView(step).settings).toEqual({ message: '', messageTimeout: 60, target: 'WinPE' });
  });

  it('rejects an unknown setting and a value of the wrong type', () => {
    const step = buildStep('Restart Computer', { name: 'R', settings: { target: 'HD' } });
    const view = stepView(step);
    expect(() => view.set('targett', 'x')).toThrow(/no setting "targett"/);
    expect(() => view.set('messageTimeout', '60')).toThrow(/integer/);
  });

  it('decodes a Run PowerShell Script source script and writes it back as the console does', () => {
    const step = buildStep('Run PowerShell Script', { name: 'PS', settings: { sourceScript: 'Get-Date\r\n', executionPolicy: 'Bypass' } });
    const raw = variables(step).find((v) => v.attributes.property === 'SourceScript')?.value ?? '';
    expect(raw.startsWith('//5')).toBe(true);
    expect(stepView<'SMS_TaskSequence_RunPowerShellScriptAction'>(step).settings.sourceScript).toBe('Get-Date\r\n');
  });
});

describe('builders', () => {
  it('write Apply Driver Package exactly as the console does', () => {
    const step = buildStep('Apply Driver Package', { name: 'Drivers', settings: { driverPackageId: 'ABC0002A', unsignedDriver: false } });
    expect(step.attributes).toEqual({ type: 'SMS_TaskSequence_ApplyDriverPackageAction', name: 'Drivers', description: '', runIn: 'WinPE', successCodeList: '0', retryCount: '0', runFromNet: 'false' });
    // As the Current Branch export in the corpus writes it: OSDRecurse with its default, and the switch that reads it.
    expect(getAction(step)).toBe('osddriverclient.exe /install:ABC0002A  /unsigned:%OSDAllowUnsignedDriver% /recurse:%OSDRecurse%');
    expect(variables(step).map((v) => [v.attributes.name, v.attributes.hidden ?? '', v.value])).toEqual([
      ['OSDApplyDriverDriverPackageID', 'true', 'ABC0002A'],
      ['OSDRecurse', '', 'false'],
      ['OSDAllowUnsignedDriver', '', 'false'],
    ]);
    // For a release before Current Branch, neither.
    const older = buildStep('Apply Driver Package', { name: 'Drivers', release: '2012 R2', settings: { driverPackageId: 'ABC0002A', unsignedDriver: false } });
    expect(getAction(older)).toBe('osddriverclient.exe /install:ABC0002A  /unsigned:%OSDAllowUnsignedDriver%');
    expect(variables(older).map((v) => v.attributes.name)).toEqual(['OSDApplyDriverDriverPackageID', 'OSDAllowUnsignedDriver']);
  });

  it('refuse a step without its required settings', () => {
    expect(() => buildStep('Apply Driver Package', { name: 'x', settings: {} as never })).toThrow(/driverPackageId/);
  });
});

describe('types generated from the catalog', () => {
  it('a misspelt setting, a wrong value type and a missing required setting do not compile', () => {
    const ok = buildStep('Apply Driver Package', { name: 'D', settings: { driverPackageId: 'ABC00001', unsignedDriver: true } });
    // @ts-expect-error driverPackageID is not a setting of Apply Driver Package (it is driverPackageId)
    expect(() => buildStep('Apply Driver Package', { name: 'D', settings: { driverPackageId: 'ABC00001', driverPackageID: 'ABC00001' } })).toThrow(/no setting "driverPackageID"/);
    // @ts-expect-error unsignedDriver is a boolean
    expect(() => buildStep('Apply Driver Package', { name: 'D', settings: { driverPackageId: 'ABC00001', unsignedDriver: 'false' } })).toThrow(/boolean/);
    // @ts-expect-error driverPackageId is required (the console has no default for it)
    expect(() => buildStep('SMS_TaskSequence_ApplyDriverPackageAction', { name: 'D', settings: {} })).toThrow(/driverPackageId/);
    const view = stepView<'SMS_TaskSequence_ApplyDriverPackageAction'>(ok);
    const id: string | undefined = view.settings.driverPackageId;
    const unsigned: boolean | undefined = view.settings.unsignedDriver;
    expect([id, unsigned]).toEqual(['ABC00001', true]);
    // @ts-expect-error a view typed for its step type has no other settings
    expect(() => view.set('commandLine', 'x')).toThrow(/no setting "commandLine"/);
  });
});
