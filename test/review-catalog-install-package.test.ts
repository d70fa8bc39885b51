import { describe, expect, it } from 'vitest';
import { matchAction, stepView } from '../lib/catalog/index.js';
import { findSteps, lint, readTaskSequence, writeTaskSequenceText, type Step } from './helpers/api.js';

// Install Package as the console writes it when 'continue on error' was never set: the switch is there, empty. The
// program is the visible _SMSSWDProgramName, as exports write it (corpus 02); catalog/variable-name reports another name.
const INSTALL = `<sequence version="3.10">
  <step type="SMS_TaskSequence_InstallSoftwareAction" name="Install Package" description="" runIn="FullOS" successCodeList="0" retryCount="0" runFromNet="false">
    <action>smsswd.exe /pkg:ABC00155 /install /basevar: /continueOnError:</action>
    <defaultVarList>
      <variable name="PackageID" property="PackageID" hidden="true">ABC00155</variable>
      <variable name="_SMSSWDProgramName" property="ProgramName">Install</variable>
    </defaultVarList>
  </step>
</sequence>
`;

describe('an action line with an empty boolean switch has the console form', () => {
  it('the console template reads /continueOnError: with no value', () => {
    expect(matchAction('smsswd.exe /pkg:{PackageID} /install /basevar:{BaseVariableName} /continueOnError:{ContinueOnInstallError:bool}', 'smsswd.exe /pkg:ABC00155 /install /basevar: /continueOnError:')).toEqual({ PackageID: 'ABC00155', BaseVariableName: '', ContinueOnInstallError: '' });
  });

  it('setting the package of an Install Package step rewrites /pkg: (the engine runs the line, not the variable)', () => {
    const doc = readTaskSequence(INSTALL);
    stepView<'SMS_TaskSequence_InstallSoftwareAction'>(findSteps(doc.sequence)[0]?.node as Step).set('packageId', 'ABC00002');
    expect(writeTaskSequenceText(doc)).toBe(INSTALL.replaceAll('ABC00155', 'ABC00002'));
  });

  it('lint finds such a step whose line disagrees with its package', () => {
    const stale = INSTALL.replace('hidden="true">ABC00155<', 'hidden="true">ABC00002<');
    expect(lint(readTaskSequence(stale)).filter((d) => d.code === 'catalog/action-line').map((d) => d.message)).toEqual([
      'The command line is "smsswd.exe /pkg:ABC00155 /install /basev…" (61 characters) but the settings say "smsswd.exe /pkg:ABC00002 /install /basev…" (61 characters) (they differ from character 22).',
    ]);
    expect(lint(readTaskSequence(INSTALL)).filter((d) => d.code.startsWith('catalog/'))).toEqual([]);
  });
});
