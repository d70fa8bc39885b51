// kb977203/certfix-without-restart reported a disabled CCMCertFix step (or one in a disabled group) as one that
// "runs CCMCertFix and is not followed by a Restart Computer", as if it ran. It does not run now; enabled, it would
// need the restart. The finding now says so, in the words setup-continue-on-error and hotfix-install-step use, and
// says nothing more of a step that runs.
import { describe, expect, it } from 'vitest';
import { lint, readTaskSequence } from './helpers/api.js';

const CERTFIX = (attributes = '') =>
  `<step type="SMS_TaskSequence_RunCommandLineAction" name="Run CCMCertFix"${attributes} description="" runIn="FullOS" successCodeList="0 3010"><action>CCMCertFix.exe</action><defaultVarList><variable name="CommandLine" property="CommandLine">CCMCertFix.exe</variable></defaultVarList></step>`;
const found = (body: string) => lint(readTaskSequence(`<sequence version="3.00">${body}</sequence>`), ['kb977203/certfix-without-restart']).map((d) => d.message);
const NOTE = 'It is disabled, so it does not run now; enabled, it would.';

describe('kb977203/certfix-without-restart: a CCMCertFix step that never runs', () => {
  it('says it is disabled, whether the step or a group around it is', () => {
    const messages = [...found(CERTFIX(' disable="true"')), ...found(`<group name="Off" description="" disable="true">${CERTFIX()}</group>`)];
    expect(messages).toHaveLength(2);
    for (const m of messages) expect(m).toContain(NOTE);
  });

  it('says nothing of the kind for a step that runs', () => {
    const [m, ...rest] = found(CERTFIX());
    expect(rest).toEqual([]);
    expect(m).not.toContain('disabled');
  });
});
