// What the diff takes as equal because ConfigMgr does: a package or application ID in another case names the same one, and the
// operands of an and/or/not in another order ask the same thing.
import { describe, expect, it } from 'vitest';
import { diffTaskSequences, readTaskSequence } from './helpers/api.js';

const step = (body = '') => `<step type="SMS_TaskSequence_RunCommandLineAction" name="a">${body}<action>cmd /c a</action></step>`;
const sequence = (references: string, body = '') => `<sequence version="3.10"><referenceList>${references}</referenceList>${step(body)}</sequence>`;
const diff = (a: string, b: string) => diffTaskSequences(readTaskSequence(a), readTaskSequence(b));
const variable = (name: string, value: string, operator = 'equals') =>
  `<expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">${operator}</variable><variable name="Value">${value}</variable><variable name="Variable">${name}</variable></expression>`;
const wmi = (query: string) => `<expression type="SMS_TaskSequence_WMIConditionExpression"><variable name="Namespace">root\\cimv2</variable><variable name="Query">${query}</variable></expression>`;
const condition = (inner: string) => sequence('', `<condition>${inner}</condition>`);

describe('a package ID that differs only in case', () => {
  it('is one reference whose package attribute changed, not one removed and one added', () => {
    expect(diff(sequence('<reference package="RSC00237" program="*"/>'), sequence('<reference package="rsc00237" program="*"/>'))).toEqual([
      { change: 'changed', kind: 'reference', path: 'rsc00237', field: 'attribute package', before: 'RSC00237', after: 'rsc00237' },
    ]);
  });

  it('counts toward the second reference to one package', () => {
    const before = sequence('<reference package="RSC00237" program="A"/><reference package="RSC00237" program="B"/>');
    const after = sequence('<reference package="RSC00237" program="A"/><reference package="rsc00237" program="C"/>');
    expect(diff(before, after)).toEqual([
      { change: 'changed', kind: 'reference', path: 'rsc00237 #2', field: 'attribute package', before: 'RSC00237', after: 'rsc00237' },
      { change: 'changed', kind: 'reference', path: 'rsc00237 #2', field: 'attribute program', before: 'B', after: 'C' },
    ]);
  });

  it('still tells another package apart', () => {
    expect(diff(sequence('<reference package="RSC00237"/>'), sequence('<reference package="RSC00238"/>'))).toEqual([
      { change: 'added', kind: 'reference', path: 'RSC00238' },
      { change: 'removed', kind: 'reference', path: 'RSC00237' },
    ]);
  });
});

describe('an application ID that differs only in case', () => {
  const app = 'ScopeId_BB614B4D-843E-46E6-B4B0-2017EA2812ED/Application_00e2caa8-80d2-4ade-a3f8-ebfdb5bb3465';
  it('is one reference whose application attribute changed, not one removed and one added', () => {
    expect(diff(sequence(`<reference application="${app}"/>`), sequence(`<reference application="${app.toUpperCase()}"/>`))).toEqual([
      { change: 'changed', kind: 'reference', path: app.toUpperCase(), field: 'attribute application', before: app, after: app.toUpperCase() },
    ]);
  });

  it('is no change when spelt the same, and another application is still told apart', () => {
    expect(diff(sequence(`<reference application="${app}"/>`), sequence(`<reference application="${app}"/>`))).toEqual([]);
    const other = app.replace('00e2caa8', '00e2caa9');
    expect(diff(sequence(`<reference application="${app}"/>`), sequence(`<reference application="${other}"/>`))).toEqual([
      { change: 'added', kind: 'reference', path: other },
      { change: 'removed', kind: 'reference', path: app },
    ]);
  });
});

describe('a condition whose operands come in another order', () => {
  it("an and's or an or's operands reordered are no change", () => {
    for (const type of ['and', 'or', 'not']) {
      const a = condition(`<operator type="${type}">${variable('A', '1')}${wmi('SELECT * FROM Win32_BIOS')}</operator>`);
      const b = condition(`<operator type="${type}">${wmi('SELECT * FROM Win32_BIOS')}${variable('A', '1')}</operator>`);
      expect(diff(a, b), type).toEqual([]);
    }
  });

  it('nested operators reordered at every level, and the condition\'s own (ANDed) operands, are no change', () => {
    const inner = (x: string, y: string) => `<operator type="or">${x}${y}</operator>`;
    const a = condition(`<operator type="and">${inner(variable('A', '1'), variable('B', '2'))}${variable('C', '3')}</operator>${wmi('q')}`);
    const b = condition(`${wmi('q')}<operator type="and">${variable('C', '3')}${inner(variable('B', '2'), variable('A', '1'))}</operator>`);
    expect(diff(a, b)).toEqual([]);
  });

  it('an operand moved into another operator is a change', () => {
    const a = condition(`<operator type="and">${variable('A', '1')}<operator type="or">${variable('B', '2')}${variable('C', '3')}</operator></operator>`);
    const b = condition(`<operator type="and">${variable('B', '2')}<operator type="or">${variable('A', '1')}${variable('C', '3')}</operator></operator>`);
    expect(diff(a, b)).toHaveLength(1);
  });

  it("an expression's variable and value trading places is a change", () => {
    const entries = diff(condition(variable('A', 'B')), condition(variable('B', 'A')));
    expect(entries).toEqual([{ change: 'changed', kind: 'step', path: 'a', field: 'condition', before: 'A = "B"', after: 'B = "A"' }]);
  });

  it('the operator type changed is a change', () => {
    const a = condition(`<operator type="and">${variable('A', '1')}${variable('B', '2')}</operator>`);
    expect(diff(a, a.replace('type="and"', 'type="or"'))).toHaveLength(1);
  });

  it('the operands of an operator no ConfigMgr writes keep their order', () => {
    const a = condition(`<operator type="xor">${variable('A', '1')}${variable('B', '2')}</operator>`);
    const b = condition(`<operator type="xor">${variable('B', '2')}${variable('A', '1')}</operator>`);
    expect(diff(a, b)).toHaveLength(1);
  });

  it('a 5,000-deep condition is compared without exhausting the stack', () => {
    const deep = (x: string, y: string) => condition(`${'<operator type="and">'.repeat(5000)}${x}${y}${'</operator>'.repeat(5000)}`);
    const read = (xml: string) => readTaskSequence(xml, { maxDepth: 5100 });
    expect(diffTaskSequences(read(deep(variable('A', '1'), variable('B', '2'))), read(deep(variable('B', '2'), variable('A', '1'))))).toEqual([]);
    expect(diffTaskSequences(read(deep(variable('A', '1'), variable('B', '2'))), read(deep(variable('A', '1'), variable('B', '3'))))).toHaveLength(1);
  });
});
