// The five step classes with their own views (Run Command Line, Install Software, Setup Windows and ConfigMgr,
// Restart Computer, Set Task Sequence Variable) showed two or three fixed settings, so a page left out which account
// a command runs as, its working directory and the like, though every non-empty setting is to be shown. The view's
// lines come first, then the catalog's other non-empty settings, each once, secrets left out.
import { describe, expect, it } from 'vitest';
import { keySettings } from '../../lib/render/key-settings.js';
import { renderSequence } from '../../lib/render/render-sequence.js';
import { readTaskSequence } from '../helpers/api.js';

const vars = (pairs: [string, string, string][]) =>
  `<defaultVarList>${pairs.map(([name, property, value]) => `<variable name="${name}" property="${property}" hidden="true">${value}</variable>`).join('')}</defaultVarList>`;
const step = (type: string, action: string, pairs: [string, string, string][]) => `<step type="${type}" name="S"><action>${action}</action>${vars(pairs)}</step>`;
const settingsOf = (xml: string) => {
  const node = readTaskSequence(`<sequence version="3.10">${xml}</sequence>`).sequence.children.find((c) => c.kind === 'step');
  if (!node) throw new Error('no step');
  return keySettings(node);
};

const runAs = step('SMS_TaskSequence_RunCommandLineAction', 'smsswd.exe /run: cmd /c whoami', [
  ['CommandLine', 'CommandLine', 'cmd /c whoami'],
  ['SMSTSDisableWow64Redirection', 'DisableWow64Redirection', 'true'],
  ['SMSTSRunCommandLineAsUser', 'RunAsUser', 'true'],
  ['SuccessCodes', 'SuccessCodes', '0 3010'],
  ['SMSTSRunCommandLineUserName', 'UserName', 'CORP\\svc_runas'],
  ['SMSTSRunCommandLineUserPassword', 'UserPassword', 'Hush-1'],
  ['WorkingDirectory', 'WorkingDirectory', 'C:\\Temp'],
]);

describe('a step class with its own view shows its other catalog settings too', () => {
  it('Run Command Line: the run-as account, working directory and success codes after the command line, no password', () => {
    expect(settingsOf(runAs)).toEqual([
      { label: 'command line', value: 'cmd /c whoami' },
      { label: 'disable wow64 redirection', value: 'yes' },
      { label: 'run as user', value: 'yes' },
      { label: 'success codes', value: '0, 3010' },
      { label: 'user name', value: 'CORP\\svc_runas' },
      { label: 'working directory', value: 'C:\\Temp' },
    ]);
    for (const format of ['html', 'md'] as const) {
      const page = renderSequence(readTaskSequence(`<sequence version="3.10">${runAs}</sequence>`), { format });
      expect(page).toContain('svc');
      expect(page).not.toContain('Hush-1');
    }
  });

  it('Install Software with a base variable: continue on install error', () => {
    const s = settingsOf(step('SMS_TaskSequence_InstallSoftwareAction', 'smsswd.exe /pkg:0 /install /basevar:PKG /continueOnError:True', [['BaseVariableName', 'BaseVariableName', 'PKG'], ['ContinueOnInstallError', 'ContinueOnInstallError', 'true']]));
    expect(s).toEqual([
      { label: 'install multiple, base variable', value: 'PKG' },
      { label: 'continue on install error', value: 'yes' },
    ]);
  });

  it('Setup Windows and ConfigMgr: the pre-production client package', () => {
    const s = settingsOf(step('SMS_TaskSequence_SetupWindowsAndSMSAction', 'osdsetupwindows.exe', [['SMSClientInstallProperties', 'ClientInstallProperties', 'SMSMP=mp1'], ['SMSClientPackageID', 'ClientPackageID', 'ABC00001'], ['SMSClientPreProdPackageID', 'ClientPreProductionPackageID', 'ABC00002']]));
    expect(s.map((x) => x.label)).toEqual(['installation properties', 'client package', 'client pre production package ID']);
    expect(s[2]?.value).toBe('ABC00002');
  });

  it('Set Task Sequence Variable and Restart Computer: no line repeats one of the view (a hidden value stays hidden)', () => {
    const set = settingsOf(step('SMS_TaskSequence_SetVariableAction', 'tsenv.exe "MyKey=Hush-2" /hiddenflag:True', [['DoNotShowVariableValue', 'DoNotShowVariableValue', 'true'], ['VariableName', 'VariableName', 'MyKey'], ['VariableValue', 'VariableValue', 'Hush-2']]));
    expect(set).toEqual([
      { label: 'set', value: 'MyKey = (hidden)' },
      { label: 'do not show variable value', value: 'yes' },
    ]);
    const restart = settingsOf(step('SMS_TaskSequence_RebootAction', 'smsboot.exe /target:WinPE', [['SMSRebootMessage', 'Message', 'Bye'], ['SMSRebootTimeout', 'MessageTimeout', '60'], ['SMSRebootTarget', 'Target', 'WinPE']]));
    expect(restart.map((x) => x.label)).toEqual(['restart to', 'notify the user', 'message']);
  });
});
