// kb977203/certfix-without-restart looked for the restart among CCMCertFix's siblings only: CCMCertFix as the last
// step of a group, with the Restart Computer right after that group (or first in the next group), was reported as
// "not followed by a Restart Computer", though the restart is the next step the engine runs. The rule now follows
// execution order: the restart is the next step listed after CCMCertFix, whatever groups end or begin between them.
// The groups it enters on the way must not keep it from running when CCMCertFix ran: one that is disabled, or has a
// condition CCMCertFix does not also run under, is a finding (a group's condition is evaluated after CCMCertFix ran,
// and can come out false, so CCMCertFix would run without its restart) — unless it is CCMCertFix's very condition,
// on variables only the sequence or the administrator sets, as for a restart's own condition. kb977203/restart-notifies
// looks at the same restart.
import { describe, expect, it } from 'vitest';
import { lint, readTaskSequence } from './helpers/api.js';

const CERTFIX = (attributes = '', condition = '') =>
  `<step type="SMS_TaskSequence_RunCommandLineAction" name="Run CCMCertFix"${attributes} description="" runIn="FullOS" successCodeList="0 3010">${condition}<action>CCMCertFix.exe</action><defaultVarList><variable name="CommandLine" property="CommandLine">CCMCertFix.exe</variable></defaultVarList></step>`;
const RESTART = (attributes = '', timeout = '0') =>
  `<step type="SMS_TaskSequence_RebootAction" name="Restart"${attributes} description="" runIn="WinPEandFullOS" successCodeList="0"><action>smsboot.exe /target:HD</action><defaultVarList><variable name="SMSRebootMessage" property="Message">Restarting</variable><variable name="SMSRebootTimeout" property="MessageTimeout">${timeout}</variable><variable name="SMSRebootTarget" property="Target">HD</variable></defaultVarList></step>`;
const OTHER = '<step type="SMS_TaskSequence_RunCommandLineAction" name="Other" description="" runIn="FullOS" successCodeList="0"><action>cmd.exe /c exit 0</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd.exe /c exit 0</variable></defaultVarList></step>';
const VARIABLE = (name: string) => `<condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">true</variable><variable name="Variable">${name}</variable></expression></condition>`;
const group = (name: string, body: string, attributes = '', condition = '') => `<group name="${name}"${attributes} description="">${condition}${body}</group>`;
const found = (body: string, rule = 'kb977203/certfix-without-restart') => lint(readTaskSequence(`<sequence version="3.00">${body}</sequence>`), [rule]).map((d) => d.message);

describe('kb977203/certfix-without-restart follows execution order across groups', () => {
  it('a restart right after the group whose last step is CCMCertFix: no finding', () => {
    expect(found(group('Fix', OTHER + CERTFIX()) + RESTART())).toEqual([]);
    // Out of two groups at once.
    expect(found(group('Outer', group('Fix', CERTFIX())) + RESTART())).toEqual([]);
  });

  it('a restart as the first step of the next group (or of a group inside it): no finding', () => {
    expect(found(group('Fix', CERTFIX()) + group('Reboot', RESTART() + OTHER))).toEqual([]);
    expect(found(group('Fix', CERTFIX()) + group('Reboot', group('Inner', RESTART())))).toEqual([]);
    // An empty group between them runs nothing.
    expect(found(group('Fix', CERTFIX()) + group('Empty', '', '', VARIABLE('X')) + RESTART())).toEqual([]);
  });

  it('another step first after the group is still a finding', () => {
    expect(found(group('Fix', CERTFIX()) + OTHER + RESTART())).toHaveLength(1);
    expect(found(group('Fix', CERTFIX()) + group('Next', OTHER + RESTART()))).toHaveLength(1);
    expect(found(group('Fix', CERTFIX()))).toHaveLength(1);
  });

  it('a disabled restart after the group, or one in a disabled group, is a finding', () => {
    const [m, ...rest] = found(group('Fix', CERTFIX()) + RESTART(' disable="true"'));
    expect(rest).toEqual([]);
    expect(m).toContain('is disabled');
    expect(found(group('Fix', CERTFIX()) + group('Reboot', RESTART(), ' disable="true"'))).toEqual([expect.stringContaining('is in the disabled group "Reboot"')]);
    // A disabled CCMCertFix with its restart in a disabled group: both never run, alike.
    expect(found(group('Fix', CERTFIX(' disable="true"')) + group('Reboot', RESTART(), ' disable="true"'))).toEqual([]);
  });

  it('a group with a condition of its own around the restart is a finding, naming the group', () => {
    const [m, ...rest] = found(group('Fix', CERTFIX()) + group('Reboot', RESTART(), '', VARIABLE('DoRestart')));
    expect(rest).toEqual([]);
    expect(m).toContain('"Reboot"');
    expect(m).toContain('DoRestart');
  });

  it('the same condition, on a variable the administrator sets, around both: no finding; on CCMCertFix\'s group only: no finding either', () => {
    expect(found(group('Fix', CERTFIX(), '', VARIABLE('Fix')) + group('Reboot', RESTART(), '', VARIABLE('Fix')))).toEqual([]);
    // The restart after the group runs whether or not the group's condition held, so always after CCMCertFix ran:
    // it is the restart R14 asks for (the preset adopts it and inserts no second one).
    expect(found(group('Fix', CERTFIX(), '', VARIABLE('Fix')) + RESTART())).toEqual([]);
    // The condition on the restart's side only is still a finding.
    expect(found(group('Fix', CERTFIX()) + group('Reboot', RESTART(), '', VARIABLE('Fix')))).toEqual([expect.stringContaining('"Reboot"')]);
  });

  it('kb977203/restart-notifies looks at the restart after the group too', () => {
    const [m, ...rest] = found(group('Fix', CERTFIX()) + RESTART('', '60'), 'kb977203/restart-notifies');
    expect(rest).toEqual([]);
    expect(m).toContain('notifies the user');
  });
});
