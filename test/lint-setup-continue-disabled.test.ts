// setup-continue-on-error told of a Setup Windows and ConfigMgr step that is disabled, or in a disabled group, that
// "a failed client installation would not stop the task sequence", as if it ran. A disabled step never runs, so
// nothing of it can fail now; the setting still hides a failure once it is enabled. The finding now says so, as
// kb977203/hotfix-install-step does for a disabled step, and says nothing more of a step that runs.
import { describe, expect, it } from 'vitest';
import { lint, readTaskSequence } from './helpers/api.js';

const SETUP = (attributes = '') =>
  `<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup"${attributes} description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action></step>`;
const found = (body: string) => lint(readTaskSequence(`<sequence version="3.10">${body}</sequence>`), ['setup-continue-on-error']).map((d) => d.message);
const NOTE = 'It is disabled, so it does not run now; enabled, it would.';

describe('setup-continue-on-error: a Setup step that never runs', () => {
  it('says it is disabled, whether the step or a group around it is', () => {
    const [own] = found(SETUP(' disable="true" continueOnError="true"'));
    expect(own).toContain(NOTE);
    const [inGroup] = found(`<group name="Outer" continueOnError="true"><group name="Off" disable="true">${SETUP()}</group></group>`);
    expect(inGroup).toContain('"Outer"');
    expect(inGroup).toContain(NOTE);
  });

  it('says nothing of the kind for a step that runs', () => {
    const messages = [...found(SETUP(' continueOnError="true"')), ...found(`<group name="Outer" continueOnError="true">${SETUP(' disable="false"')}</group>`)];
    expect(messages).toHaveLength(2);
    for (const m of messages) expect(m).not.toContain('disabled');
  });
});
