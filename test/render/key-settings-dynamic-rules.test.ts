// A Set Dynamic Variables step showed only the names its rules set (`rules: 1 rule setting LocalPin, AdminPassword,
// Plain`), though a page shows every non-empty setting: now each rule's condition and the variables it sets with their
// values, a secret value `(hidden)` as everywhere, and rules the typed view cannot read are still on the page.
import { describe, expect, it } from 'vitest';
import { keySettings } from '../../lib/render/key-settings.js';
import { renderSequence } from '../../lib/render/render-sequence.js';
import { readTaskSequence } from '../helpers/api.js';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const expression = (type: string, parameters: [string, string][]) =>
  `<expression type="SMS_TaskSequence_${type}ConditionExpression">${parameters.map(([k, v]) => `<variable name="${k}">${v}</variable>`).join('')}</expression>`;
const variable = (name: string, value: string, secret = false) => `<Variable Name="${name}" IsSecret="${String(secret)}">${value}</Variable>`;
const rule = (condition: string, variables: string) => `<Rule>${condition && `<condition>${condition}</condition>`}<Variables>${variables}</Variables></Rule>`;
const xml = (rules: string) =>
  `<sequence version="3.10"><step type="SMS_TaskSequence_SetDynamicVariablesAction" name="Dyn"><action>OSDSetDynamicVariables.exe</action><defaultVarList><variable name="OSDSetDynamicVariablesRules" property="Rules">${escape(rules)}</variable></defaultVarList></step></sequence>`;
const settingsOf = (rules: string) => {
  const node = readTaskSequence(xml(rules)).sequence.children.find((c) => c.kind === 'step');
  if (!node) throw new Error('no step');
  return keySettings(node);
};

const computer = expression('Computer', [['AssetTag', ''], ['MACAddress', '00:11:22:33:44:55'], ['SerialNumber', 'SN-7'], ['UUID', '']]);
const makeModel = expression('MakeModel', [['Make', 'Dell*'], ['Model', 'Latitude 7?40']]);
const onVariable = (name: string, value: string) => expression('Variable', [['Operator', 'equals'], ['Value', value], ['Variable', name]]);
// As the console writes them: no white space between elements, a line end after </Rules>.
const written = `<Rules>${[
  rule(computer, variable('LocalPin', 'Pin-Secret1', true) + variable('AdminPassword', 'Pw-Secret2') + variable('Plain', 'visible08') + variable('Empty', '', true)),
  rule(makeModel, variable('OSDSite', 'Paris')),
  rule(onVariable('OSDJoinPassword', 'Cond-Secret3'), variable('Joined', 'yes')),
  rule('', variable('Always', 'C:\\Logs')),
].join('')}</Rules>\n`;

describe('a Set Dynamic Variables step on a page', () => {
  it("shows each rule's condition and the variables it sets with their values, secret ones (hidden)", () => {
    expect(settingsOf(written)).toEqual([
      { label: 'rule 1', value: 'if MAC address "00:11:22:33:44:55" or serial number "SN-7" then set LocalPin = (hidden), AdminPassword = (hidden), Plain = "visible08", Empty = ""' },
      { label: 'rule 2', value: 'if make "Dell*" and model "Latitude 7?40" then set OSDSite = "Paris"' },
      { label: 'rule 3', value: 'if OSDJoinPassword = (hidden) then set Joined = "yes"' },
      { label: 'rule 4', value: 'set Always = "C:\\\\Logs"' },
    ]);
  });

  it('says the same in HTML and Markdown, with no secret value', () => {
    for (const format of ['html', 'md'] as const) {
      const page = renderSequence(readTaskSequence(xml(written)), { format });
      for (const shown of ['rule 1', 'MAC address', '00:11:22:33:44:55', 'visible08', 'Latitude 7?40', 'OSDSite', 'Paris', 'OSDJoinPassword', 'rule 4']) expect(page, `${format}: ${shown}`).toContain(shown);
      expect(page).not.toMatch(/Secret[123]/);
    }
  });

  it('shows rules the typed view leaves as written: a condition type no export shows, a text not spelt as the console writes it', () => {
    const location = `<Rules>${rule(expression('Location', [['DefaultGateway', '10.0.0.1']]), variable('OSDSite', 'Lyon'))}</Rules>\n`;
    expect(settingsOf(location)).toEqual([{ label: 'rule 1', value: 'if Location(DefaultGateway=10.0.0.1) then set OSDSite = "Lyon"' }]);
    const spaced = `<Rules>\n  ${rule('', variable('OSDSite', 'Nice') + variable('Key', 'Spaced-Secret4', true))}\n</Rules>`;
    expect(settingsOf(spaced)).toEqual([{ label: 'rule 1', value: 'set OSDSite = "Nice", Key = (hidden)' }]);
  });

  it('marks a rules text that is not the rules grammar as not readable, and shows none of it', () => {
    const broken = `<Rules><Rule><Variables>${variable('Key', 'Broken-Secret5', true)}</Variables></Rule>`;
    const settings = settingsOf(broken);
    expect(settings).toEqual([{ label: 'rules', value: expect.stringContaining('not readable') as string }]);
    for (const format of ['html', 'md'] as const) {
      const page = renderSequence(readTaskSequence(xml(broken)), { format });
      expect(page).toContain('not readable as rules');
      expect(page).not.toContain('Broken-Secret5');
    }
  });
});
