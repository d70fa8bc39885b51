/**
 * A condition as text for the semantic diff: one text for comparing (blind to the order of unordered operands and of
 * parameters, and seeing what no console writes) and one for people, and which of them a changed condition shows.
 * Apart from the rest of an item's fields because conditions nest and are compared by meaning, not as written.
 */
import { comparesSecret, conditionOf, describeCondition, HIDDEN_OPERAND } from '../model/conditions.js';
import { checkpointBelow, containsItself } from '../model/contains-itself.js';
import type { Condition, Node, SequenceItem } from '../model/types.js';
import { canonicalXml } from './canonical-xml.js';

/**
 * The operator types whose operands may come in any order without changing what the condition means: `and`, `or`
 * and `not` (none of) each ask the same of every operand, and a `<condition>`'s own operands are ANDed.
 */
const UNORDERED = new Set(['and', 'or', 'not']);

/**
 * A condition with every operator and every parameter of each expression, parameters in name order (their order in
 * the file means nothing) and line ends as LF. For comparing, the operands of an `and`, `or` or `not` (and of the
 * condition itself) are in text order too: `A and B` is `B and A`. An expression's parameters stay tied to their
 * names, so a variable and a value that trade places are a change. describeCondition says it the console's way and
 * leaves out what the console's summary does not show (a registry value's type, a product code beside its name), so
 * it cannot be what is compared. Operators nest as deep as the reader allows: an explicit stack, not recursion, and
 * each operator's text joined from its operands' with `+`, which V8 keeps as a rope rather than copying every level.
 */
export function conditionText(condition: Condition, forPeople = false, hideSecrets = forPeople): string {
  // For comparing, also what no console writes: another attribute of an operator, an expression or a parameter,
  // and an element that is neither (as canonical text), so that a change to one is a change.
  const extra = (attributes: Record<string, string>, known: string): string => {
    if (forPeople) return '';
    const rest = Object.entries(attributes).filter(([k]) => k !== known);
    return rest.length ? `{${rest.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}}` : '';
  };
  const order = (p: string, q: string) => (p < q ? -1 : p > q ? 1 : 0);
  const operandsOf = (nodes: Node[]) => nodes.filter((n) => n.kind === 'operator' || n.kind === 'expression' || (!forPeople && 'tag' in n));
  const joined = (texts: string[], unordered: boolean): string => {
    if (unordered && !forPeople && texts.length > 1) texts.sort(order);
    let out = texts[0] ?? '';
    for (let i = 1; i < texts.length; i++) out = out + ', ' + (texts[i] as string);
    return out;
  };
  const expressionText = (n: Node & { kind: 'expression' }): string => {
    const params: [string, string, string][] = [];
    for (const c of n.children) {
      if (c.kind === 'variable' && c.attributes.name !== undefined) params.push([c.attributes.name, c.value, extra(c.attributes, 'name')]);
      else if (!forPeople && 'tag' in c) params.push(['', canonicalXml(c), '']);
    }
    params.sort(([a, x, e], [b, y, f]) => order(a, b) || order(x, y) || order(e, f));
    // Shown to people, the value a password-like variable is compared with is hidden, as describeCondition hides it.
    const secret = hideSecrets && params.some(([k, v]) => k === 'Variable' && comparesSecret(v));
    // For people: the type as the console's summary names it, and values as written (a registry path keeps its
    // single backslashes); for comparing, every value quoted, so no two conditions read the same.
    const type = n.attributes.type ?? 'expression';
    const shownType = forPeople ? type.replace(/^SMS_TaskSequence_/, '').replace(/ConditionExpression$/, '') || 'expression' : type;
    const valueOf = (k: string, v: string): string => (secret && k === 'Value' ? HIDDEN_OPERAND : forPeople ? v : JSON.stringify(v));
    return `${shownType}${extra(n.attributes, 'type')}(${params.map(([k, v, x]) => `${k}=${valueOf(k, v)}${x}`).join(', ')})`;
  };
  // Each operand's text once its own operands have theirs: an operator is visited twice, first to queue its
  // operands above it on the stack, then, when they are done, to join their texts.
  const text = new Map<Node, string>();
  // With each its depth and what the operands in it are compared with (see contains-itself.ts): an operator among its
  // own operands (put there by hand) is refused, as its text would have no end.
  type Pending = { node: Node; ready: boolean; depth: number; checkpoint: Node };
  const todo: Pending[] = operandsOf(condition.children).map((node) => ({ node, ready: false, depth: 1, checkpoint: node }));
  for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
    const n = next.node;
    if (n.kind === 'expression') text.set(n, expressionText(n));
    else if (n.kind !== 'operator') text.set(n, canonicalXml(n));
    else if (!next.ready) {
      const { depth, checkpoint } = next;
      todo.push({ node: n, ready: true, depth, checkpoint });
      for (const c of operandsOf(n.children)) {
        if (c === checkpoint) containsItself(c);
        todo.push({ node: c, ready: false, depth: depth + 1, checkpoint: checkpointBelow(c, depth + 1, checkpoint) });
      }
    } else {
      const type = n.attributes.type ?? 'and';
      const parts = operandsOf(n.children).map((c) => text.get(c) as string);
      // Each operand's text is needed only by its operator.
      for (const c of operandsOf(n.children)) text.delete(c);
      text.set(n, `${type}${extra(n.attributes, 'type')}(` + joined(parts, UNORDERED.has(type)) + ')');
    }
  }
  return joined(
    operandsOf(condition.children).map((c) => text.get(c) as string),
    true,
  );
}

/**
 * A changed field as the report shows it: the condition in words, unless the words are the same on both sides (the
 * change is in what the summary leaves out), then every parameter, and if those read the same too (the change is in
 * an attribute or element no console writes), everything that was compared. The value a password-like variable is
 * compared with is `(hidden)` in each: a change to it alone reads `(hidden)` on both sides, as a secret variable's.
 */
export function shown(field: string, item: SequenceItem, value: string, other: SequenceItem): string {
  if (field !== 'condition') return value;
  const condition = conditionOf(item) as Condition;
  const words = describeCondition(condition);
  const otherCondition = conditionOf(other);
  if (otherCondition === undefined || describeCondition(otherCondition) !== words) return words;
  const parameters = conditionText(condition, true);
  // The change is in what no console writes: everything compared, a password-like variable's value still hidden.
  return conditionText(otherCondition, true) === parameters ? conditionText(condition, false, true) : parameters;
}
