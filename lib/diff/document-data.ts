/**
 * The semantic diff of what two task sequences hold outside their steps and groups: package properties (arrays too,
 * and an object.xml's qualifiers and property attributes), sequence attributes and elements, global variables and
 * references. Apart from the items' diff, which matches items to items; these are compared by name.
 */
import { listPropertyTypes } from '../containers/index.js';
import type { TaskSequenceDocument } from '../document.js';
import { referenceList } from '../model/mutate.js';
import type { Element, Node } from '../model/types.js';
import { compareCimSchema } from './cim-schema.js';
import type { DiffEntry, DiffKind } from './diff-entry.js';
import { namedVariables, unknownElements, type ValueElement, valueText, variableListElements } from './item-fields.js';
import { comparePackageArrays } from './package-arrays.js';
import { appendAll } from '../arrays.js';

/**
 * The differences between two documents outside their items, in this order: package properties, their types, package
 * arrays, an object.xml's schema data, sequence attributes, global variables, sequence elements, references.
 */
export function compareDocumentData(a: TaskSequenceDocument, b: TaskSequenceDocument, out: DiffEntry[]): void {
  compareMaps('property', a.properties(), b.properties(), out);
  comparePropertyTypes(a, b, out);
  appendAll(out, comparePackageArrays(a, b));
  appendAll(out, compareCimSchema(a, b));
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
      for (const [key, text] of variableListElements(c.children)) out[`${c.tag} ${key}`] = text;
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
function compareMaps(kind: DiffKind, before: Record<string, string>, after: Record<string, string>, out: DiffEntry[]): void {
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
