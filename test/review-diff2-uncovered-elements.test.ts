import { describe, expect, it } from 'vitest';
import { diffTaskSequences, formatDiffEntry, readTaskSequence } from './helpers/api.js';

const sequence = (body: string) => `<sequence version="3.10">${body}</sequence>`;
const step = (inner: string) => `<step type="SMS_TaskSequence_RunCommandLineAction" name="s"><action>cmd</action>${inner}</step>`;
const expression = (value: string, extra = '', inner = '') =>
  `<expression type="SMS_TaskSequence_VariableConditionExpression"${extra}><variable name="Operator">equals</variable><variable name="Value">${value}</variable><variable name="Variable">V</variable>${inner}</expression>`;
const diff = (a: string, b: string) => diffTaskSequences(readTaskSequence(a), readTaskSequence(b));

describe('what no field covered is compared as it is written', () => {
  it("a step's second <condition> changed is a change", () => {
    const two = (v: string) => sequence(step(`<condition>${expression('1')}</condition><condition>${expression(v)}</condition>`));
    expect(diff(two('2'), two('3'))).toMatchObject([{ change: 'changed', kind: 'step', field: 'element condition' }]);
  });

  it('an element other than <variable> in a defaultVarList added is a change', () => {
    const list = (extra: string) => sequence(step(`<defaultVarList><variable name="A">x</variable>${extra}</defaultVarList>`));
    expect(diff(list(''), list('<note>n</note>'))).toEqual([{ change: 'changed', kind: 'step', path: 's', field: 'defaultVarList element note', after: '<note>n</note>' }]);
  });

  it('an attribute of an expression, an operator or a parameter, or an element inside a condition, is part of the condition', () => {
    const cond = (c: string) => sequence(step(`<condition>${c}</condition>`));
    expect(diff(cond(expression('1')), cond(expression('1', ' x="1"')))).toMatchObject([{ field: 'condition' }]);
    expect(diff(cond(`<operator type="or">${expression('1')}</operator>`), cond(`<operator type="or" x="1">${expression('1')}</operator>`))).toMatchObject([{ field: 'condition' }]);
    expect(diff(cond(expression('1')), cond(expression('1').replace('<variable name="Value">', '<variable name="Value" hidden="true">')))).toMatchObject([{ field: 'condition' }]);
    const entries = diff(cond(expression('1')), cond(expression('1', '', '<foo/>')));
    expect(entries).toMatchObject([{ field: 'condition' }]);
    // The summary and the parameters read the same: the line shows what was compared, so the two sides differ.
    const [line] = entries.map(formatDiffEntry);
    expect(line).toContain('<foo/>');
  });
});

describe('attributes of the <action> and of a variable list are compared', () => {
  it('an attribute added to <action> is a change of the step, named', () => {
    const a = sequence('<step type="SMS_TaskSequence_RunCommandLineAction" name="s"><action>cmd</action></step>');
    const b = sequence('<step type="SMS_TaskSequence_RunCommandLineAction" name="s"><action x="1">cmd</action></step>');
    expect(diff(a, b)).toEqual([{ change: 'changed', kind: 'step', path: 's', field: 'action attribute x', after: '1' }]);
    expect(diff(a, a)).toEqual([]);
  });

  it("a variable list's attribute changed is a change of the step, named", () => {
    const list = (attr: string) => sequence(step(`<defaultVarList${attr}><variable name="A">x</variable></defaultVarList>`));
    expect(diff(list(' y="1"'), list(' y="2"'))).toEqual([{ change: 'changed', kind: 'step', path: 's', field: 'defaultVarList attribute y', before: '1', after: '2' }]);
    expect(diff(list(' y="1"'), list(''))).toEqual([{ change: 'changed', kind: 'step', path: 's', field: 'defaultVarList attribute y', before: '1' }]);
  });
});
