import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from './helpers/api.js';
import { renderSequence } from '../lib/render/render-sequence.js';

const toHtml = (md: string) => marked.parse(md, { gfm: true, async: false });

describe('Markdown variable and package tables: the steps that use a name', () => {
  it('shows a step name with _, *, & and | as written, escaped once', () => {
    const xml =
      '<sequence version="3.10"><globalVarList><variable name="OSDComputerName" property="">PC</variable></globalVarList>' +
      '<step type="SMS_TaskSequence_SetVariableAction" name="Set A_B &amp; *x* | y"><defaultVarList>' +
      '<variable name="VariableName" property="VariableName">OSDComputerName</variable><variable name="VariableValue" property="VariableValue">v</variable>' +
      '</defaultVarList><action>tsenv.exe</action></step>' +
      '<step type="SMS_TaskSequence_RunCommandLineAction" name="Use C_D"><action>cmd /c echo %OSDComputerName%</action></step>' +
      '<step type="SMS_TaskSequence_RunCommandLineAction" name="Run P_Q"><defaultVarList><variable name="PackageID" property="PackageID">ABC00001</variable></defaultVarList><action>setup.exe</action></step></sequence>';
    const md = renderSequence(readTaskSequence(xml), { format: 'md' });
    const html = toHtml(md);
    const variables = html.slice(html.indexOf('Task sequence variables'), html.indexOf('Packages</h2>'));
    expect(variables).toContain('<td>1 Set A_B &amp; *x* | y</td>');
    expect(variables).toContain('<td>2 Use C_D</td>');
    const packages = html.slice(html.indexOf('Packages</h2>'), html.indexOf('Findings</h2>'));
    expect(packages).toContain('<td>3 Run P_Q</td>');
    expect(md).not.toContain('\\\\');
  });
});
