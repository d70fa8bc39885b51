// catalog/missing-setting on a step that never runs (disabled, or in a disabled group): the console writes disabled
// placeholders with neither setting of a choice (steps.json X32, an Install Application with no application and no
// base variable). Such a finding says the step is disabled, as the other rules say it, and is a warning even where the
// rule's findings are errors; an enabled step's finding is as before.
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from './helpers/api.js';
import { lintChecked } from '../lib/lint/index.js';
import { catalogMissingSetting } from '../lib/lint/rules/catalog-missing-setting.js';

/** An Install Application step with no application and no base variable, as X32's placeholders are written. */
const placeholder = (attributes: string) =>
  `<step type="SMS_TaskSequence_InstallApplicationAction" name="Apps"${attributes} runIn="FullOS" successCodeList="0" retryCount="2" runFromNet="false"><action>smsappinstall.exe /app: /basevar: /continueOnError:False</action><defaultVarList><variable name="BaseVariableName" property="BaseVariableName" hidden="true"></variable><variable name="OSDAppClearCache" property="ClearCache">false</variable><variable name="ContinueOnInstallError" property="ContinueOnInstallError" hidden="true">false</variable><variable name="RetryCount" property="RetryCount" hidden="true">2</variable></defaultVarList></step>`;

const found = (body: string, severity: 'error' | 'warning') =>
  lintChecked(readTaskSequence(`<sequence version="3.10">${body}</sequence>`), [{ ...catalogMissingSetting, severity }]).map((i) => ({ severity: i.severity, message: i.message }));

const NEEDS = 'Install Application needs applicationName or baseVariableName';

describe('catalog/missing-setting on a step that never runs', () => {
  it('an enabled step: reported at the rule\'s severity, with no word of being disabled', () => {
    for (const severity of ['error', 'warning'] as const) {
      const issues = found(placeholder(''), severity);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toEqual({ severity, message: expect.stringContaining(NEEDS) });
      expect(issues[0]?.message).not.toMatch(/disabled/);
    }
  });

  it('a disabled step, or one in a disabled group: says it does not run now, and is a warning even for a rule of errors', () => {
    for (const body of [placeholder(' disable="true"'), `<group name="G" disable="true">${placeholder('')}</group>`]) {
      for (const severity of ['error', 'warning'] as const) {
        const issues = found(body, severity);
        expect(issues).toHaveLength(1);
        expect(issues[0]?.severity).toBe('warning');
        expect(issues[0]?.message).toContain(NEEDS);
        expect(issues[0]?.message).toMatch(/It is disabled, so it does not run now; enabled, it would\.$/);
      }
    }
  });

  it('a disabled step missing a setting the console always writes says so too', () => {
    const body = placeholder(' disable="true"').replace('<variable name="ContinueOnInstallError" property="ContinueOnInstallError" hidden="true">false</variable>', '');
    const issues = found(body, 'error');
    expect(issues.map((i) => i.severity)).toEqual(['warning', 'warning']);
    expect(issues.every((i) => i.message.endsWith('It is disabled, so it does not run now; enabled, it would.'))).toBe(true);
    expect(issues.some((i) => i.message.includes('missing continueOnInstallError'))).toBe(true);
  });
});
