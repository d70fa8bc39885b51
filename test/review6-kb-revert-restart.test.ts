// Revert and the Restart Computer after CCMCertFix: the restart goes with its CCMCertFix step (a preset step the
// administrator renamed keeps its restart), and an administrator's restart that notifies the user is left as it is
// by apply (the KB's own restart goes before it), so that revert gives the file back unchanged.
import { describe, expect, it } from 'vitest';
import { applyKb977203, lint, listItems, readTaskSequence, revertKb977203, RestartComputerStep, STEP_TYPES, writeTaskSequence, type Kb977203Options, type Step } from './helpers/api.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };

const SETUP =
  '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" runIn="WinPEandFullOS" successCodeList="0" retryCount="0" runFromNet="false"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>';
const CERTFIX =
  '<step type="SMS_TaskSequence_InstallSoftwareAction" name="Fix the client certificate" runIn="FullOS" successCodeList="0" retryCount="0" runFromNet="false"><action>smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList></step>';
const NOTIFYING_RESTART =
  '<step type="SMS_TaskSequence_RebootAction" name="Restart after the fix" runIn="WinPEandFullOS" successCodeList="0" retryCount="0" runFromNet="false"><action>smsboot.exe /target:HD</action><defaultVarList><variable name="SMSRebootMessage" property="Message">Restarting to finish setup</variable><variable name="SMSRebootTimeout" property="MessageTimeout">60</variable><variable name="SMSRebootTarget" property="Target" hidden="true">HD</variable></defaultVarList></step>';
const SEQUENCE = (items: string) => `<sequence version="3.00">${items}</sequence>`;

const text = (doc: ReturnType<typeof readTaskSequence>) => Buffer.from(writeTaskSequence(doc)).toString('utf8');
const names = (doc: ReturnType<typeof readTaskSequence>) => listItems(doc.sequence).map((l) => l.node.attributes.name);

describe('revert after the administrator renamed the CCMCertFix step the preset inserted', () => {
  const applied = () => {
    const doc = readTaskSequence(SEQUENCE(SETUP));
    applyKb977203(doc, O);
    return text(doc).replace('name="Run CCMCertFix (KB977203)"', 'name="Repair the client certificate"');
  };

  it('keeps the restart after it, so the kept CCMCertFix step still restarts (R14), and says so', () => {
    const doc = readTaskSequence(applied());
    const report = revertKb977203(doc, O);
    expect(names(doc)).toEqual(['Setup Windows and ConfigMgr', 'Repair the client certificate', 'Restart Computer (KB977203)']);
    expect(report.changes.map((c) => c.what)).not.toContain('removed restart-computer step "Restart Computer (KB977203)"');
    // The renamed step itself is listed as kept too, as the administrator's.
    expect(report.alreadyInPlace).toEqual([
      expect.objectContaining({ what: expect.stringContaining('install-software step "Repair the client certificate" kept'), requirement: 'R13' }),
      expect.objectContaining({ what: expect.stringContaining('"Restart Computer (KB977203)" kept after "Repair the client certificate"'), requirement: 'R14' }),
    ]);
    // What is left is a CCMCertFix step with its restart: the linter finds no CCMCertFix without a restart.
    expect(lint(doc).map((f) => f.code)).not.toContain('kb977203/certfix-without-restart');
    // The PATCH entry is still taken out.
    expect(text(doc)).not.toContain('KB977203\\');
  });

  it('still removes the restart the preset added after an administrator\'s own CCMCertFix step it adopted', () => {
    const input = SEQUENCE(SETUP + CERTFIX);
    const doc = readTaskSequence(input);
    applyKb977203(doc, O);
    expect(names(doc)).toEqual(['Setup Windows and ConfigMgr', 'Fix the client certificate', 'Restart Computer (KB977203)']);
    const back = readTaskSequence(text(doc));
    const report = revertKb977203(back, O);
    expect(text(back)).toBe(input);
    expect(report.alreadyInPlace).toEqual([]);
  });
});

describe("an administrator's restart that notifies the user, right after an adopted CCMCertFix step", () => {
  const input = SEQUENCE(SETUP + CERTFIX + NOTIFYING_RESTART);

  it('is left as it is: its time-out of 60 s stays, and the KB\'s own restart goes before it', () => {
    const doc = readTaskSequence(input);
    const report = applyKb977203(doc, O);
    const items = listItems(doc.sequence);
    expect(names(doc)).toEqual(['Setup Windows and ConfigMgr', 'Fix the client certificate', 'Restart Computer (KB977203)', 'Restart after the fix']);
    const admins = items.find((l) => l.node.attributes.name === 'Restart after the fix')!.node as Step;
    expect(new RestartComputerStep(admins).timeout).toBe('60');
    const ours = items.find((l) => l.node.attributes.name === 'Restart Computer (KB977203)')!.node as Step;
    expect(ours.attributes.type).toBe(STEP_TYPES.restartComputer);
    expect(new RestartComputerStep(ours).notifiesUser).toBe(false);
    expect(report.changes.map((c) => c.what)).toContainEqual(expect.stringMatching(/^inserted restart-computer step "Restart Computer \(KB977203\)" \(the restart "Restart after the fix" after it notifies the user/));
    expect(report.changes.map((c) => c.what).join('\n')).not.toMatch(/cleared "Notify/);
    // R14 holds for the step right after CCMCertFix.
    expect(lint(doc).map((f) => f.code)).not.toContain('kb977203/restart-notifies');
  });

  it('revert gives the input back byte for byte (the preset changed nothing of the administrator\'s restart)', () => {
    const doc = readTaskSequence(input);
    applyKb977203(doc, O);
    const out = text(doc);
    const again = readTaskSequence(out);
    expect(applyKb977203(again, O).changes).toEqual([]);
    expect(text(again)).toBe(out);
    const back = readTaskSequence(out);
    revertKb977203(back, O);
    expect(text(back)).toBe(input);
  });
});

describe('revert without the step names the preset was applied with', () => {
  // Applied with --certfix-step-name and --restart-step-name, then reverted with only the package: the two steps
  // stayed and the report said nothing of them. They are kept (revert finds the preset's steps by their names), and
  // the report now lists each as kept, saying how to take it out; with the names, revert gives the input back.
  const NAMED: Kb977203Options = { ...O, certfixStepName: 'Fix certs', restartStepName: 'Reboot after fix' };
  const applied = () => {
    const doc = readTaskSequence(SEQUENCE(SETUP));
    applyKb977203(doc, NAMED);
    return text(doc);
  };

  it('lists both steps as kept, with the option that takes each out', () => {
    const doc = readTaskSequence(applied());
    const report = revertKb977203(doc, O);
    expect(names(doc)).toEqual(['Setup Windows and ConfigMgr', 'Fix certs', 'Reboot after fix']);
    const kept = report.alreadyInPlace.map((k) => [k.requirement, k.what]);
    expect(kept).toEqual(
      expect.arrayContaining([
        ['R13', expect.stringMatching(/^install-software step "Fix certs" kept: .*the certfixStepName option/)],
        ['R14', expect.stringMatching(/^restart-computer step "Reboot after fix" kept after "Fix certs": .*the restartStepName option/)],
      ]),
    );
  });

  it('with the names, takes them out and gives the input back', () => {
    const doc = readTaskSequence(applied());
    revertKb977203(doc, NAMED);
    expect(text(doc)).toBe(SEQUENCE(SETUP));
  });

  it('says nothing of an administrator\'s own CCMCertFix step and restart (other descriptions)', () => {
    const doc = readTaskSequence(SEQUENCE(SETUP + CERTFIX + NOTIFYING_RESTART));
    const report = revertKb977203(doc, O);
    expect(report.alreadyInPlace.filter((k) => /kept/.test(k.what))).toEqual([]);
  });
});
