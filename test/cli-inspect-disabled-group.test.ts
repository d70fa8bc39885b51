// ConfigMgr skips a disabled group with everything in it. `cmts render` marks each item inside one "in a disabled
// group", but `cmts inspect` marked only the group itself: its tree showed the steps inside as plainly as steps that
// run, and --json said nothing of it either. The tree now marks them as the page does (an item's own "disabled" in
// place of it), at any depth, and each record of --json's "steps" says inDisabledGroup (a field added, none renamed).
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { validatorFor } from '../lib/schemas.js';
import { memoryIo } from './helpers/memory-io.js';

const step = (name: string, disabled = false) => `<step type="SMS_TaskSequence_RunCommandLineAction" name="${name}"${disabled ? ' disable="true"' : ''}><action>cmd /c rem</action></step>`;
const XML = `<sequence version="3.10">${step('Before')}<group name="Off" disable="true">${step('Inside')}<group name="Nested">${step('Deep')}</group>${step('Own', true)}</group>${step('After')}</sequence>`;

describe('cmts inspect and the items of a disabled group', () => {
  it('marks each item inside a disabled group in the tree, and nothing outside it', async () => {
    const m = memoryIo({ 'ts.xml': XML });
    expect(await main(['inspect', 'ts.xml'], m.io)).toBe(0);
    const line = (name: string) => m.stdout.split('\n').find((l) => l.includes(` ${name}  (`)) ?? '';
    for (const name of ['Inside', 'Nested', 'Deep']) expect(line(name), name).toMatch(/\[in a disabled group\]$/);
    expect(line('Off')).toMatch(/\[disabled\]$/);
    // Its own mark says it: disabled, not both.
    expect(line('Own')).toMatch(/\[disabled\]$/);
    for (const name of ['Before', 'After']) expect(line(name), name).not.toContain('disabled');
  });

  it('keeps continue on error beside the mark', async () => {
    const m = memoryIo({ 'ts.xml': `<sequence><group name="G" disable="true"><step type="SMS_TaskSequence_RunCommandLineAction" name="S" continueOnError="true"><action>x</action></step></group></sequence>` });
    expect(await main(['inspect', 'ts.xml'], m.io)).toBe(0);
    expect(m.stdout).toContain('S  (Run Command Line)  [in a disabled group, continue on error]');
  });

  it('says inDisabledGroup for each step in --json, valid against the report schema', async () => {
    const m = memoryIo({ 'ts.xml': XML });
    expect(await main(['inspect', 'ts.xml', '--json'], m.io)).toBe(0);
    const report = JSON.parse(m.stdout) as { results: { steps: { path: string; inDisabledGroup: boolean; consoleName: string | null }[] }[] };
    expect(validatorFor('inspect.report.schema.json')(report)).toBe(true);
    const steps = report.results[0]!.steps;
    expect(Object.fromEntries(steps.map((s) => [s.path, s.inDisabledGroup]))).toEqual({ Before: false, 'Off/Inside': true, 'Off/Nested/Deep': true, 'Off/Own': true, After: false });
    // The fields it had are all still there.
    expect(Object.keys(steps[0]!)).toEqual(['path', 'type', 'consoleName', 'settings', 'verbatim', 'inDisabledGroup']);
  });
});
