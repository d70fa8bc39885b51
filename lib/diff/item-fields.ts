/**
 * What the semantic diff compares of one step, group or sub task sequence: its fields (attributes, command line,
 * variables with their attributes, condition, elements the model does not know), each under a name that says what it
 * is, and the signature that matches items by content. Also the value elements and variables the sequence's own
 * fields are read with.
 */
import { conditionOf } from '../model/conditions.js';
import type { Element, Node, SequenceItem } from '../model/types.js';
import { canonicalXml, isXmlSpace } from './canonical-xml.js';
import { conditionText } from './condition-text.js';

/** A value element (`<action>`, `<variable>`), also one the reader left generic because it holds markup. */
export type ValueElement = Element & { attributes: Record<string, string> };

/**
 * Whether `n` is the value element `tag`: the model's own kind, or a generic element of that tag holding only
 * character data, comments and instructions (`<action>a<!-- x -->b</action>`), whose value is its character data.
 */
export function isValueElement(n: Node, tag: 'action' | 'variable'): n is ValueElement {
  if (n.kind === tag) return true;
  return n.kind === 'element' && n.tag === tag && 'children' in n && n.children.every((c) => c.kind === 'text' || c.kind === 'cdata' || c.kind === 'comment' || c.kind === 'instruction');
}

/** A value element's value as XML defines it: its character data, comments and instructions left out. */
export function valueText(n: ValueElement): string {
  if ('value' in n) return n.value;
  let out = '';
  for (const c of 'children' in n ? n.children : []) if (c.kind === 'text' || c.kind === 'cdata') out += c.value;
  return out;
}

/**
 * The variables among `nodes`, each by its name (its property when it has none) and, for the second and later of one
 * name, its place among them (`A #2`): one name may be written twice, and a change to either is a change.
 */
export function namedVariables(nodes: Node[]): [string, ValueElement][] {
  const seen = new Map<string, number>();
  const out: [string, ValueElement][] = [];
  for (const v of nodes) {
    if (!isValueElement(v, 'variable')) continue;
    const name = v.attributes.name ?? v.attributes.property ?? '?';
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    out.push([n === 1 ? name : `${name} #${n}`, v]);
  }
  return out;
}

/** A variable's value as `key`, and each of its other attributes (`hidden`, `property`) as `key attribute …`. */
function setVariableFields(f: Map<string, string>, key: string, v: ValueElement): void {
  f.set(key, valueText(v));
  for (const [k, a] of Object.entries(v.attributes)) if (k !== 'name') f.set(`${key} attribute ${k}`, a);
}

/**
 * The name of the variable a step's `variable …` field or a global `variable` entry's path is about, without the
 * `#2` that tells a second of one name apart; undefined for a field about one of the variable's attributes. A page
 * that hides password-like values asks it, so a second variable of such a name is hidden too.
 */
export function variableNameOf(fieldOrPath: string): string | undefined {
  const name = fieldOrPath.startsWith('variable ') ? fieldOrPath.slice(9) : fieldOrPath;
  return / attribute [^ ]+$/.test(name) ? undefined : name.replace(/ #\d+$/, '');
}

/**
 * The elements among `nodes` that no other field covers (one the model has no kind for, a vendor's or one a newer
 * ConfigMgr writes; a second `<condition>` or `<action>`), each as `element <tag>` (`#2` for the second of one tag)
 * with its canonical text: adding, removing or changing one is a difference, though nothing here knows what it
 * means. Steps and groups are items of their own, never fields.
 */
export function unknownElements(nodes: Node[], covered: ReadonlySet<Node> = new Set()): [string, string, Element][] {
  const seen = new Map<string, number>();
  const out: [string, string, Element][] = [];
  for (const c of nodes) {
    if (!('tag' in c) || covered.has(c) || c.kind === 'step' || c.kind === 'group' || c.kind === 'subtasksequence') continue;
    const n = (seen.get(c.tag) ?? 0) + 1;
    seen.set(c.tag, n);
    out.push([`element ${c.tag}${n === 1 ? '' : ` #${n}`}`, canonicalXml(c), c]);
  }
  return out;
}

/**
 * The elements of a variable list that are no variable with a value (a `<variable>` holding markup among them), as
 * {@link unknownElements} names them; the field of each is `<list tag> <key>`.
 */
export function variableListElements(nodes: Node[]): [string, string, Element][] {
  return unknownElements(nodes.filter((v) => !isValueElement(v, 'variable')));
}

/** The field of a step's `<action>` line. */
export const COMMAND_LINE = 'command line';

/** The comparable content of an item: everything but its children steps and whitespace. */
export function fields(item: SequenceItem): Map<string, string> {
  const f = new Map<string, string>();
  // Attribute values are as XML defines them already: the reader normalised them (a `&#xD;` in one is a CR).
  for (const [k, v] of Object.entries(item.attributes)) f.set(`attribute ${k}`, v);
  const covered = new Set<Node>();
  if (item.kind !== 'group') {
    const action = item.children.find((c) => isValueElement(c, 'action'));
    if (action !== undefined) f.set(COMMAND_LINE, valueText(action));
    if (action !== undefined) covered.add(action);
    // Attributes of the <action> and of a variable list: no console writes one, but a file that has one is compared
    // on it rather than called the same as one without.
    if (action !== undefined) attributeFields(f, 'action', action);
    for (const c of item.children) {
      if (c.kind !== 'variableList') continue;
      covered.add(c);
      attributeFields(f, c.tag, c);
      for (const [key, v] of namedVariables(c.children)) setVariableFields(f, `variable ${key}`, v);
      for (const [key, text] of variableListElements(c.children)) f.set(`${c.tag} ${key}`, text);
    }
  } else {
    // MDT groups hold empty <action/> elements (as many as they like), which mean nothing: the text form leaves them
    // out too, so a group with one and without one are the same group.
    for (const c of item.children) if (isValueElement(c, 'action') && isXmlSpace(valueText(c))) covered.add(c);
  }
  const cond = conditionOf(item);
  if (cond) f.set('condition', conditionText(cond));
  if (cond) covered.add(cond);
  for (const [key, text] of unknownElements(item.children, covered)) f.set(key, text);
  return f;
}

/** Each attribute of an element the item's fields cover as a whole, as the field `<what> attribute <name>`. */
function attributeFields(f: Map<string, string>, what: string, element: Element): void {
  for (const [k, v] of Object.entries(element.attributes)) f.set(`${what} attribute ${k}`, v);
}

/**
 * Fields whose absence says `false`: the console writes `disable` and `continueOnError` only when true, so a file with
 * `disable="false"` and a file without are the same sequence to ConfigMgr.
 */
const FALSE_WHEN_ABSENT = new Set(['attribute disable', 'attribute continueOnError']);

/** Whether two values of field `key` (undefined: the item has none) mean the same. */
export function sameField(key: string, a: string | undefined, b: string | undefined): boolean {
  return a === b || (FALSE_WHEN_ABSENT.has(key) && (a ?? 'false') === (b ?? 'false'));
}

/** An item's fields but its name, as one text: items with the same signature have the same content. */
export function signature(item: SequenceItem): string {
  return JSON.stringify([...fields(item)].filter(([k, v]) => k !== 'attribute name' && !(v === 'false' && FALSE_WHEN_ABSENT.has(k))));
}
