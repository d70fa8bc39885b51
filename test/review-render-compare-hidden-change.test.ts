// A comparison row whose change was all in hidden values read the same before and after (`(hidden)` → `(hidden)`, a
// rules text or a condition with `(hidden)` in the same places), as if nothing had changed. The hidden value that
// changed now shows `(hidden, changed)` after; nothing more of it (no length, no hash) is shown.
import { describe, expect, it } from 'vitest';
import { buildComparisonView } from '../lib/render/comparison-view.js';
import { renderComparison } from '../lib/render/render-sequence.js';
import { flattenItems } from '../lib/render/view-model.js';
import { readTaskSequence } from './helpers/api.js';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const vars = (pairs: [string, string, string][]) => `<defaultVarList>${pairs.map(([name, property, value]) => `<variable name="${name}" property="${property}">${value}</variable>`).join('')}</defaultVarList>`;
const network = (password: string) =>
  `<step type="SMS_TaskSequence_ApplyNetworkSettingsAction" name="Net"><action>osdnetsettings.exe configure</action>${vars([['OSDDomainName', 'DomainName', 'corp.example'], ['OSDJoinPassword', 'DomainPassword', password]])}</step>`;
const dynamic = (rules: string) =>
  `<step type="SMS_TaskSequence_SetDynamicVariablesAction" name="Dyn"><action>OSDSetDynamicVariables.exe</action>${vars([['OSDSetDynamicVariablesRules', 'Rules', escape(rules)]])}</step>`;
const rules = (pin: string, admin: string, site = 'Paris') =>
  `<Rules><Rule><Variables><Variable Name="LocalPin" IsSecret="true">${pin}</Variable><Variable Name="AdminPassword" IsSecret="false">${admin}</Variable><Variable Name="OSDSite" IsSecret="false">${site}</Variable></Variables></Rule></Rules>\n`;
const globals = (password: string) => `<globalVarList><variable name="OSDJoinPassword" property="OSDJoinPassword">${password}</variable></globalVarList>`;
const sequence = (steps: string, global = '') => readTaskSequence(`<sequence version="3.10">${global}${steps}</sequence>`);

/** The changed fields of the compared sequences' first item. */
const fieldsOf = (before: string, after: string) => flattenItems(buildComparisonView(sequence(before), sequence(after), { lint: false }).items)[0]?.change?.fields ?? [];

describe('a comparison row whose change is in a hidden value', () => {
  it('shows (hidden) before and (hidden, changed) after for a secret variable', () => {
    expect(fieldsOf(network('Old-Secret1'), network('New-Secret2'))).toEqual([{ field: 'variable OSDJoinPassword', before: '(hidden)', after: '(hidden, changed)' }]);
  });

  it('marks the one rule value that changed, not the hidden one that stayed', () => {
    const [field] = fieldsOf(dynamic(rules('Pin-Secret1', 'Admin-Secret2')), dynamic(rules('Pin-Secret1', 'Admin-Secret3')));
    // In the page's words for rules (no longer their XML): the same rule, place by place.
    expect(field?.before).toBe('rule 1: set LocalPin = (hidden), AdminPassword = (hidden), OSDSite = "Paris"');
    expect(field?.after).toBe('rule 1: set LocalPin = (hidden), AdminPassword = (hidden, changed), OSDSite = "Paris"');
    expect(JSON.stringify(field)).not.toMatch(/Secret[123]/);
  });

  it('marks nothing when only a shown value changed', () => {
    const [field] = fieldsOf(dynamic(rules('Pin-Secret1', 'Admin-Secret2', 'Paris')), dynamic(rules('Pin-Secret1', 'Admin-Secret2', 'Lyon')));
    expect(field?.after).toContain('Lyon');
    expect(JSON.stringify(field)).not.toContain('changed');
  });

  it('marks a rules text hidden whole (not the rules grammar) that changed', () => {
    const [field] = fieldsOf(dynamic('<Rules><Rule>Broken-Secret1'), dynamic('<Rules><Rule>Broken-Secret2'));
    expect(field).toMatchObject({ before: '(hidden)', after: '(hidden, changed)' });
  });

  it("marks a global secret variable's change in the list of other changes", () => {
    const view = buildComparisonView(sequence('', globals('Old-Secret1')), sequence('', globals('New-Secret2')), { lint: false });
    expect(view.changes?.other).toEqual(['~ variable OSDJoinPassword: "(hidden)" → "(hidden, changed)"']);
  });

  it('says so in HTML and Markdown alike, with no secret value on either page', () => {
    const before = sequence(network('Old-Secret1') + dynamic(rules('Pin-Secret1', 'Admin-Secret2')), globals('Old-Secret3'));
    const after = sequence(network('New-Secret1') + dynamic(rules('Pin-Secret4', 'Admin-Secret2')), globals('New-Secret3'));
    for (const format of ['html', 'md'] as const) {
      const page = renderComparison(before, after, { format, lint: false });
      expect(page.split('(hidden, changed)').length - 1, format).toBe(3);
      expect(page).not.toMatch(/Secret\d/);
    }
  });
});

describe('a comparison row of Set Dynamic Variables rules', () => {
  it('is in the words the page lists rules in, a rule\'s condition and each value, not the rules\' XML', () => {
    const withCondition = (site: string) =>
      `<Rules><Rule><condition><expression type="SMS_TaskSequence_ComputerConditionExpression"><variable name="AssetTag"></variable><variable name="MACAddress">00:11:22:33:44:55</variable><variable name="SerialNumber"></variable><variable name="UUID"></variable></expression></condition><Variables><Variable Name="OSDSite" IsSecret="false">${site}</Variable></Variables></Rule></Rules>`;
    const [field] = fieldsOf(dynamic(withCondition('Paris')), dynamic(withCondition('Lyon')));
    expect(field).toMatchObject({ before: 'rule 1: if MAC address "00:11:22:33:44:55" then set OSDSite = "Paris"', after: 'rule 1: if MAC address "00:11:22:33:44:55" then set OSDSite = "Lyon"' });
    expect(JSON.stringify(field)).not.toContain('<Rule');
  });
});
