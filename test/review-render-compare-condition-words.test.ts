// A changed condition in a comparison read in the diff's expression syntax (`not(or(SMS_TaskSequence_Variable…
// (Operator="equals", Value=(hidden), …)))`) whenever its words read the same on both sides, as they do when only a
// hidden value changed, while the page's own condition line says it in words. Now the row uses the same words,
// made by the same function, with a hidden value that changed shown `(hidden, changed)` after.
import { describe, expect, it } from 'vitest';
import { buildComparisonView } from '../lib/render/comparison-view.js';
import { renderComparison } from '../lib/render/render-sequence.js';
import { flattenItems } from '../lib/render/view-model.js';
import { readTaskSequence } from './helpers/api.js';

const variable = (name: string, operator: string, value: string) =>
  `<expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">${operator}</variable><variable name="Value">${value}</variable><variable name="Variable">${name}</variable></expression>`;
const registry = (type: string) =>
  `<expression type="SMS_TaskSequence_RegistryConditionExpression"><variable name="KeyPath">HKEY_LOCAL_MACHINE\\SOFTWARE\\X</variable><variable name="Operator">equals</variable><variable name="Type">${type}</variable><variable name="Value">v</variable><variable name="Data">d</variable></expression>`;
const step = (condition: string) =>
  `<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="Cond"><condition>${condition}</condition><action>cmd /c echo</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd /c echo</variable></defaultVarList></step></sequence>`;
const secrets = (join: string, domain: string, site = 'S1') => `<operator type="not"><operator type="or">${variable('OSDJoinPassword', 'equals', join)}${variable('DomainAdminPwd', 'notEquals', domain)}${variable('Site', 'equals', site)}</operator></operator>`;

const compare = (before: string, after: string) => {
  const view = buildComparisonView(readTaskSequence(step(before)), readTaskSequence(step(after)), { lint: false });
  const item = flattenItems(view.items)[0];
  return { condition: item?.condition, field: item?.change?.fields.find((f) => f.field === 'condition') };
};

describe('a changed condition in a comparison', () => {
  it("reads in the page's words, the hidden value that changed marked, the other hidden one not", () => {
    const { condition, field } = compare(secrets('Old-Secret1', 'Same-Secret2'), secrets('New-Secret1', 'Same-Secret2'));
    expect(condition).toBe('not ((OSDJoinPassword = (hidden) or DomainAdminPwd ≠ (hidden) or Site = "S1"))');
    expect(field).toEqual({ field: 'condition', before: condition, after: 'not ((OSDJoinPassword = (hidden, changed) or DomainAdminPwd ≠ (hidden) or Site = "S1"))' });
  });

  it('marks a hidden value that changed beside a shown one that changed', () => {
    const { field } = compare(secrets('Same-Secret1', 'Old-Secret2', 'S1'), secrets('Same-Secret1', 'New-Secret2', 'S2'));
    expect(field?.before).toBe('not ((OSDJoinPassword = (hidden) or DomainAdminPwd ≠ (hidden) or Site = "S1"))');
    expect(field?.after).toBe('not ((OSDJoinPassword = (hidden) or DomainAdminPwd ≠ (hidden, changed) or Site = "S2"))');
  });

  it("keeps the diff's parameters for a change the words leave out (a registry value's type), which they show", () => {
    const { field } = compare(registry('REG_SZ'), registry('REG_EXPAND_SZ'));
    expect(field?.before).toContain('REG_SZ');
    expect(field?.after).toContain('REG_EXPAND_SZ');
  });

  it('says the same in HTML and Markdown, with no expression syntax and no secret value', () => {
    const before = readTaskSequence(step(secrets('Old-Secret1', 'Same-Secret2')));
    const after = readTaskSequence(step(secrets('New-Secret1', 'Same-Secret2')));
    for (const format of ['html', 'md'] as const) {
      const page = renderComparison(before, after, { format, lint: false });
      expect(page, format).toContain('(hidden, changed)');
      expect(page).not.toContain('SMS_TaskSequence_VariableConditionExpression(');
      expect(page).not.toMatch(/Secret\d/);
    }
  });
});
