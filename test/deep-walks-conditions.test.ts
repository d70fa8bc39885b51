// Conditions nest operators as deep as a document read with a raised maxDepth may hold: building them from typed
// operands and reading them back walk with explicit stacks, so no depth exhausts the call stack.
import { describe, expect, it } from 'vitest';
import { buildCondition, operandNode, readCondition, readOperand, type ConditionOperand } from '../lib/model/condition-builder.js';
import { readTaskSequence } from '../lib/read.js';
import { sequenceToText } from '../lib/api/text.js';

const DEPTH = 10_000;
const leaf: ConditionOperand = { variable: 'Image', operator: 'equals', value: '7' };

/** `and` / `or` / `not` in turn, DEPTH levels deep, around one expression. */
function nested(depth: number): ConditionOperand {
  let o = leaf;
  for (let i = 0; i < depth; i++) o = i % 3 === 0 ? { and: [o] } : i % 3 === 1 ? { or: [o] } : { not: [o] };
  return o;
}

/** The operator types from the outside in, and the operand at the bottom, found without recursion. */
function shape(o: ConditionOperand): { types: string[]; bottom: ConditionOperand } {
  const types: string[] = [];
  let at = o;
  for (;;) {
    const key = 'and' in at ? 'and' : 'or' in at ? 'or' : 'not' in at ? 'not' : undefined;
    if (!key) return { types, bottom: at };
    types.push(key);
    const list = (at as Record<string, ConditionOperand[]>)[key] as ConditionOperand[];
    expect(list).toHaveLength(1);
    at = list[0] as ConditionOperand;
  }
}

describe('conditions at any depth', () => {
  it(`builds an operand ${DEPTH} operators deep into elements and reads it back the same`, () => {
    const operand = nested(DEPTH);
    const node = operandNode(operand);
    let depth = 0;
    let at: { kind: string; children: unknown[] } = node;
    while (at.kind === 'operator') {
      depth++;
      expect(at.children).toHaveLength(1);
      at = at.children[0] as never;
    }
    expect(depth).toBe(DEPTH);
    expect(at.kind).toBe('expression');
    const back = shape(readOperand(node));
    expect(back.types).toEqual(shape(operand).types);
    expect(back.bottom).toEqual(leaf);
  });

  it(`reads a ${DEPTH}-deep condition from a document and gives the text form of its step`, () => {
    const cond = buildCondition(nested(DEPTH), { wmi: 'SELECT * FROM Win32_BIOS' });
    expect(cond.children).toHaveLength(2);
    const open = '<operator type="and">'.repeat(DEPTH);
    const xml = `<sequence version="3.00"><step type="SMS_TaskSequence_RunCommandLineAction" name="s"><condition>${open}<expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">7</variable><variable name="Variable">Image</variable></expression>${'</operator>'.repeat(DEPTH)}</condition><action>cmd</action></step></sequence>`;
    const doc = readTaskSequence(xml, { maxDepth: DEPTH + 20 });
    const step = doc.sequence.children[0] as { children: { kind: string }[] };
    const read = readCondition(step.children[0] as never);
    expect(read).toHaveLength(1);
    const { types, bottom } = shape(read[0] as ConditionOperand);
    expect(types).toHaveLength(DEPTH);
    expect(new Set(types)).toEqual(new Set(['and']));
    expect(bottom).toEqual(leaf);
    expect(() => sequenceToText(doc)).not.toThrow();
  });
});
