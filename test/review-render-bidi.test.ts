import { describe, expect, it } from 'vitest';
import { readTaskSequence } from './helpers/api.js';
import { renderSequence } from '../lib/render/render-sequence.js';

// A right-to-left override in one step's name, and two steps that set one variable: the table cell lists both.
const xml =
  '<sequence version="3.10">' +
  ['A \u202Eevil', 'B second']
    .map(
      (name) =>
        `<step type="SMS_TaskSequence_SetVariableAction" name="${name}"><defaultVarList><variable name="VariableName" property="VariableName">OSDComputerName</variable>` +
        '<variable name="VariableValue" property="VariableValue">v</variable></defaultVarList><action>tsenv.exe</action></step>',
    )
    .join('') +
  '<step type="SMS_TaskSequence_RunCommandLineAction" name="C"><condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable>' +
  '<variable name="Value">\u2067x</variable><variable name="Variable">Y</variable></expression></condition><action>cmd</action></step></sequence>';

describe('bidirectional controls in names and values', () => {
  it('are shown, not applied, on the HTML page: an override cannot reverse the next step shown on its line', () => {
    const html = renderSequence(readTaskSequence(xml));
    expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(html).toContain('1 <bdi>A &lt;U+202E&gt;evil</bdi></a>, <a href="#i2">2 <bdi>B second</bdi></a>');
    expect(html).toContain('Y = &quot;<bdi>&lt;U+2067&gt;x</bdi>&quot;');
  });

  it('are shown, not applied, in the Markdown', () => {
    const md = renderSequence(readTaskSequence(xml), { format: 'md' });
    expect(md).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(md).toContain('1 A &lt;U+202E&gt;evil, 2 B second');
  });
});
