// insert-steps-after after a disabled step: the new steps run exactly when the step they follow does, so they are
// inserted disabled too (as the KB977203 preset does after a disabled Setup step), and the report says so.
import type { InsertStepsAfterOptions } from '../lib/transforms/index.js';
import { describe, expect, it } from 'vitest';
import { applyTransform, readTaskSequence } from './helpers/api.js';

const RUN = (name: string, disabled: boolean) =>
  `<step type="SMS_TaskSequence_RunCommandLineAction" name="${name}"${disabled ? ' disable="true"' : ''}><action>smsswd.exe /run: cmd /c ${name}</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd /c ${name}</variable></defaultVarList></step>`;
const OPTIONS: InsertStepsAfterOptions = { after: { type: 'SMS_TaskSequence_RunCommandLineAction' }, steps: [{ type: 'restart-computer', name: 'Restart' }] };

describe('insert-steps-after a disabled step', () => {
  it('inserts the steps disabled after a disabled match, enabled after an enabled one', () => {
    const doc = readTaskSequence(`<sequence version="3.10"><group name="G">${RUN('Off', true)}${RUN('On', false)}</group></sequence>`);
    const report = applyTransform('insert-steps-after', doc, OPTIONS);
    expect(doc.steps().map((s) => [s.node.attributes.name, s.node.attributes.disable ?? 'false'])).toEqual([
      ['Off', 'true'],
      ['Restart', 'true'],
      ['On', 'false'],
      ['Restart', 'false'],
    ]);
    expect(report.changes.map((c) => c.what)).toEqual([expect.stringMatching(/disabled/), expect.not.stringMatching(/disabled/)]);
    expect(applyTransform('insert-steps-after', doc, OPTIONS).changed).toBe(false);
  });
});
