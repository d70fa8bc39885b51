// insert-steps-after when the steps it inserts match its own `after` query: a second run must change nothing, so a
// step that is already in place after one match is not taken for another place to insert after.
import { describe, expect, it } from 'vitest';
import { applyTransform, checkTransform, readTaskSequence, writeTaskSequence } from './helpers/api.js';

const RUN = (name: string, line: string) => `<step type="SMS_TaskSequence_RunCommandLineAction" name="${name}"><action>smsswd.exe /run: ${line}</action><defaultVarList><variable name="CommandLine" property="CommandLine">${line}</variable></defaultVarList></step>`;
const input = (...steps: string[]) => Buffer.from(`<sequence version="3.10"><group name="G">${steps.join('')}</group></sequence>`);
const LOG = { type: 'run-command-line', name: 'Log', commandLine: 'cmd /c echo done' } as const;

describe('insert-steps-after whose new steps match its own query', () => {
  it('by type: the first run inserts once after each match, the second changes nothing', () => {
    const doc = readTaskSequence(input(RUN('One', 'cmd /c one'), RUN('Two', 'cmd /c two')));
    const options = { after: { type: 'SMS_TaskSequence_RunCommandLineAction' }, steps: [LOG] };
    expect(applyTransform('insert-steps-after', doc, options).changes).toHaveLength(2);
    const once = Buffer.from(writeTaskSequence(doc)).toString();
    expect(once.match(/name="Log"/g)).toHaveLength(2);
    const again = readTaskSequence(Buffer.from(once));
    const check = checkTransform('insert-steps-after', again, options);
    expect(check.changed).toBe(false);
    applyTransform('insert-steps-after', again, options);
    expect(Buffer.from(writeTaskSequence(again)).toString()).toBe(once);
  });

  it('by name: a new step with the name it is inserted after is not inserted after itself on the next run', () => {
    const doc = readTaskSequence(input(RUN('Log', 'cmd /c first')));
    const options = { after: { name: 'Log' }, steps: [LOG] };
    applyTransform('insert-steps-after', doc, options);
    const once = Buffer.from(writeTaskSequence(doc)).toString();
    const again = readTaskSequence(Buffer.from(once));
    expect(applyTransform('insert-steps-after', again, options).changed).toBe(false);
    expect(Buffer.from(writeTaskSequence(again)).toString()).toBe(once);
  });

  it('a match already followed by the steps, itself followed by another match, still gets none twice', () => {
    // One, Log, Two: One is done; Two still needs its Log.
    const doc = readTaskSequence(input(RUN('One', 'cmd /c one'), RUN('Log', 'cmd /c echo done'), RUN('Two', 'cmd /c two')));
    const options = { after: { type: 'SMS_TaskSequence_RunCommandLineAction' }, steps: [LOG] };
    const report = applyTransform('insert-steps-after', doc, options);
    expect(report.changes.map((c) => c.where)).toEqual([expect.stringContaining('Two')]);
    expect(doc.steps().map((s) => s.node.attributes.name)).toEqual(['One', 'Log', 'Two', 'Log']);
  });
});
