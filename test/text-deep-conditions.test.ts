// The text form of a step whose condition nests deeper than the schema validator recurses: sequenceToText wrote it,
// but buildSequence refused it ("nested deeper than can be checked") from about 450 levels on, so a document read
// with a raised maxDepth did not come back. Deep operands are now checked one at a time, as the JSON model's deep
// nodes are; the check for characters XML cannot hold kept a copy of the path per value, its depth squared (a
// 100,000-deep condition: minutes), and now makes a path only for what it reports. toYaml, which refused groups
// nested past MAX_YAML_GROUP_DEPTH (YAML indents every level: its text grows with the square of the depth), wrote a
// condition 10,000 operators deep as 200 MB of YAML no reader takes back; such a condition is refused the same way.
import { describe, expect, it } from 'vitest';
import { readTaskSequence, writeTaskSequenceText } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';
import { buildSequence, sequenceToText, toYaml, type TextSequence } from '../lib/api/text.js';
import { MAX_YAML_GROUP_DEPTH } from '../lib/text/yaml-depth.js';
import { unwritableAt } from '../lib/text/check-text.js';

const EXPRESSION = '<expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">7</variable><variable name="Variable">Image</variable></expression>';

/** A step whose condition is `depth` operators deep (and, or, not in turn) around one expression. */
function deepXml(depth: number): string {
  const types = Array.from({ length: depth }, (_, i) => ['and', 'or', 'not'][i % 3] as string);
  const open = types.map((t) => `<operator type="${t}">`).join('');
  return `<sequence version="3.00"><step type="SMS_TaskSequence_RunCommandLineAction" name="s"><condition>${open}${EXPRESSION}${'</operator>'.repeat(depth)}</condition><action>cmd</action></step></sequence>`;
}

/** The text form's operand `depth` levels down the first operand of the first step's condition. */
function operandAt(text: TextSequence, depth: number): Record<string, unknown> {
  let at = (text.steps[0] as { condition: unknown[] }).condition[0] as Record<string, unknown[]>;
  for (let i = 0; i < depth; i++) at = (at.and ?? at.or ?? at.not)?.[0] as Record<string, unknown[]>;
  return at;
}

describe('buildSequence takes conditions at any depth', () => {
  it('a 20,000-deep condition: text form back to the same XML', () => {
    const depth = 20_000;
    const doc = readTaskSequence(deepXml(depth), { maxDepth: depth + 20 });
    const built = buildSequence(sequenceToText(doc));
    expect(writeTaskSequenceText(built)).toBe(writeTaskSequenceText(doc));
  });

  it('an operand the schema refuses 2,000 levels down is NOT_A_TASK_SEQUENCE at its place', () => {
    const text = sequenceToText(readTaskSequence(deepXml(2_000), { maxDepth: 3_000 }));
    const bad = operandAt(text, 2_000);
    bad.operator = 'bogus';
    const e = thrown(() => buildSequence(text));
    expect(e.code).toBe('NOT_A_TASK_SEQUENCE');
    expect(e.path).toMatch(/^steps\/0\/condition\/0(\/(and|or|not)\/0){2000}\/operator$/);
  });

  it('an operand that contains itself is refused, not walked for ever', () => {
    const text = sequenceToText(readTaskSequence(deepXml(1_000), { maxDepth: 2_000 }));
    const low = operandAt(text, 999) as { and?: unknown[]; or?: unknown[]; not?: unknown[] };
    (low.and ?? low.or ?? low.not)?.push(operandAt(text, 500));
    expect(thrown(() => buildSequence(text)).code).toBe('INVALID_ARGUMENT');
  });

  it('finds a character XML cannot hold 100,000 levels down without a path per level (seconds, not minutes)', () => {
    let value: unknown = { value: 'x\uD800' };
    for (let i = 0; i < 100_000; i++) value = { not: [value] };
    const found = unwritableAt(value, ['steps', 0, 'condition', 0]);
    expect(found?.path).toHaveLength(4 + 2 * 100_000 + 1);
    expect(found?.path.at(-1)).toBe('value');
  }, 30_000);

  it('toYaml writes a condition MAX_YAML_GROUP_DEPTH operators deep and refuses one level more, or 20,000, with TEXT_TOO_DEEP', () => {
    expect(toYaml(readTaskSequence(deepXml(MAX_YAML_GROUP_DEPTH), { maxDepth: 2_000 }))).toContain('Image');
    for (const depth of [MAX_YAML_GROUP_DEPTH + 1, 20_000]) {
      const e = thrown(() => toYaml(readTaskSequence(deepXml(depth), { maxDepth: depth + 20 })));
      expect(e.code).toBe('TEXT_TOO_DEEP');
      expect(e.message).toContain(`operators nest ${depth} levels deep`);
    }
  });

  it('counts groups and the operators of a condition inside them together, as YAML indents both', () => {
    // 600 groups around a step whose condition is 600 operators deep: each alone is within the limit, together not.
    const inner = deepXml(600).replace(/^<sequence version="3.00">|<\/sequence>$/g, '');
    const xml = `<sequence version="3.00">${'<group name="g">'.repeat(600)}${inner}${'</group>'.repeat(600)}</sequence>`;
    const e = thrown(() => toYaml(readTaskSequence(xml, { maxDepth: 4_000 })));
    expect(e.code).toBe('TEXT_TOO_DEEP');
    expect(e.message).toContain("groups (600) and a condition's operators inside them (600) nest 1200 levels deep");
    expect(toYaml(readTaskSequence(deepXml(600), { maxDepth: 4_000 }))).toContain('Image');
  });
});
