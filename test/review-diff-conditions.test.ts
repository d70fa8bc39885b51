import { describe, expect, it } from 'vitest';
import { diffTaskSequences, readTaskSequence } from './helpers/api.js';

const step = (name: string, body = '') => `<step type="SMS_TaskSequence_RunCommandLineAction" name="${name}" description=""><action>cmd /c ${name}</action>${body}</step>`;
const expression = (type: string, params: Record<string, string>) =>
  `<expression type="SMS_TaskSequence_${type}ConditionExpression">${Object.entries(params)
    .map(([k, v]) => `<variable name="${k}">${v}</variable>`)
    .join('')}</expression>`;
const withCondition = (expr: string) => `<sequence version="3.10">${step('a', `<condition>${expr}</condition>`)}</sequence>`;
const diff = (a: string, b: string) => diffTaskSequences(readTaskSequence(a), readTaskSequence(b));

describe('the diff compares a condition by every parameter, not by its one-line summary', () => {
  it('a registry condition whose value type changes is a change', () => {
    const params = { Data: '1', KeyPath: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\X', Operator: 'equals', Type: 'REG_SZ', Value: 'V' };
    const entries = diff(withCondition(expression('Registry', params)), withCondition(expression('Registry', { ...params, Type: 'REG_DWORD' })));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ change: 'changed', kind: 'step', path: 'a', field: 'condition' });
    // Every parameter, values as written: the registry path keeps its single backslashes.
    expect(entries[0]?.before).toBe('Registry(Data=1, KeyPath=HKEY_LOCAL_MACHINE\\SOFTWARE\\X, Operator=equals, Type=REG_SZ, Value=V)');
    expect(entries[0]?.after).toBe('Registry(Data=1, KeyPath=HKEY_LOCAL_MACHINE\\SOFTWARE\\X, Operator=equals, Type=REG_DWORD, Value=V)');
  });

  it('a software condition whose product code changes (the name kept) is a change', () => {
    const params = { Operator: 'AnyVersion', ProductCode: '{11111111-1111-1111-1111-111111111111}', ProductName: 'Tool', UpgradeCode: '', Version: '' };
    const entries = diff(withCondition(expression('Software', params)), withCondition(expression('Software', { ...params, ProductCode: '{22222222-2222-2222-2222-222222222222}' })));
    expect(entries).toHaveLength(1);
    expect(entries[0]?.after).toContain('{22222222-2222-2222-2222-222222222222}');
  });

  it('the same condition with its parameters in another order, or its line ends as CRLF, is no change', () => {
    const params = { Namespace: 'root\\cimv2', Query: 'SELECT * FROM Win32_ComputerSystem\nWHERE Model = "x"' };
    const reordered = withCondition(expression('WMI', { Query: params.Query, Namespace: params.Namespace }));
    expect(diff(withCondition(expression('WMI', params)), reordered)).toEqual([]);
    expect(diff(withCondition(expression('WMI', params)), withCondition(expression('WMI', params)).replace('\n', '\r\n'))).toEqual([]);
  });

  it('a change the summary shows is told in the summary\'s words', () => {
    const entries = diff(withCondition(expression('Variable', { Operator: 'equals', Value: '1', Variable: 'V' })), withCondition(expression('Variable', { Operator: 'equals', Value: '2', Variable: 'V' })));
    expect(entries).toEqual([{ change: 'changed', kind: 'step', path: 'a', field: 'condition', before: 'V = "1"', after: 'V = "2"' }]);
  });
});
