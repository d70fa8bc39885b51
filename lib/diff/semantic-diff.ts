/**
 * A semantic diff of two task sequences, blind to formatting: steps and groups added, removed, moved and changed
 * (attributes, command line, variables with their attributes, condition, elements the model does not know), and
 * package properties (arrays too, and an object.xml's qualifiers and property attributes), sequence attributes and
 * elements, global variables and references changed.
 */
import { listPropertyTypes } from '../containers/index.js';
import type { TaskSequenceDocument } from '../document.js';
import { conditionOf, describeCondition } from '../model/conditions.js';
import { referenceList } from '../model/mutate.js';
import { listItems, type Located } from '../model/query.js';
import { stepTypeName } from '../model/steps.js';
import type { Condition, Element, Node, SequenceItem } from '../model/types.js';
import { lf } from '../xml/origin.js';
import { canonicalXml, isXmlSpace } from './canonical-xml.js';
import { compareCimSchema } from './cim-schema.js';
import { longestIncreasing } from './longest-increasing.js';
import { comparePackageArrays } from './package-arrays.js';
import { xmlText } from './xml-value.js';

/** One difference. */
export interface DiffEntry {
  change: 'added' | 'removed' | 'moved' | 'changed';
  /** `group`, `step`, `subtasksequence`, `property` (package), `sequence`, `variable` (global) or `reference`. */
  kind: string;
  /**
   * Step path in the second document (the first for removals), or the property / variable / package name; one object
   * of an object.xml's object array is `References[3]` (the third, counting from 1).
   */
  path: string;
  /**
   * For `changed`: what changed, e.g. `attribute continueOnError`, `variable SMSClientInstallProperties` (`#2` for the
   * second of one name), `variable X attribute hidden`, `condition`, `element <tag>`; for an array property, `values`,
   * `type`, `class`, or an object's property (`Package`), its type (`Package type`) or its schema data (`Package
   * attribute CLASSORIGIN`, `Package qualifier CIMTYPE`); for an object.xml property's schema data, `attribute
   * CLASSORIGIN` or `qualifier CIMTYPE` (path `(instance)` for the instance's own qualifiers).
   */
  field?: string;
  before?: string;
  after?: string;
  /** For `moved`: the path in the first document. */
  from?: string;
  /**
   * For `moved` to another group whose path is the same as the old one's (two groups of one name): the item's
   * position in the second document, as the index of each level from the top, from 1 (`2.1`: the first item of the
   * second), and {@link DiffEntry.fromPosition} its position in the first.
   */
  position?: string;
  /** For `moved` with {@link DiffEntry.position}: the position in the first document. */
  fromPosition?: string;
}

/**
 * A function giving each item's position (see {@link DiffEntry.position}): the index of each level from the top,
 * from 1. Ordinals are counted once for all items; the text is made only for the items asked about.
 */
function positions(items: Located[]): (l: Located) => string {
  const ordinal = new Map<SequenceItem, number>();
  const count = new Map<Node, number>();
  for (const l of items) {
    const n = (count.get(l.parent) ?? 0) + 1;
    count.set(l.parent, n);
    ordinal.set(l.node, n);
  }
  return (l) => [...l.groups, l.node].map((g) => ordinal.get(g) ?? '?').join('.');
}

function label(item: SequenceItem): string {
  return item.kind === 'group' ? 'group' : item.kind === 'subtasksequence' ? 'subtasksequence' : 'step';
}

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
function conditionText(condition: Condition, forPeople = false): string {
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
      if (c.kind === 'variable' && c.attributes.name !== undefined) params.push([c.attributes.name, xmlText(c), extra(c.attributes, 'name')]);
      else if (!forPeople && 'tag' in c) params.push(['', canonicalXml(c, xmlText), '']);
    }
    params.sort(([a, x, e], [b, y, f]) => order(a, b) || order(x, y) || order(e, f));
    // For people: the type as the console's summary names it, and values as written (a registry path keeps its
    // single backslashes); for comparing, every value quoted, so no two conditions read the same.
    const type = n.attributes.type ?? 'expression';
    const shownType = forPeople ? type.replace(/^SMS_TaskSequence_/, '').replace(/ConditionExpression$/, '') || 'expression' : type;
    return `${shownType}${extra(n.attributes, 'type')}(${params.map(([k, v, x]) => `${k}=${forPeople ? v : JSON.stringify(v)}${x}`).join(', ')})`;
  };
  // Each operand's text once its own operands have theirs: an operator is visited twice, first to queue its
  // operands above it on the stack, then, when they are done, to join their texts.
  const text = new Map<Node, string>();
  const todo: { node: Node; ready: boolean }[] = operandsOf(condition.children).map((node) => ({ node, ready: false }));
  for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
    const n = next.node;
    if (n.kind === 'expression') text.set(n, expressionText(n));
    else if (n.kind !== 'operator') text.set(n, canonicalXml(n, xmlText));
    else if (!next.ready) {
      todo.push({ node: n, ready: true });
      for (const c of operandsOf(n.children)) todo.push({ node: c, ready: false });
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

/** A value element (`<action>`, `<variable>`), also one the reader left generic because it holds markup. */
type ValueElement = Element & { attributes: Record<string, string> };

/**
 * Whether `n` is the value element `tag`: the model's own kind, or a generic element of that tag holding only
 * character data, comments and instructions (`<action>a<!-- x -->b</action>`), whose value is its character data.
 */
function isValueElement(n: Node, tag: 'action' | 'variable'): n is ValueElement {
  if (n.kind === tag) return true;
  return n.kind === 'element' && n.tag === tag && 'children' in n && n.children.every((c) => c.kind === 'text' || c.kind === 'cdata' || c.kind === 'comment' || c.kind === 'instruction');
}

/** A value element's value as XML defines it: its character data, comments and instructions left out. */
function valueText(n: ValueElement): string {
  if ('value' in n) return xmlText(n);
  let out = '';
  for (const c of 'children' in n ? n.children : []) if (c.kind === 'text' || c.kind === 'cdata') out += xmlText(c);
  return out;
}

/**
 * The variables among `nodes`, each by its name (its property when it has none) and, for the second and later of one
 * name, its place among them (`A #2`): one name may be written twice, and a change to either is a change.
 */
function namedVariables(nodes: Node[]): [string, ValueElement][] {
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
function unknownElements(nodes: Node[], covered: ReadonlySet<Node> = new Set()): [string, string][] {
  const seen = new Map<string, number>();
  const out: [string, string][] = [];
  for (const c of nodes) {
    if (!('tag' in c) || covered.has(c) || c.kind === 'step' || c.kind === 'group' || c.kind === 'subtasksequence') continue;
    const n = (seen.get(c.tag) ?? 0) + 1;
    seen.set(c.tag, n);
    out.push([`element ${c.tag}${n === 1 ? '' : ` #${n}`}`, canonicalXml(c, xmlText)]);
  }
  return out;
}

/** The comparable content of an item: everything but its children steps and whitespace. */
function fields(item: SequenceItem): Map<string, string> {
  const f = new Map<string, string>();
  // Attribute values are as XML defines them already: the reader normalised them (a `&#xD;` in one is a CR).
  for (const [k, v] of Object.entries(item.attributes)) f.set(`attribute ${k}`, v);
  const covered = new Set<Node>();
  if (item.kind !== 'group') {
    const action = item.children.find((c) => isValueElement(c, 'action'));
    if (action !== undefined) f.set('command line', valueText(action));
    if (action !== undefined) covered.add(action);
    for (const c of item.children) {
      if (c.kind !== 'variableList') continue;
      covered.add(c);
      for (const [key, v] of namedVariables(c.children)) setVariableFields(f, `variable ${key}`, v);
      for (const [key, text] of unknownElements(c.children.filter((v) => !isValueElement(v, 'variable')))) f.set(`${c.tag} ${key}`, text);
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

/**
 * A changed field as the report shows it: the condition in words, unless the words are the same on both sides (the
 * change is in what the summary leaves out), then every parameter, and if those read the same too (the change is in
 * an attribute or element no console writes), everything that was compared.
 */
function shown(field: string, item: SequenceItem, value: string, other: SequenceItem): string {
  if (field !== 'condition') return value;
  const condition = conditionOf(item) as Condition;
  const words = describeCondition(condition);
  const otherCondition = conditionOf(other);
  if (otherCondition === undefined || describeCondition(otherCondition) !== words) return words;
  const parameters = conditionText(condition, true);
  return conditionText(otherCondition, true) === parameters ? value : parameters;
}

function signature(item: SequenceItem): string {
  return JSON.stringify([...fields(item)].filter(([k]) => k !== 'attribute name'));
}

/**
 * The indexes in `b` of the longest run of keys that `a` holds in the same order. Keys are unique on each side (an
 * item's index in the old sequence), so that run is the longest increasing subsequence of the keys' places in `a`,
 * taken in `b`'s order: O(n log n). (A table of every pair of places took 3.4 GB and 24 s for 20,000 steps.)
 */
function inOrder(a: string[], b: string[]): Set<number> {
  const inA = new Map(a.map((key, i) => [key, i]));
  const pairs: [number, number][] = [];
  b.forEach((key, j) => {
    const i = inA.get(key);
    if (i !== undefined) pairs.push([i, j]);
  });
  pairs.sort((x, y) => x[0] - y[0]);
  return new Set(longestIncreasing(pairs).map(([, j]) => j));
}

/**
 * The package properties, line ends as LF. (Read through the document, which gives each as text: a CR written as
 * `&#13;` in one cannot be told from a line end here.)
 */
function packageProperties(doc: TaskSequenceDocument): Record<string, string> {
  const out = doc.properties();
  for (const [k, v] of Object.entries(out)) out[k] = lf(v);
  return out;
}

/**
 * Two object.xml files' scalar properties by CIM type (field `type`), and those that are null (no value, so not among
 * the values compared) added or removed.
 */
function comparePropertyTypes(a: TaskSequenceDocument, b: TaskSequenceDocument, out: DiffEntry[]): void {
  if (a.container !== 'cim-instance' || b.container !== 'cim-instance') return;
  const typesOf = (doc: TaskSequenceDocument) => {
    const root = doc.xml.children.find((c): c is Element => 'tag' in c);
    return root ? listPropertyTypes(doc.container, root) : {};
  };
  const [ta, tb, va, vb] = [typesOf(a), typesOf(b), a.properties(), b.properties()];
  for (const k of new Set([...Object.keys(ta), ...Object.keys(tb)])) {
    const x = Object.hasOwn(ta, k) ? ta[k] : undefined;
    const y = Object.hasOwn(tb, k) ? tb[k] : undefined;
    if (x !== undefined && y !== undefined && x !== y) out.push({ change: 'changed', kind: 'property', path: k, field: 'type', before: x, after: y });
    else if (x === undefined && y !== undefined && !Object.hasOwn(vb, k)) out.push({ change: 'added', kind: 'property', path: k, after: 'null' });
    else if (y === undefined && x !== undefined && !Object.hasOwn(va, k)) out.push({ change: 'removed', kind: 'property', path: k, before: 'null' });
  }
}

/** Values compared as given: each caller gives them as XML defines them. */
function compareMaps(kind: string, before: Record<string, string>, after: Record<string, string>, out: DiffEntry[]): void {
  // Own names only: a variable may be called toString or __proto__, which a plain object already has or ignores.
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = Object.hasOwn(before, k) ? before[k] : undefined;
    const b = Object.hasOwn(after, k) ? after[k] : undefined;
    if (a === b) continue;
    if (a === undefined) out.push({ change: 'added', kind, path: k, after: b as string });
    else if (b === undefined) out.push({ change: 'removed', kind, path: k, before: a });
    else out.push({ change: 'changed', kind, path: k, before: a, after: b });
  }
}

/** The global variables by name (`G #2` for the second of one name), each with its value and other attributes. */
function globals(doc: TaskSequenceDocument): Map<string, ValueElement> {
  const out = new Map<string, ValueElement>();
  for (const c of doc.sequence.children) if (c.kind === 'variableList') for (const [key, v] of namedVariables(c.children)) out.set(key, v);
  return out;
}

function compareGlobals(a: Map<string, ValueElement>, b: Map<string, ValueElement>, out: DiffEntry[]): void {
  const values = (m: Map<string, ValueElement>) => Object.fromEntries([...m].map(([k, v]) => [k, valueText(v)])) as Record<string, string>;
  compareMaps('variable', values(a), values(b), out);
  for (const [key, v] of b) {
    const before = a.get(key);
    if (before === undefined) continue;
    const attributes = (x: ValueElement) => Object.fromEntries(Object.entries(x.attributes).filter(([k]) => k !== 'name')) as Record<string, string>;
    for (const d of compareAttributes(attributes(before), attributes(v))) out.push({ change: 'changed', kind: 'variable', path: key, ...d });
  }
}

/** One reference of the `<referenceList>`: the name it goes by in the report, and the attributes compared. */
interface ReferenceEntry {
  path: string;
  attributes: Record<string, string>;
}

/**
 * The references of the `<referenceList>`, packages and applications, keyed by the package ID or application ID they
 * name (`#2` for the second reference to one, which may say another program), with all their attributes compared.
 * ConfigMgr's package IDs and application IDs are not case-sensitive (the site's database compares them without
 * case, and the model's own look-ups, such as addReference's, take `rsc00237` for `RSC00237`), so a reference is keyed
 * by its ID in upper case: respelling an ID is the same reference, with the `package` or `application` attribute
 * changed, not one reference removed and another added. It is still a change, since an Install Package list value
 * with a lower-case ID fails.
 */
function references(doc: TaskSequenceDocument): Map<string, ReferenceEntry> {
  const out = new Map<string, ReferenceEntry>();
  const seen = new Map<string, number>();
  for (const c of referenceList(doc.sequence)?.children ?? []) {
    if (c.kind !== 'reference') continue;
    const { package: pkg, application } = c.attributes;
    const id = pkg ?? application ?? '(no package or application)';
    const key = pkg !== undefined || application !== undefined ? id.toUpperCase() : id;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const rest: Record<string, string> = Object.create(null) as Record<string, string>;
    // The ID stays among the attributes compared: the key hides only a difference of case, which is kept.
    for (const [k, v] of Object.entries(c.attributes)) rest[k] = v;
    out.set(n === 1 ? key : `${key} #${n}`, { path: n === 1 ? id : `${id} #${n}`, attributes: rest });
  }
  return out;
}

/** The attributes that differ between two sets, each as a `field` with its value before and after. */
function compareAttributes(before: Record<string, string>, after: Record<string, string>): Pick<DiffEntry, 'field' | 'before' | 'after'>[] {
  const out: Pick<DiffEntry, 'field' | 'before' | 'after'>[] = [];
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const x = Object.hasOwn(before, k) ? before[k] : undefined;
    const y = Object.hasOwn(after, k) ? after[k] : undefined;
    if (x !== y) out.push({ field: `attribute ${k}`, ...(x !== undefined ? { before: x } : {}), ...(y !== undefined ? { after: y } : {}) });
  }
  return out;
}

/** The differences between two documents, in the order of the second (removals last). */
export function diffTaskSequences(a: TaskSequenceDocument, b: TaskSequenceDocument): DiffEntry[] {
  return diffWithPlaces(a, b).entries;
}

/** What {@link diffWithPlaces} gives. */
export interface DiffWithPlaces {
  entries: DiffEntry[];
  /** For each entry about an item, its index in execution order (see {@link diffWithPlaces}). */
  places: (number | undefined)[];
  /** For each item of the first document, in execution order, the index of the item of the second it became. */
  matched: (number | undefined)[];
}

/**
 * {@link diffTaskSequences}, with the item each entry is about: `places[k]` is, for the k-th entry about a step,
 * group or sub task sequence, its index among the items of the second document in execution order (of the first,
 * for a removal); undefined for the other entries. Paths repeat when names do, so a page marks items by place.
 */
export function diffWithPlaces(a: TaskSequenceDocument, b: TaskSequenceDocument): DiffWithPlaces {
  const out: DiffEntry[] = [];
  const places: (number | undefined)[] = [];
  compareMaps('property', packageProperties(a), packageProperties(b), out);
  comparePropertyTypes(a, b, out);
  out.push(...comparePackageArrays(a, b));
  out.push(...compareCimSchema(a, b));
  compareMaps('sequence', a.sequence.attributes, b.sequence.attributes, out);
  compareGlobals(globals(a), globals(b), out);
  const sequenceElements = (doc: TaskSequenceDocument) => {
    // The globalVarList and the referenceList have entries of their own; anything else is compared as it is.
    const covered = new Set<Node>(doc.sequence.children.filter((c) => c.kind === 'variableList'));
    const refs = referenceList(doc.sequence);
    if (refs) covered.add(refs);
    const out = Object.fromEntries(unknownElements(doc.sequence.children, covered)) as Record<string, string>;
    // What a globalVarList holds that is no variable (one holding an element, say) is compared as it is, as a step's.
    for (const c of doc.sequence.children) {
      if (c.kind !== 'variableList') continue;
      for (const [key, text] of unknownElements(c.children.filter((v) => !isValueElement(v, 'variable')))) out[`${c.tag} ${key}`] = text;
    }
    return out;
  };
  compareMaps('sequence', sequenceElements(a), sequenceElements(b), out);
  const refsA = references(a);
  const refsB = references(b);
  for (const [key, r] of refsB) {
    const before = refsA.get(key);
    if (before === undefined) out.push({ change: 'added', kind: 'reference', path: r.path });
    else for (const d of compareAttributes(before.attributes, r.attributes)) out.push({ change: 'changed', kind: 'reference', path: r.path, ...d });
  }
  for (const [key, r] of refsA) if (!refsB.has(key)) out.push({ change: 'removed', kind: 'reference', path: r.path });

  const left = listItems(a.sequence);
  const right = listItems(b.sequence);
  // A group is known by its match, not its name: two groups may share a name (a step moved between them is a move),
  // and a renamed group keeps its steps.
  const located = new Map<SequenceItem, Located>();
  for (const l of left) located.set(l.node, l);
  for (const r of right) located.set(r.node, r);
  // The group an item sits in (undefined at the top).
  const parentOf = (l: Located): Located | undefined => (l.parent.kind === 'group' ? located.get(l.parent) : undefined);
  const match = new Map<Located, Located>();
  const taken = new Set<Located>();
  // Each key's left items in order, and how many of them are taken: items that share a key (twenty "Restart
  // Computer" steps in one group) cost one push and one step forward each, not a copy or shift of the list.
  // A key of undefined leaves the item to a later pass.
  const pass = (key: (l: Located) => string | undefined): void => {
    const pool = new Map<string, { items: Located[]; next: number }>();
    for (const l of left) {
      if (match.has(l)) continue;
      const k = key(l);
      if (k === undefined) continue;
      const entry = pool.get(k);
      if (entry) entry.items.push(l);
      else pool.set(k, { items: [l], next: 0 });
    }
    for (const r of right) {
      if (taken.has(r)) continue;
      const k = key(r);
      const entry = k === undefined ? undefined : pool.get(k);
      const l = entry?.items[entry.next];
      if (entry && l) {
        entry.next++;
        match.set(l, r);
        taken.add(r);
      }
    }
  };
  // Same place and same content first: among items that share a path (twenty "Restart Computer" steps in one
  // group), one inserted or removed is then that one added or removed, not a change to each after it.
  pass((l) => `${l.node.kind}|${l.node.attributes.type ?? ''}|${l.path}|${signature(l.node)}`);
  pass((l) => `${l.node.kind}|${l.node.attributes.type ?? ''}|${l.path}`);
  pass((l) => `${l.node.kind}|${l.node.attributes.type ?? ''}|${l.node.attributes.name ?? ''}`);
  // A group neither its path nor its name matched (renamed, and perhaps a group before it removed) is the group most
  // of its items went to, if that one is unmatched too. By its attributes alone, which most groups share, it was
  // paired with whichever unmatched group came first (a removed one's neighbour), and all its steps moved. Innermost
  // first, so that a renamed group inside counts for the group around it.
  for (let i = left.length - 1; i >= 0; i--) {
    const l = left[i] as Located;
    if (l.node.kind !== 'group' || match.has(l)) continue;
    const votes = new Map<Located, number>();
    let best: Located | undefined;
    for (const c of l.node.children) {
      const item = located.get(c as SequenceItem);
      const r = item && match.get(item);
      const went = r && parentOf(r);
      if (went === undefined || taken.has(went)) continue;
      const n = (votes.get(went) ?? 0) + 1;
      votes.set(went, n);
      if (best === undefined || n > (votes.get(best) as number)) best = went;
    }
    if (best === undefined) continue;
    match.set(l, best);
    taken.add(best);
  }
  // Last, by content. A group holding items none of which is matched is not matched by its attributes: a group
  // removed and another added are that, not one group renamed whose steps all changed.
  const holdsOnlyUnmatched = (g: Located) =>
    g.node.kind === 'group' && g.node.children.some((c) => located.has(c as SequenceItem)) && g.node.children.every((c) => {
      const item = located.get(c as SequenceItem);
      return item === undefined || !(match.has(item) || taken.has(item));
    });
  pass((l) => (holdsOnlyUnmatched(l) ? undefined : `${l.node.kind}|${signature(l.node)}`));

  const rightOf = new Map([...match].map(([l, r]) => [r, l]));
  // Moves: into another group, or out of order among the matched siblings. On the left, the right group an item's
  // group became (null if it is gone, so nothing on the right has it as its parent).
  const leftParentOnRight = (l: Located): Located | undefined | null => {
    const p = parentOf(l);
    return p === undefined ? undefined : (match.get(p) ?? null);
  };
  const byParent = new Map<Located | undefined, Located[]>();
  for (const r of right) {
    if (!rightOf.has(r)) continue;
    const list = byParent.get(parentOf(r));
    if (list) list.push(r);
    else byParent.set(parentOf(r), [r]);
  }
  const leftByParent = new Map<Located | undefined, Located[]>();
  for (const l of left) {
    const r = match.get(l);
    if (r === undefined || leftParentOnRight(l) !== parentOf(r)) continue;
    const list = leftByParent.get(parentOf(r));
    if (list) list.push(l);
    else leftByParent.set(parentOf(r), [l]);
  }
  const leftIndex = new Map(left.map((l, i) => [l, i]));
  const moved = new Set<Located>();
  for (const [parent, rs] of byParent) {
    const ls = leftByParent.get(parent) ?? [];
    const keyOf = (l: Located) => String(leftIndex.get(l));
    const keep = inOrder(
      ls.map(keyOf),
      rs.map((r) => keyOf(rightOf.get(r) as Located)),
    );
    rs.forEach((r, i) => {
      const l = rightOf.get(r) as Located;
      if (leftParentOnRight(l) !== parent || !keep.has(i)) moved.add(r);
    });
  }
  // Every entry so far is about no item.
  places.length = out.length;
  let leftPosition: ((l: Located) => string) | undefined;
  let rightPosition: ((l: Located) => string) | undefined;
  right.forEach((r, place) => {
    const l = rightOf.get(r);
    const kind = label(r.node);
    if (!l) {
      out.push({ change: 'added', kind, path: r.path, after: r.node.kind === 'step' ? stepTypeName(r.node.attributes.type) : kind });
      places.push(place);
      return;
    }
    if (moved.has(r)) {
      // Into another group of the same path: the paths cannot tell where it went, the positions can.
      const regrouped = l.path === r.path && leftParentOnRight(l) !== parentOf(r);
      out.push({ change: 'moved', kind, path: r.path, from: l.path, ...(regrouped ? { position: (rightPosition ??= positions(right))(r), fromPosition: (leftPosition ??= positions(left))(l) } : {}) });
      places.push(place);
    }
    const fa = fields(l.node);
    const fb = fields(r.node);
    for (const k of new Set([...fa.keys(), ...fb.keys()])) {
      if (fa.get(k) === fb.get(k)) continue;
      out.push({
        change: 'changed',
        kind,
        path: r.path,
        field: k,
        ...(fa.has(k) ? { before: shown(k, l.node, fa.get(k) as string, r.node) } : {}),
        ...(fb.has(k) ? { after: shown(k, r.node, fb.get(k) as string, l.node) } : {}),
      });
      places.push(place);
    }
  });
  left.forEach((l, place) => {
    if (match.has(l)) return;
    out.push({ change: 'removed', kind: label(l.node), path: l.path, before: l.node.kind === 'step' ? stepTypeName(l.node.attributes.type) : label(l.node) });
    places.push(place);
  });
  const rightIndex = new Map(right.map((r, i) => [r, i]));
  const matched = left.map((l) => {
    const r = match.get(l);
    return r === undefined ? undefined : rightIndex.get(r);
  });
  return { entries: out, places, matched };
}

/**
 * How a `moved` entry moved, in words: from its old path, within its group, or, between two groups of one path,
 * from its old position to its new one.
 */
export function movedHow(d: DiffEntry): string {
  if (d.position !== undefined) return `moved to another group of the same name: from item ${d.fromPosition ?? '?'} to item ${d.position}`;
  return d.from === d.path ? 'moved within its group' : `moved from ${d.from ?? '?'}`;
}

/** A difference as one line for people. */
export function formatDiffEntry(d: DiffEntry): string {
  const q = (s: string | undefined) => (s === undefined ? '(none)' : JSON.stringify(s));
  switch (d.change) {
    case 'added':
      return `+ ${d.kind} ${d.path}${d.after !== undefined && d.kind !== 'reference' ? ` (${d.kind === 'step' ? d.after : q(d.after)})` : ''}`;
    case 'removed':
      return `- ${d.kind} ${d.path}${d.before !== undefined && d.kind !== 'reference' ? ` (${d.kind === 'step' ? d.before : q(d.before)})` : ''}`;
    case 'moved':
      return `> ${d.kind} ${d.path} (${movedHow(d)})`;
    case 'changed':
      return `~ ${d.kind} ${d.path}${d.field ? ` ${d.field}` : ''}: ${q(d.before)} → ${q(d.after)}`;
  }
}
