// A comparison hides the values of Set Dynamic Variables rule variables marked secret or password-like by reading the
// rules as XML (parseDynamicRules), as lint reads them. It looked for them with a regular expression that knew one
// spelling: an end tag written `</Variable >`, a value in a CDATA section or `IsSecret` in another case let the
// values through.
import { describe, expect, it } from 'vitest';
import { buildComparisonView } from '../lib/render/comparison-view.js';
import { maskRules } from '../lib/render/secret-fields.js';
import { readTaskSequence } from './helpers/api.js';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const sequence = (rules: string) =>
  readTaskSequence(
    `<sequence version="3.00"><group name="G" description=""><step type="SMS_TaskSequence_SetDynamicVariablesAction" name="Dyn" description=""><action>tsenv2.exe set</action><defaultVarList><variable name="Rules" property="Rules">${escape(rules)}</variable></defaultVarList></step></group></sequence>`,
  );
const rules = (a: string, b: string) =>
  `<Rules><Rule><Variables><Variable Name="OSDJoinPassword" IsSecret="true">${a}</Variable ><Variable Name="Other" IsSecret="TRUE"><![CDATA[${b}]]></Variable><Variable Name="Site" IsSecret="false">S1</Variable></Variables></Rule></Rules>`;

describe('Set Dynamic Variables rules in a comparison', () => {
  it('hide the values of secret variables however the XML spells them', () => {
    const view = buildComparisonView(sequence(rules('OldPw1', 'OldPw2')), sequence(rules('NewPw1', 'NewPw2')), { lint: false });
    const text = JSON.stringify(view.items[0]?.children[0]?.change?.fields);
    expect(text).not.toMatch(/OldPw|NewPw/);
    expect(text).toContain('(hidden)');
    expect(text).toContain('S1');
  });

  it('keep a text with no secret value as written, and hide a text that is not the rules grammar whole', () => {
    const plain = '<Rules><Rule><Variables><Variable Name="Site" IsSecret="false">S1</Variable ></Variables></Rule></Rules>';
    expect(maskRules(plain)).toBe(plain);
    expect(maskRules('<Rules><Variable Name="K" IsSecret="true">Pw</Variable>')).toBe('(hidden)');
    expect(maskRules('')).toBe('');
  });
});
