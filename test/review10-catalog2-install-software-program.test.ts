// Review of InstallSoftwareStep.setProgram: after StepView.set had rendered the action line from every variable, it
// rendered it again from the package ID alone, so a step with a BaseVariableName or ContinueOnInstallError lost
// them from its line (`/basevar: /continueOnError:`) while its variables kept them. The line now stays as set renders it.
import { describe, expect, it } from 'vitest';
import { InstallSoftwareStep, findItems, getAction, readTaskSequence, stepView, type Step } from './helpers/api.js';

const xml = (vars: string, action: string) =>
  `<sequence version="3.10"><step type="SMS_TaskSequence_InstallSoftwareAction" name="P" description="" runIn="FullOS" successCodeList="0" retryCount="0" runFromNet="false"><action>${action}</action><defaultVarList>${vars}<variable name="PackageID" property="PackageID" hidden="true">ABC00001</variable><variable name="ProgramName" property="ProgramName" hidden="true">Install</variable></defaultVarList></step></sequence>`;

const stepOf = (text: string) => findItems(readTaskSequence(Buffer.from(text)).sequence, { kind: 'step' })[0]?.node as Step;

describe('InstallSoftwareStep.setProgram keeps the action line in step with the variables', () => {
  it('a ContinueOnInstallError stays on the line', () => {
    const step = stepOf(xml('<variable name="ContinueOnInstallError" property="ContinueOnInstallError" hidden="true">true</variable>', 'smsswd.exe /pkg:ABC00001 /install /basevar: /continueOnError:True'));
    new InstallSoftwareStep(step).setProgram('ABC00002', 'Other');
    const view = stepView<'SMS_TaskSequence_InstallSoftwareAction'>(step);
    expect(view.settings.continueOnInstallError).toBe(true);
    expect(getAction(step)).toBe('smsswd.exe /pkg:ABC00002 /install /basevar: /continueOnError:True');
  });

  it('a BaseVariableName stays on the line', () => {
    const step = stepOf(xml('<variable name="BaseVariableName" property="BaseVariableName" hidden="true">PKG</variable>', 'smsswd.exe /pkg:ABC00001 /install /basevar:PKG /continueOnError:'));
    new InstallSoftwareStep(step).setProgram('ABC00002', 'Other');
    expect(getAction(step)).toBe('smsswd.exe /pkg:ABC00002 /install /basevar:PKG /continueOnError:');
  });

  it('a plain step gets the console\'s line', () => {
    const step = stepOf(xml('', 'smsswd.exe /pkg:ABC00001 /install /basevar: /continueOnError:'));
    new InstallSoftwareStep(step).setProgram('ABC00002', 'Other');
    expect(getAction(step)).toBe('smsswd.exe /pkg:ABC00002 /install /basevar: /continueOnError:');
  });

  it('a step with no line gets one from its variables', () => {
    const step = stepOf(xml('<variable name="ContinueOnInstallError" property="ContinueOnInstallError" hidden="true">true</variable>', '').replace('<action></action>', ''));
    new InstallSoftwareStep(step).setProgram('ABC00002', 'Other');
    expect(getAction(step)).toBe('smsswd.exe /pkg:ABC00002 /install /basevar: /continueOnError:True');
  });
});
