/**
 * What the text form has no place for. It writes a step's or group's first condition, a step's action and variable
 * list, the sequence's variables and references, and the items; anything else (comments, elements it does not know, a
 * second condition or action, attributes of a variable besides name, property and hidden, any attribute of an action,
 * variable list or reference list) would be dropped without a
 * word, and the sequence built back would differ. Such a sequence is refused instead, with what and where.
 */
import { describeMarkup as markup } from '../containers/uncarried.js';
import { isXmlSpace } from '../diff/canonical-xml.js';
import { buildCondition, readCondition } from '../model/condition-builder.js';
import { checkpointDepth, containsItself } from '../model/contains-itself.js';
import { isElement, isSequenceItem } from '../model/query.js';
import type { Condition, Group, Node, ReferenceList, Sequence, Step, SubTaskSequence, VariableList } from '../model/types.js';

/** For each parent kind: the element kinds it may hold once, with the tag each must have. */
const ONCE: Record<'sequence' | 'group' | 'step', Partial<Record<Node['kind'], string>>> = {
  sequence: { variableList: 'globalVarList', referenceList: 'referenceList' },
  group: { condition: 'condition' },
  step: { condition: 'condition', action: 'action', variableList: 'defaultVarList' },
};

const VARIABLE_ATTRIBUTES = new Set(['name', 'property', 'hidden']);

const sortedAttributes = (n: { attributes: Record<string, string> }): string =>
  JSON.stringify(Object.entries(n.attributes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** A leaf of a condition (a parameter, or markup) as a key; undefined for layout white space. */
function leafKey(n: Node): string | undefined {
  if (n.kind === 'text' && isXmlSpace(n.value)) return undefined;
  if (!('attributes' in n)) return JSON.stringify({ markup: markup(n) });
  return `[${JSON.stringify(n.kind)},${JSON.stringify(n.tag)},${sortedAttributes(n)},${JSON.stringify('value' in n ? n.value : '')}]`;
}

/**
 * A condition's meaning as one string: elements only, attributes sorted, an expression's parameters in name order.
 * Made without recursion (a condition may be nested thousands deep) and without escaping a child's key again in its
 * parent's, so its length is the condition's size, not a power of its depth.
 */
function conditionKey(root: Node): string {
  const stack: { n: Node & { children: Node[] }; i: number; keys: string[] }[] = [];
  const open = (n: Node): string | undefined => {
    if (!('children' in n) || !('attributes' in n)) return leafKey(n);
    // `stack` is the chain of ancestors: an element among its own descendants (put there by hand) is refused, as its
    // key would have no end (see contains-itself.ts).
    if (stack.length > 0 && n === (stack[checkpointDepth(stack.length)] as (typeof stack)[number]).n) containsItself(n);
    stack.push({ n, i: 0, keys: [] });
    return undefined;
  };
  let result = open(root) ?? '';
  while (stack.length > 0) {
    const f = stack[stack.length - 1] as (typeof stack)[number];
    if (f.i < f.n.children.length) {
      const key = open(f.n.children[f.i++] as Node);
      if (key !== undefined) f.keys.push(key);
      continue;
    }
    stack.pop();
    const n = f.n as Node & { children: Node[]; attributes: Record<string, string>; tag: string };
    if (n.kind === 'expression') f.keys.sort();
    const key = `[${JSON.stringify(n.kind)},${JSON.stringify(n.tag)},${sortedAttributes(n)},[${f.keys.join(',')}]]`;
    if (stack.length > 0) (stack[stack.length - 1] as (typeof stack)[number]).keys.push(key);
    else result = key;
  }
  return result;
}

/** Whether the condition, read as the text form's operands and built again, is the same condition. */
function conditionCarried(c: Condition): boolean {
  return conditionKey(buildCondition(...readCondition(c))) === conditionKey(c);
}

/** What in a variable or reference list the text form cannot carry, or undefined. */
function listUncarried(list: VariableList | ReferenceList, element: 'variable' | 'reference'): string | undefined {
  for (const v of list.children) {
    const m = markup(v);
    if (m !== undefined) return `${m} in <${list.tag}>`;
    if (!isElement(v)) continue;
    if (v.kind !== element || v.tag !== element) return `the element <${v.tag}> in <${list.tag}>`;
    if (v.kind === 'reference' && v.children.some((c) => c.kind !== 'text' || !isXmlSpace(c.value))) return `what <reference> holds`;
    if (v.kind !== 'variable') continue;
    const extra = Object.keys(v.attributes).find((k) => !VARIABLE_ATTRIBUTES.has(k));
    if (extra !== undefined) return `the attribute ${extra} of the variable ${JSON.stringify(v.attributes.name ?? '')}`;
    const hidden = v.attributes.hidden;
    if (hidden !== undefined && hidden !== 'true' && hidden !== 'false') return `hidden="${hidden}" on the variable ${JSON.stringify(v.attributes.name ?? '')}`;
  }
  return undefined;
}

/**
 * The first thing among `node`'s own children (not its items' children) that the text form cannot carry, described,
 * or undefined when it can carry them all.
 */
export function uncarried(node: Sequence | Group | Step | SubTaskSequence): string | undefined {
  const own = ONCE[node.kind === 'subtasksequence' ? 'step' : node.kind];
  const seen = new Set<string>();
  for (const c of node.children) {
    const m = markup(c);
    if (m !== undefined) return m;
    if (!isElement(c) || isSequenceItem(c)) continue;
    // MDT groups hold empty <action/> elements, as many as they like; they mean nothing. Only XML's white space is
    // layout: a no-break space is a value.
    if (node.kind === 'group' && c.kind === 'action' && isXmlSpace(c.value)) continue;
    const tag = own[c.kind];
    if (tag === undefined || tag !== c.tag) return `the element <${c.tag}>`;
    if (seen.has(c.kind)) return `a second <${c.tag}>`;
    seen.add(c.kind);
    // The text form writes these elements from what they hold; an attribute of one was dropped without a word, and
    // `cmts diff` does not compare them either. (A condition's attributes are part of what it says, compared below.)
    if (c.kind !== 'condition') {
      const attribute = Object.keys(c.attributes)[0];
      if (attribute !== undefined) return `the attribute ${attribute} of <${c.tag}>`;
    }
    if (c.kind === 'condition' && !conditionCarried(c)) return 'the <condition> as written (an operator or expression it cannot say)';
    if (c.kind === 'variableList' || c.kind === 'referenceList') {
      const inList = listUncarried(c, c.kind === 'variableList' ? 'variable' : 'reference');
      if (inList !== undefined) return inList;
    }
  }
  return undefined;
}
