// Review of Set Dynamic Variables rules: names and parameters with tabs and line ends are written so that an XML
// reader reads them as given.
import { describe, expect, it } from 'vitest';
import { buildStep, formatDynamicRules, parseDynamicRules, stepView, type DynamicRule, type WrittenDynamicRule } from './helpers/api.js';

// Written as given, of any expression type (a file's rules are): the builders take only the known ones.
const rules: WrittenDynamicRule[] = [
  {
    conditions: [{ type: 'Make\tModel', parameters: { 'Make\r\n': 'Dell\tInc\r\n', Model: 'x' } }],
    variables: [{ name: 'OSD\nVar', value: 'line 1\r\nline 2', secret: false }],
  },
];

describe('formatDynamicRules', () => {
  it('writes tab, LF and CR in attribute values as character references, which XML readers do not turn into spaces', () => {
    const text = formatDynamicRules(rules);
    // XML 1.0 3.3.3: a raw tab, LF or CR in an attribute value is read as a space.
    for (const [, value = ''] of text.matchAll(/="([^"]*)"/g)) expect(value).not.toMatch(/[\t\n\r]/);
    expect(text).toContain('Name="OSD&#xA;Var"');
    expect(parseDynamicRules(text)).toEqual(rules);
  });

  it('a step built with them reads them back as given', () => {
    // A name the rule sets is a task sequence variable's (letters, digits, _ and -): a line end there is refused.
    // A condition is of a known expression type with its parameters; their values keep tabs and line ends.
    const built: DynamicRule[] = [{ conditions: [{ type: 'SMS_TaskSequence_MakeModelConditionExpression', parameters: { Make: 'Dell\tInc\r\n', Model: 'x' } }], variables: rules.flatMap((r) => r.variables.map((v) => ({ ...v, name: v.name.replace(/\s/g, '') }))) }];
    const step = buildStep('Set Dynamic Variables', { name: 'Rules', settings: { rules: built } });
    expect(stepView<'SMS_TaskSequence_SetDynamicVariablesAction'>(step).settings.rules).toEqual(built);
  });
});
