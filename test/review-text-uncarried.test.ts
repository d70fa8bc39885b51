// The text form has no place for comments, elements it does not know, a second condition, action or variable list,
// an operator other than and/or/not, or attributes of a variable besides name, property and hidden. They used to be
// dropped without a word (the semantic diff does not see them either), so `cmts convert --to yaml` and `cmts build`
// gave a different sequence. Such a sequence is now refused, saying what and where, and nothing is written.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromYaml, toYaml } from '../lib/api/text.js';
import { readTaskSequence, writeTaskSequence } from './helpers/api.js';
import { cmts } from './helpers/cli-process.js';
import { thrown } from './helpers/thrown.js';

const seq = (inner: string) => Buffer.from(`<sequence version="3.10">${inner}</sequence>`);
const cond = (variable: string) => `<condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Variable">${variable}</variable><variable name="Operator">exists</variable></expression></condition>`;
const step = (inner: string) => `<step type="Custom_Vendor_Action" name="S" description="">${inner}</step>`;

/** Each case: its XML and the step path the refusal names (undefined: the sequence itself). */
const CASES: [string, Buffer, string | undefined][] = [
  ['a comment between steps', seq(`<group name="G" description=""><!-- note --><step type="X" name="S" description=""/></group>`), 'G'],
  ['an unknown element in a step', seq(`<group name="G" description="">${step('<action>x</action><vendorData mode="x"/>')}</group>`), 'G/S'],
  ['an unknown element in the sequence', seq(`${step('')}<unknownTopLevel/>`), undefined],
  ['a second condition', seq(step(`${cond('A')}<action>x</action>${cond('B')}`)), 'S'],
  ['a second action', seq(step('<action>x</action><action>y</action>')), 'S'],
  ['a second variable list', seq(step('<defaultVarList><variable name="a" property="a">1</variable></defaultVarList><defaultVarList><variable name="b" property="b">2</variable></defaultVarList>')), 'S'],
  ['a second global variable list', seq('<globalVarList><variable name="a" property="a">1</variable></globalVarList><globalVarList><variable name="b" property="b">2</variable></globalVarList>'), undefined],
  ['an operator of an unknown type', seq(`<group name="G" description=""><condition><operator type="xor"><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Variable">A</variable><variable name="Operator">exists</variable></expression></operator></condition></group>`), 'G'],
  ['an extra attribute of an expression', seq(`<group name="G" description=""><condition><expression type="SMS_TaskSequence_VariableConditionExpression" extra="1"><variable name="Variable">A</variable><variable name="Operator">exists</variable></expression></condition></group>`), 'G'],
  ['an extra attribute of a variable', seq('<globalVarList><variable name="a" property="a" extra="1">1</variable></globalVarList>'), undefined],
  ['an element inside a reference', seq('<referenceList><reference package="P0100001"><x/></reference></referenceList>'), undefined],
];

describe('what the text form cannot carry is refused, not dropped', () => {
  for (const [what, bytes, path] of CASES) {
    it(`${what}: INVALID_ARGUMENT${path === undefined ? '' : ` naming ${path}`}`, () => {
      const e = thrown(() => toYaml(readTaskSequence(bytes)));
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(e.path).toBe(path);
    });
  }

  it('the round-trip fixture with comments, a vendor element and an unknown top-level element is refused', () => {
    const bytes = readFileSync(join(import.meta.dirname, 'fixtures', 'roundtrip', 'spellings.xml'));
    expect(thrown(() => toYaml(readTaskSequence(bytes))).code).toBe('INVALID_ARGUMENT');
  });

  it('what it can carry still converts and builds back: MDT groups with empty <action/>, conditions in any order', () => {
    const bytes = seq(`<group expand="true" name="G" description="" disable="false" continueOnError="false"><action/><step name="S" description="" disable="false" continueOnError="false" successCodeList="0 3010" startIn=""><action>x.exe</action><defaultVarList><variable name="a" property="b" hidden="false">1</variable></defaultVarList>${cond('A')}</step><action/>${cond('B')}</group>`);
    const again = readTaskSequence(writeTaskSequence(fromYaml(toYaml(readTaskSequence(bytes)))));
    expect(toYaml(again)).toBe(toYaml(readTaskSequence(bytes)));
  });

  it('cmts convert --to yaml refuses it: exit 1, the code and step path on standard error, nothing written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmts-review-text-'));
    try {
      const input = join(dir, 'ts.xml');
      const output = join(dir, 'ts.yaml');
      writeFileSync(input, CASES[1]?.[1] as Buffer);
      const r = cmts(['convert', input, '--to', 'yaml', '-o', output]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('INVALID_ARGUMENT');
      expect(r.stderr).toContain('G/S');
      expect(existsSync(output)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
