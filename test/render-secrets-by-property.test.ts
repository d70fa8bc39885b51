// What is a secret is decided once, by lint's test (hasSecretName, setsSecret in lib/model/secrets.ts), for every place
// a page or a comparison prints a value. A comparison looked at the variable's name alone: a variable whose property
// is password-like (a vendor step's, an extra one of a known class, a global one) was printed in clear as its before
// and after, and the variable table printed a global one; a Set Task Sequence Variable step whose variable name has a
// trailing space showed its value while lint, beside it, called it a secret.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { buildComparisonView } from '../lib/render/comparison-view.js';
import { buildSequenceView } from '../lib/render/build-sequence-view.js';
import { flattenItems } from '../lib/render/view-model.js';
import { readTaskSequence } from './helpers/api.js';
import { memoryIo } from './helpers/memory-io.js';

const sequence = (global: string, vendor: string, extra: string) => `<sequence version="3.00">
  <globalVarList><variable name="Foo" property="DomainAdminPassword">${global}</variable></globalVarList>
  <group name="G" description="">
    <step type="Vendor_Custom" name="vendor" description=""><action>x</action>
      <defaultVarList><variable name="Foo" property="AdminPassword">${vendor}</variable></defaultVarList></step>
    <step type="SMS_TaskSequence_JoinDomainWorkgroupAction" name="Join" description=""><action>osdjoin.exe</action>
      <defaultVarList><variable name="X" property="ExtraPwd">${extra}</variable></defaultVarList></step>
  </group>
</sequence>`;
const before = sequence('gOld', 'oldSecret1', 'extraOld');
const after = sequence('gNew', 'newSecret1', 'extraNew');
const SECRETS = /gOld|gNew|oldSecret1|newSecret1|extraOld|extraNew/;

const setVariable = (name: string, value: string) =>
  `<sequence version="3.10"><step type="SMS_TaskSequence_SetVariableAction" name="Set" description=""><action>tsenv.exe "${name}=${value}"</action><defaultVarList><variable name="VariableName" property="VariableName" hidden="true">${name}</variable><variable name="VariableValue" property="VariableValue" hidden="true">${value}</variable></defaultVarList></step></sequence>`;

describe('a variable whose property is password-like is a secret wherever a page prints it', () => {
  it('a comparison hides its before and after, on a step of an unknown class and an extra one of a known class', () => {
    const view = buildComparisonView(readTaskSequence(before), readTaskSequence(after), { lint: false });
    const fields = flattenItems(view.items).flatMap((i) => i.change?.fields ?? []);
    expect(fields).toEqual([
      { field: 'variable Foo', before: '(hidden)', after: '(hidden, changed)' },
      { field: 'variable X', before: '(hidden)', after: '(hidden, changed)' },
    ]);
  });

  it("a comparison's change list hides a global one", () => {
    const view = buildComparisonView(readTaskSequence(before), readTaskSequence(after), { lint: false });
    expect(view.changes?.other).toEqual(['~ variable Foo: "(hidden)" → "(hidden, changed)"']);
  });

  it("the page's variable table hides a global one", () => {
    const view = buildSequenceView(readTaskSequence(after), { lint: false });
    expect(view.variables.find((v) => v.name === 'Foo')?.note).toBe('global: (hidden)');
  });

  it('render prints none of them, page or comparison, HTML or Markdown', async () => {
    for (const args of [['render', 'b.xml'], ['render', 'b.xml', '--format', 'md'], ['render', '--compare', 'a.xml', 'b.xml'], ['render', '--compare', 'a.xml', 'b.xml', '--format', 'md']]) {
      const m = memoryIo({ 'a.xml': before, 'b.xml': after });
      expect(await main(args, m.io)).toBe(0);
      expect(m.stdout, args.join(' ')).not.toMatch(SECRETS);
      expect(m.stdout).toContain('(hidden)');
    }
  });
});

describe('a Set Task Sequence Variable name with white space around it is judged trimmed, as lint judges it', () => {
  it('the page hides the value of OSDJoinPassword with a trailing space', () => {
    const view = buildSequenceView(readTaskSequence(setVariable('OSDJoinPassword ', 'Hunter2')), { lint: false });
    expect(view.items[0]?.settings).toEqual([{ label: 'set', value: 'OSDJoinPassword  = (hidden)' }]);
  });

  it('a comparison hides the old and new value, in the variable and the action line', () => {
    // The second's action line is no longer what its variables render (a hand edit): it is a change of its own.
    const edited = setVariable('OSDJoinPassword ', 'Hunter3').replace('"</action>', '" </action>');
    const view = buildComparisonView(readTaskSequence(setVariable('OSDJoinPassword ', 'Hunter2')), readTaskSequence(edited), { lint: false });
    const fields = view.items[0]?.change?.fields ?? [];
    expect(fields.map((f) => f.field).sort()).toEqual(['command line', 'variable VariableValue']);
    for (const f of fields) expect([f.before, f.after]).toEqual(['(hidden)', '(hidden, changed)']);
  });

  it('a comparison hides the value set when the old name was the secret one', () => {
    const view = buildComparisonView(readTaskSequence(setVariable('OSDJoinPassword ', 'Hunter2')), readTaskSequence(setVariable('Plain', 'Hunter3')), { lint: false });
    const text = JSON.stringify(view.items[0]?.change?.fields);
    expect(text).not.toMatch(/Hunter/);
  });
});
