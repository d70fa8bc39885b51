// insert-steps-after takes a step that already follows the match, and does what a new step would, as in place. A
// disabled one after an enabled match was taken too (and --check passed), although it never runs when the match does.
// Now it is not in place: the steps are inserted after the match, enabled, and a second run changes nothing. After a
// disabled match (whose new steps would be disabled), a step already there counts whether or not it is disabled.
import type { InsertStepsAfterOptions } from '../lib/transforms/index.js';
import { describe, expect, it } from 'vitest';
import { applyTransform, checkTransform, readTaskSequence, writeTaskSequenceText } from './helpers/api.js';

const RUN = (name: string, disabled: boolean) =>
  `<step type="SMS_TaskSequence_RunCommandLineAction" name="${name}"${disabled ? ' disable="true"' : ''}><action>smsswd.exe /run: cmd /c ${name}</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd /c ${name}</variable></defaultVarList></step>`;
const SETUP = (disabled: boolean) => `<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup"${disabled ? ' disable="true"' : ''}><action>OSDSetupWindows.exe</action></step>`;
const xml = (...items: string[]) => `<sequence version="3.10"><group name="G">${items.join('')}</group></sequence>`;
const OPTIONS: InsertStepsAfterOptions = { after: { name: 'Setup' }, steps: [{ type: 'run-command-line', name: 'Log', commandLine: 'cmd /c Log' }] };

describe('insert-steps-after and a disabled step already after the match', () => {
  it('after an enabled match, a disabled step is not in place: an enabled one is inserted, once', () => {
    const doc = readTaskSequence(xml(SETUP(false), RUN('Log', true)));
    expect(checkTransform('insert-steps-after', doc, OPTIONS).changed).toBe(true);
    const report = applyTransform('insert-steps-after', doc, OPTIONS);
    expect(report.alreadyInPlace).toEqual([]);
    expect(doc.steps().map((s) => [s.node.attributes.name, s.node.attributes.disable === 'true'])).toEqual([
      ['Setup', false],
      ['Log', false],
      ['Log', true],
    ]);
    const once = writeTaskSequenceText(doc);
    const again = readTaskSequence(once);
    expect(applyTransform('insert-steps-after', again, OPTIONS).changed).toBe(false);
    expect(writeTaskSequenceText(again)).toBe(once);
  });

  it('after a disabled match, a disabled or an enabled step is in place', () => {
    for (const disabled of [true, false]) {
      const report = checkTransform('insert-steps-after', readTaskSequence(xml(SETUP(true), RUN('Log', disabled))), OPTIONS);
      expect(report.changed).toBe(false);
      expect(report.alreadyInPlace).toHaveLength(1);
    }
  });

  it('after an enabled match, an enabled step is in place', () => {
    expect(checkTransform('insert-steps-after', readTaskSequence(xml(SETUP(false), RUN('Log', false))), OPTIONS).changed).toBe(false);
  });
});
