// cmts diff prints a changed Set Dynamic Variables Rules value rule by rule, in words: only the rules that changed,
// aligned by what they say (a rule added in the middle is one line, a rule moved is said to have moved), secret values
// hidden, and a text that is not the rules grammar shown as any other value. --json keeps the values.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { ruleChangeLines } from '../lib/cli/diff-rules.js';
import { memoryIo } from './helpers/memory-io.js';

type Rule = { when?: [string, string]; set: [string, string, boolean?][] };
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const ruleXml = (r: Rule) =>
  `<Rule>${r.when ? `<condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Variable">${r.when[0]}</variable><variable name="Operator">equals</variable><variable name="Value">${r.when[1]}</variable></expression></condition>` : ''}<Variables>${r.set.map(([n, v, secret]) => `<Variable Name="${n}" IsSecret="${secret ? 'true' : 'false'}">${v}</Variable>`).join('')}</Variables></Rule>`;
const rulesXml = (rules: Rule[]) => `<Rules>${rules.map(ruleXml).join('')}</Rules>\n`;
const sequence = (rules: string) =>
  `<sequence version="3.10"><group name="G"><step type="SMS_TaskSequence_SetDynamicVariablesAction" name="Dynamic"><action>OSDSetDynamicVariables.exe</action><defaultVarList><variable name="OSDSetDynamicVariablesRules" property="Rules">${esc(rules)}</variable></defaultVarList></step></group></sequence>`;
const site = (n: number): Rule => ({ when: ['Gateway', `10.0.${n}.1`], set: [['OSDSite', `Site ${n}`]] });
const ten = Array.from({ length: 10 }, (_, n) => site(n));

async function diffText(a: string, b: string): Promise<string> {
  const m = memoryIo({ 'a.xml': sequence(a), 'b.xml': sequence(b) });
  expect(await main(['diff', 'a.xml', 'b.xml'], m.io)).toBe(1);
  return m.stdout;
}

describe('cmts diff: Set Dynamic Variables rules in words', () => {
  it('one value changed in one rule of ten: that rule alone, before and after, with no XML', async () => {
    const after = ten.map((r, n) => (n === 6 ? { ...r, set: [['OSDSite', 'Lyon']] as Rule['set'] } : r));
    expect(await diffText(rulesXml(ten), rulesXml(after))).toBe(
      [
        '--- a.xml',
        '+++ b.xml',
        '~ step G/Dynamic variable OSDSetDynamicVariablesRules:',
        '    ~ rule 7:',
        '        - if Gateway = "10.0.6.1" then set OSDSite = "Site 6"',
        '        + if Gateway = "10.0.6.1" then set OSDSite = "Lyon"',
        '',
      ].join('\n'),
    );
  });

  it('a rule added in the middle is one + line, and one removed one - line: the rules after it are not changed', async () => {
    const added = [...ten.slice(0, 3), { set: [['OSDTimeZone', 'UTC']] } as Rule, ...ten.slice(3)];
    const text = await diffText(rulesXml(ten), rulesXml(added));
    expect(text.split('\n').slice(2, -1)).toEqual(['~ step G/Dynamic variable OSDSetDynamicVariablesRules:', '    + rule 4: set OSDTimeZone = "UTC"']);
    const removed = await diffText(rulesXml(ten), rulesXml([...ten.slice(0, 2), ...ten.slice(3)]));
    expect(removed.split('\n').slice(3, -1)).toEqual(['    - rule 3: if Gateway = "10.0.2.1" then set OSDSite = "Site 2"']);
  });

  it('a rule moved is said to have moved, with its new number', async () => {
    const moved = [...ten.slice(1, 5), ten[0] as Rule, ...ten.slice(5)];
    const text = await diffText(rulesXml(ten), rulesXml(moved));
    expect(text.split('\n').slice(3, -1)).toEqual(['    > rule 1 is now rule 5: if Gateway = "10.0.0.1" then set OSDSite = "Site 0"']);
  });

  it('secret values are hidden, and one that changed reads (hidden, changed); neither value is printed', async () => {
    const withSecret = (pw: string): Rule[] => [site(1), { when: ['Gateway', '10.0.2.1'], set: [['OSDSite', 'Site 2'], ['OSDJoinPassword', pw], ['Token', 'T0k3nValue', true]] }];
    const text = await diffText(rulesXml(withSecret('OldSecret1')), rulesXml(withSecret('NewSecret2')));
    expect(text).not.toMatch(/OldSecret1|NewSecret2|T0k3nValue/);
    expect(text.split('\n').slice(3, -1)).toEqual([
      '    ~ rule 2:',
      '        - if Gateway = "10.0.2.1" then set OSDSite = "Site 2", OSDJoinPassword = (hidden), Token = (hidden)',
      '        + if Gateway = "10.0.2.1" then set OSDSite = "Site 2", OSDJoinPassword = (hidden, changed), Token = (hidden)',
    ]);
  });

  it('a text that is not the rules grammar is shown as any other value (hidden whole, as a page hides it)', async () => {
    const text = await diffText('<Rules><Oops/></Rules>', rulesXml([site(1)]));
    // Quoted, as any pair of values whose end is white space (the rules' closing line end) is.
    expect(text.split('\n').slice(2, -1)).toEqual(['~ step G/Dynamic variable OSDSetDynamicVariablesRules:', '    - "(hidden)"', `    + ${JSON.stringify(rulesXml([site(1)]))}`]);
  });

  it('the same rules written otherwise (a CDATA section for escaped text) keep the value pair that shows how', () => {
    const plain = rulesXml([site(1)]);
    const cdata = plain.replace('Site 1', '<![CDATA[Site 1]]>');
    expect(ruleChangeLines(plain, cdata)).toBeUndefined();
    expect(ruleChangeLines(plain, rulesXml([site(2)]))).toHaveLength(3);
  });

  it('rules given or taken whole: every rule added or removed', () => {
    expect(ruleChangeLines(undefined, rulesXml([site(1), site(2)]))).toEqual(['+ rule 1: if Gateway = "10.0.1.1" then set OSDSite = "Site 1"', '+ rule 2: if Gateway = "10.0.2.1" then set OSDSite = "Site 2"']);
    expect(ruleChangeLines(rulesXml([site(1)]), '')).toEqual(['- rule 1: if Gateway = "10.0.1.1" then set OSDSite = "Site 1"']);
  });

  it('--json keeps the values, secrets masked, as before', async () => {
    const after = ten.map((r, n) => (n === 6 ? { ...r, set: [['OSDSite', 'Lyon']] as Rule['set'] } : r));
    const m = memoryIo({ 'a.xml': sequence(rulesXml(ten)), 'b.xml': sequence(rulesXml(after)) });
    expect(await main(['diff', 'a.xml', 'b.xml', '--json'], m.io)).toBe(1);
    const [d] = (JSON.parse(m.stdout) as { results: { differences: { before?: string; after?: string }[] }[] }).results[0]?.differences ?? [];
    expect(d).toMatchObject({ before: rulesXml(ten), after: rulesXml(after) });
  });

  it('4,000 rules in reverse order: every rule but the one kept is said to have moved, once', () => {
    const many = Array.from({ length: 4000 }, (_, n) => site(n));
    const reversed = [...many].reverse();
    const lines = ruleChangeLines(rulesXml(many), rulesXml(reversed)) ?? [];
    // Every rule but the one that stays is said to have moved, each once.
    expect(lines.filter((l) => l.startsWith('> rule '))).toHaveLength(3999);
  });
});
