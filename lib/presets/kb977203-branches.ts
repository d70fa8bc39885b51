/**
 * Setup Windows and ConfigMgr steps in branches that exclude each other: two groups (or steps) whose conditions test
 * one variable the opposite ways (`X equals v` and `X notEquals v`, `X exists` and `X notExists`, or a test and
 * `not` of it) or for two values (`X equals X86` and `X equals X64`), each with its own Setup step, and one CCMCertFix step and restart after both. When the first branch
 * ran, the engine skips the second, so the CCMCertFix step after both runs next after the first Setup step too: the
 * preset adopts it for both Setup steps rather than insert a second pair after the first. That holds only while the
 * variable cannot change between the two conditions: it must be one the administrator sets (not a built-in `_SMS…`
 * one, which Setup and the restart after it change), and no enabled Set Task Sequence Variable step between them may
 * set it, nor an enabled step whose output goes to it (Run Command Line's or Run PowerShell Script's "Output to task
 * sequence variable", a partition's drive letter variable in Format and Partition Disk, Download Package Content's
 * package paths; see variables-set.ts) or a Set Dynamic Variables step with a rule that sets it, nor an enabled Run
 * Task Sequence step, whose child sequence can set any variable. A step that sets it otherwise (inside a script)
 * cannot be seen.
 */
import { conditionOf, expressionParameters } from '../model/conditions.js';
import type { Located } from '../model/query.js';
import { stepTypeName } from '../model/steps.js';
import type { Condition, Group, Node, SequenceItem, Step, SubTaskSequence } from '../model/types.js';
import { shownValue } from '../shown-value.js';
import { maySetAnyVariable } from '../model/variables-set.js';
import type { SetterIndex } from './kb977203-execution-order.js';

/** One variable test, read so that a test and its opposite compare: `X notEquals v` is `X equals v`, negated. */
export interface Test {
  variable: string;
  /** The name as written, for the report. */
  written: string;
  kind: 'equals' | 'exists';
  value: string;
  positive: boolean;
}

/** How deep `not` and `and` operators are followed (a condition the console writes has one or two levels). */
const DEPTH = 8;

/** The variable tests a condition ANDs together (its operands, those of `and` operators, `not` of one test). */
export function testsOf(condition: Condition): Test[] {
  const out: Test[] = [];
  const todo: [Node, number, boolean][] = condition.children.map((c) => [c, 0, false]);
  for (let next = todo.pop(); next; next = todo.pop()) {
    const [node, depth, negated] = next;
    if (depth > DEPTH) continue;
    if (node.kind === 'operator') {
      const operands = node.children.filter((c) => c.kind === 'operator' || c.kind === 'expression');
      const type = node.attributes.type ?? 'and';
      // `and` under `not` is an `or`: no single test of it holds, so none is taken.
      if (type === 'and' && !negated) for (const o of operands) todo.push([o, depth + 1, false]);
      if (type === 'not' && operands.length === 1) todo.push([operands[0] as Node, depth + 1, !negated]);
      continue;
    }
    if (node.kind !== 'expression' || node.attributes.type !== 'SMS_TaskSequence_VariableConditionExpression') continue;
    const p = expressionParameters(node);
    const written = (p.Variable ?? '').trim();
    const operator = p.Operator ?? '';
    if (written === '' || !['equals', 'notEquals', 'exists', 'notExists'].includes(operator)) continue;
    const kind = operator === 'equals' || operator === 'notEquals' ? 'equals' : 'exists';
    out.push({ variable: written.toLowerCase(), written, kind, value: kind === 'equals' ? (p.Value ?? '') : '', positive: (operator === 'equals' || operator === 'exists') !== negated });
  }
  return out;
}

/**
 * The value an integer condition value stands for, or undefined for a value not surely taken for an integer.
 * Microsoft's ConfigMgr 2007 page on the task sequence variable condition ("Task Sequence Options: Task Sequence
 * Variable", https://technet.microsoft.com/de-de/library/bb632960.aspx, the same note in the English edition of that
 * library) says the value test is a case-sensitive string comparison, numeric when both the variable's value and the
 * value compared with are integers, and no more: not what it takes for an integer. Two values are one value to this
 * check only where every reading of that sentence agrees, since taking them for one wrongly leaves a Setup step without
 * its CCMCertFix step, while taking them for two at worst puts in a pair the engine would not need. So an integer here
 * is decimal digits 0–9 and nothing else, of a value below 2^31:
 * - leading zeros only where every reading gives the same number: `01`…`07` and `00…0` (decimal and octal agree);
 *   `010` is 10 to a base-10 parse but 8 to a C parse that takes its base from the text (as `strtol` with base 0
 *   does), and `08` is no octal number at all, so from 8 on a value written with a leading zero is compared as written;
 * - no sign, `-1` or `+1`: a test of digits would not take it for an integer, and compare `-1` and `-01` as strings;
 * - no white space around it, for the same reason (a parse skips a leading space, a test of digits does not);
 * - no decimal point, exponent, thousands separator, hexadecimal or digits of other scripts: not integers as written;
 * - nothing from 2^31 on: read into a 32-bit integer such a value overflows, or is not taken for an integer at all.
 * Values outside this are compared as written, which is right for the string comparison and at worst cautious.
 */
export function integerValue(value: string): number | undefined {
  if (!/^[0-9]+$/.test(value)) return undefined;
  const n = Number(value);
  if (value.length > 1 && value.charCodeAt(0) === 0x30 && n >= 8) return undefined;
  return n < 2 ** 31 ? n : undefined;
}

/** Whether the engine's value test takes two condition values for one: the same text, or integers of one value. */
function sameValue(a: string, b: string): boolean {
  if (a === b) return true;
  const x = integerValue(a);
  return x !== undefined && x === integerValue(b);
}

/** What {@link sameValue} compares: two values are one value to it exactly when their keys are equal. */
export function valueKey(value: string): string {
  const n = integerValue(value);
  return n === undefined ? `=${value}` : `#${n}`;
}

/** The numbers a value may stand for, by any reading of "integer" (decimal; octal from a leading 0; hexadecimal from 0x). */
export function numberReadings(value: string): number[] {
  const m = /^\s*([+-]?)(0x[0-9a-f]+|[0-9]+)\s*$/i.exec(value);
  if (!m) return [];
  const sign = m[1] === '-' ? -1 : 1;
  const digits = m[2] as string;
  if (/^0x/i.test(digits)) return [sign * parseInt(digits.slice(2), 16), 0];
  const readings = [sign * Number(digits)];
  if (/^0[0-7]+$/.test(digits)) readings.push(sign * parseInt(digits, 8));
  return readings;
}

/**
 * Whether no value of a variable can pass `equals a` and `equals b` both, however the engine compares (see
 * integerValue): they differ ignoring case and white space around them, neither holds a `%` (a reference to another
 * variable, if the engine expands one there), and no reading of them as integers makes them one number. Cautious as sameValue is the other way: taking two tests for exclusive wrongly leaves a Setup step
 * without its CCMCertFix step.
 */
export function surelyDifferent(a: string, b: string): boolean {
  if (a.trim().toLowerCase() === b.trim().toLowerCase()) return false;
  // A value that may name another variable (`%OSArchitecture%`) may be expanded to anything.
  if (a.includes('%') || b.includes('%')) return false;
  const x = numberReadings(a);
  return !numberReadings(b).some((n) => x.includes(n));
}

/** An item and the groups around it that are not also around `beside` (outermost first), the item last. */
function apart(item: Located, beside: Located): (Group | Step | SubTaskSequence)[] {
  let shared = 0;
  while (shared < item.groups.length && item.groups[shared] === beside.groups[shared]) shared++;
  return [...item.groups.slice(shared), item.node];
}

/** What judging one item after a Setup step found. */
export interface Skipped {
  /** Whether the item never runs once the Setup step has run. */
  skipped: boolean;
  /** When opposite conditions were found but do not keep the item from running, why, in words. */
  why?: string;
}

/** A variable test with the group or step whose condition holds it. */
export interface HeldTest {
  node: Group | Step | SubTaskSequence;
  test: Test;
}

/** The tests of the conditions of `nodes`, in their order; `tests` reads one node's (by default, afresh). */
export function heldTests(nodes: readonly (Group | Step | SubTaskSequence)[], tests: (node: Group | Step | SubTaskSequence) => readonly Test[] = nodeTests): HeldTest[] {
  return nodes.flatMap((node) => tests(node).map((test) => ({ node, test })));
}

/** The tests of a group's or step's own condition (none without one). */
export function nodeTests(node: Group | Step | SubTaskSequence): Test[] {
  const condition = conditionOf(node);
  return condition === undefined ? [] : testsOf(condition);
}

/**
 * Whether two tests of one variable exclude each other: the opposite ways (`X equals v` and `X notEquals v`, `X exists`
 * and `X notExists`), or for two values (`X equals X86` and `X equals X64`). Names are compared in lower case (the
 * engine does not tell them apart by case), values as the engine compares them (see sameValue), so `equals True` and
 * `notEquals true`, which both hold on "True", do not exclude each other, and `equals 1` and `notEquals 01` do.
 */
export function excludes(t: Test, u: Test): boolean {
  if (t.variable !== u.variable) return false;
  const opposite = t.kind === u.kind && sameValue(t.value, u.value) && t.positive !== u.positive;
  // `X equals X86` and `X equals X64`: one value cannot be both (the x86 and x64 branches of one sequence).
  const twoValues = t.kind === 'equals' && u.kind === 'equals' && t.positive && u.positive && surelyDifferent(t.value, u.value);
  return opposite || twoValues;
}

/**
 * Whether `other`, listed after `setup` in execution order, never runs once `setup` has run: a condition around
 * `setup` (its own or a group's not also around `other`) and one around `other` (likewise) test one variable the
 * opposite ways, and nothing between them changes it (see the module comment).
 */
export function skippedAfter(setup: Located, other: Located, setters: SetterIndex, at: (n: SequenceItem) => number): Skipped {
  return judgedApart(heldTests(apart(setup, other)), heldTests(apart(other, setup)), setters, at);
}

/**
 * {@link skippedAfter} of the tests already read: `mine`, those of the conditions around the Setup step and not
 * around the other item, and `theirs`, those around the other item and not around the Setup step.
 */
export function judgedApart(mine: readonly HeldTest[], theirs: readonly HeldTest[], setters: SetterIndex, at: (n: SequenceItem) => number): Skipped {
  let why: string | undefined;
  for (const a of mine) {
    for (const b of theirs) {
      const t = a.test;
      if (!excludes(t, b.test)) continue;
      const name = shownValue(t.written, '"');
      if (t.variable.startsWith('_')) {
        why ??= `the variable they test, ${name}, is one the task sequence sets itself, and can change between them`;
        continue;
      }
      const setter = setters.firstBetween(at(a.node), at(b.node), t.variable);
      if (setter !== undefined) {
        const does = maySetAnyVariable(setter.node) ? `runs a child task sequence, which can set ${name}` : `sets ${name}`;
        why ??= `the ${stepTypeName(setter.node.attributes.type)} step "${setter.path}" between them ${does}`;
        continue;
      }
      return { skipped: true };
    }
  }
  return why === undefined ? { skipped: false } : { skipped: false, why };
}
