import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { buildComparisonView } from '../lib/render/comparison-view.js';
import { flattenItems } from '../lib/render/view-model.js';
import { diffTaskSequences, readTaskSequence, validatorFor } from './helpers/api.js';
import { memoryIo } from './helpers/memory-io.js';

const step = (variables: string) =>
  `<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="s"><action>cmd /c x</action><defaultVarList>${variables}</defaultVarList></step></sequence>`;
const globals = (variables: string) =>
  `<sequence version="3.10"><globalVarList>${variables}</globalVarList><step type="SMS_TaskSequence_RunCommandLineAction" name="s"><action>cmd /c x</action></step></sequence>`;
const diff = (a: string, b: string) => diffTaskSequences(readTaskSequence(a), readTaskSequence(b));

describe("the diff compares every attribute of a step's variables, not only its value", () => {
  it('hidden (whether the console shows the value) set or cleared is a change', () => {
    const shown = step('<variable name="SMSTSRunCommandLineUserName" property="UserName">dom\\u</variable>');
    const hidden = step('<variable name="SMSTSRunCommandLineUserName" property="UserName" hidden="true">dom\\u</variable>');
    expect(diff(shown, hidden)).toEqual([{ change: 'changed', kind: 'step', path: 's', field: 'variable SMSTSRunCommandLineUserName attribute hidden', after: 'true' }]);
    expect(diff(hidden, shown)).toEqual([{ change: 'changed', kind: 'step', path: 's', field: 'variable SMSTSRunCommandLineUserName attribute hidden', before: 'true' }]);
  });

  it('the WMI property a variable stands for changed is a change', () => {
    expect(diff(step('<variable name="A" property="A">x</variable>'), step('<variable name="A" property="B">x</variable>'))).toEqual([
      { change: 'changed', kind: 'step', path: 's', field: 'variable A attribute property', before: 'A', after: 'B' },
    ]);
  });

  it('cmts diff exits 1 for a changed hidden, and its --json report is valid', async () => {
    const m = memoryIo({ 'a.xml': step('<variable name="A" property="A">x</variable>'), 'b.xml': step('<variable name="A" property="A" hidden="true">x</variable>') });
    expect(await main(['diff', 'a.xml', 'b.xml', '--json'], m.io)).toBe(1);
    expect(validatorFor('diff.report.schema.json')(JSON.parse(m.stdout))).toBe(true);
  });
});

describe('variables that share a name are compared one by one, in order', () => {
  const two = (first: string, second: string) => step(`<variable name="A" property="A">${first}</variable><variable name="A" property="A">${second}</variable>`);

  it('a change to the first of two is reported', () => {
    expect(diff(two('x', 'y'), two('x2', 'y'))).toEqual([{ change: 'changed', kind: 'step', path: 's', field: 'variable A', before: 'x', after: 'x2' }]);
  });

  it('a change to the second of two is reported as the second', () => {
    expect(diff(two('x', 'y'), two('x', 'y2'))).toEqual([{ change: 'changed', kind: 'step', path: 's', field: 'variable A #2', before: 'y', after: 'y2' }]);
  });

  it('the same for global variables, and for their attributes', () => {
    const g = (first: string, second: string, hidden = '') => globals(`<variable name="G">${first}</variable><variable name="G"${hidden}>${second}</variable>`);
    expect(diff(g('x', 'y'), g('x2', 'y'))).toEqual([{ change: 'changed', kind: 'variable', path: 'G', before: 'x', after: 'x2' }]);
    expect(diff(g('x', 'y'), g('x', 'y2'))).toEqual([{ change: 'changed', kind: 'variable', path: 'G #2', before: 'y', after: 'y2' }]);
    expect(diff(g('x', 'y'), g('x', 'y', ' hidden="true"'))).toEqual([{ change: 'changed', kind: 'variable', path: 'G #2', field: 'attribute hidden', after: 'true' }]);
  });

  it('a comparison page still hides the value of a second password-like variable', () => {
    const pw = (first: string, second: string) => step(`<variable name="OSDJoinPassword">${first}</variable><variable name="OSDJoinPassword">${second}</variable>`);
    const view = buildComparisonView(readTaskSequence(pw('a', 'OldSecret1')), readTaskSequence(pw('a', 'NewSecret2')), { lint: false });
    const fields = flattenItems(view.items).flatMap((i) => i.change?.fields ?? []);
    expect(fields).toEqual([{ field: 'variable OSDJoinPassword #2', before: '(hidden)', after: '(hidden, changed)' }]);
    const g = (second: string) => globals(`<variable name="AdminPassword">a</variable><variable name="AdminPassword">${second}</variable>`);
    expect(buildComparisonView(readTaskSequence(g('OldSecret1')), readTaskSequence(g('NewSecret2')), { lint: false }).changes?.other.join('\n')).not.toMatch(/Secret/);
  });
});
