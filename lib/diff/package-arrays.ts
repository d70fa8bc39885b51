/**
 * The semantic diff of an object.xml's array properties (`SecuredScopeNames`, `References`, …): a value array by its
 * type and values, an object array object by object (matched by content, so an object added in the middle is one
 * entry, not a change to every object after it), each object's properties and their types as fields.
 */
import { type CimArray, type CimObject, readCimArrays } from '../containers/cim-arrays.js';
import { type CimPropertySchema, qualifierElements, schemaAttributes, schemaQualifiers } from '../containers/cim-schema.js';
import type { TaskSequenceDocument } from '../document.js';
import type { Element } from '../model/types.js';
import { canonicalXml } from './canonical-xml.js';
import { longestIncreasing } from './longest-increasing.js';

/** One difference, as {@link DiffEntry} of `diff-entry.ts` has it (kind `property`). */
export interface ArrayDiff {
  change: 'added' | 'removed' | 'changed';
  kind: 'property';
  /** The array property's name; one object of an object array is `References[3]` (the third, counting from 1). */
  path: string;
  /**
   * `type`, `values`, `class`, an object's property (`Package`), its type (`Package type`) or its schema data
   * (`Package attribute CLASSORIGIN`, `Package qualifier CIMTYPE`).
   */
  field?: string;
  before?: string;
  after?: string;
}

/** An object with every property's type resolved, line ends as LF: what two objects are compared by. */
interface Resolved {
  class: string;
  properties: Record<string, string | null | string[]>;
  types: Record<string, string>;
  /** Each property's schema data as fields (`attribute CLASSORIGIN`, `qualifier CIMTYPE`) → text. */
  schema: Record<string, Record<string, string>>;
}

/** A property's schema data as fields: each attribute's value, each qualifier's canonical XML. */
function schemaFields(s: CimPropertySchema): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of schemaAttributes(s)) out[`attribute ${k}`] = v;
  for (const q of qualifierElements(schemaQualifiers(s))) out[`qualifier ${q.attributes.NAME ?? ''}`] = canonicalXml(q);
  return out;
}

function resolve(a: CimArray, o: CimObject): Resolved {
  const properties: Resolved['properties'] = {};
  const types: Record<string, string> = {};
  const schema: Record<string, Record<string, string>> = {};
  for (const [k, v] of Object.entries(o.properties)) {
    properties[k] = v;
    const own = o.types && Object.hasOwn(o.types, k) ? o.types[k] : undefined;
    types[k] = own ?? (a.types && Object.hasOwn(a.types, k) ? (a.types[k] as string) : 'string');
    const ownSchema = o.schema && Object.hasOwn(o.schema, k) ? o.schema[k] : undefined;
    schema[k] = schemaFields(ownSchema ?? (a.schema && Object.hasOwn(a.schema, k) ? (a.schema[k] as CimPropertySchema) : {}));
  }
  return { class: o.class ?? a.class ?? '', properties, types, schema };
}

/** Each array property by name: its data, or, when the data cannot say all of it, its canonical XML. */
function arraysOf(doc: TaskSequenceDocument): Map<string, CimArray | string> {
  const out = new Map<string, CimArray | string>();
  if (doc.container !== 'cim-instance') return out;
  const root = doc.xml.children.find((c): c is Element => 'tag' in c);
  const seen = new Map<string, number>();
  for (const read of root ? readCimArrays(root) : []) {
    // A second property of one name (which a valid instance does not have) is `Name #2`, as for variables.
    const n = (seen.get(read.name) ?? 0) + 1;
    seen.set(read.name, n);
    const name = n === 1 ? read.name : `${read.name} #${n}`;
    out.set(name, 'array' in read ? read.array : canonicalXml(read.element));
  }
  return out;
}

const show = (v: string | null | string[] | undefined): string | undefined => (v === undefined ? undefined : v === null ? 'null' : typeof v === 'string' ? v : JSON.stringify(v));
const described = (a: CimArray | string): string => (typeof a === 'string' ? a : JSON.stringify(a));

function compareObjects(path: string, x: Resolved, y: Resolved, out: ArrayDiff[]): void {
  const field = (f: string, b: string | undefined, a: string | undefined) => out.push({ change: 'changed', kind: 'property', path, field: f, ...(b !== undefined ? { before: b } : {}), ...(a !== undefined ? { after: a } : {}) });
  if (x.class !== y.class) field('class', x.class, y.class);
  for (const k of new Set([...Object.keys(x.properties), ...Object.keys(y.properties)])) {
    const b = Object.hasOwn(x.properties, k) ? show(x.properties[k]) : undefined;
    const a = Object.hasOwn(y.properties, k) ? show(y.properties[k]) : undefined;
    if (b !== a) field(k, b, a);
    const tb = Object.hasOwn(x.types, k) ? x.types[k] : undefined;
    const ta = Object.hasOwn(y.types, k) ? y.types[k] : undefined;
    if (tb !== undefined && ta !== undefined && tb !== ta) field(`${k} type`, tb, ta);
    // The schema data of a property both objects have (one only one has is its value's change already).
    const sb = Object.hasOwn(x.schema, k) ? x.schema[k] : undefined;
    const sa = Object.hasOwn(y.schema, k) ? y.schema[k] : undefined;
    if (sb === undefined || sa === undefined) continue;
    for (const f of new Set([...Object.keys(sb), ...Object.keys(sa)])) {
      const fb = Object.hasOwn(sb, f) ? sb[f] : undefined;
      const fa = Object.hasOwn(sa, f) ? sa[f] : undefined;
      if (fb !== fa) field(`${k} ${f}`, fb, fa);
    }
  }
}

/**
 * The objects of two object arrays aligned: those equal on both sides in the longest run that keeps their order are
 * the same object; between two of those, the others are paired in order as changed, and the rest added or removed.
 */
function compareObjectArrays(name: string, a: CimArray, b: CimArray, out: ArrayDiff[]): void {
  const xs = (a.objects ?? []).map((o) => resolve(a, o));
  const ys = (b.objects ?? []).map((o) => resolve(b, o));
  const kx = xs.map((o) => JSON.stringify(o));
  const ky = ys.map((o) => JSON.stringify(o));
  const places = new Map<string, number[]>();
  kx.forEach((k, i) => {
    const list = places.get(k);
    if (list) list.push(i);
    else places.set(k, [i]);
  });
  const pairs: [number, number][] = [];
  const used = new Map<string, number>();
  ky.forEach((k, j) => {
    const list = places.get(k);
    const n = used.get(k) ?? 0;
    if (list && n < list.length) {
      pairs.push([list[n] as number, j]);
      used.set(k, n + 1);
    }
  });
  pairs.sort((p, q) => p[0] - q[0]);
  const anchors = [...longestIncreasing(pairs), [xs.length, ys.length] as [number, number]];
  let i = 0;
  let j = 0;
  for (const [ai, aj] of anchors) {
    for (; i < ai && j < aj; i++, j++) compareObjects(`${name}[${j + 1}]`, xs[i] as Resolved, ys[j] as Resolved, out);
    for (; j < aj; j++) out.push({ change: 'added', kind: 'property', path: `${name}[${j + 1}]`, after: JSON.stringify((ys[j] as Resolved).properties) });
    for (; i < ai; i++) out.push({ change: 'removed', kind: 'property', path: `${name}[${i + 1}]`, before: JSON.stringify((xs[i] as Resolved).properties) });
    i = ai + 1;
    j = aj + 1;
  }
}

/** The differences between two documents' array properties (none unless both are object.xml files with some). */
export function comparePackageArrays(da: TaskSequenceDocument, db: TaskSequenceDocument): ArrayDiff[] {
  const out: ArrayDiff[] = [];
  const left = arraysOf(da);
  const right = arraysOf(db);
  for (const [name, b] of right) {
    const a = left.get(name);
    if (a === undefined) {
      out.push({ change: 'added', kind: 'property', path: name, after: described(b) });
      continue;
    }
    if (typeof a === 'string' || typeof b === 'string' || (a.type === undefined) !== (b.type === undefined)) {
      if (described(a) !== described(b)) out.push({ change: 'changed', kind: 'property', path: name, before: described(a), after: described(b) });
      continue;
    }
    if (a.type !== undefined) {
      if (a.type !== b.type) out.push({ change: 'changed', kind: 'property', path: name, field: 'type', before: a.type, after: b.type as string });
      const va = show(a.values ?? null) as string;
      const vb = show(b.values ?? null) as string;
      if (va !== vb) out.push({ change: 'changed', kind: 'property', path: name, field: 'values', before: va, after: vb });
      continue;
    }
    if (a.class !== b.class) out.push({ change: 'changed', kind: 'property', path: name, field: 'class', before: a.class as string, after: b.class as string });
    if ((a.objects === undefined) !== (b.objects === undefined)) {
      out.push({ change: 'changed', kind: 'property', path: name, field: 'objects', before: a.objects ? `${a.objects.length} objects` : 'null', after: b.objects ? `${b.objects.length} objects` : 'null' });
    }
    compareObjectArrays(name, a, b, out);
  }
  for (const [name, a] of left) if (!right.has(name)) out.push({ change: 'removed', kind: 'property', path: name, before: described(a) });
  return out;
}
