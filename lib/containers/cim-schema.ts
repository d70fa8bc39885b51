/**
 * The schema data a Current Branch object.xml repeats from its class: the `<INSTANCE>`'s own qualifiers (`dynamic`,
 * `SecurityVerbs`), and on each property the attributes besides its name, type and reference class (`CLASSORIGIN`,
 * `PROPAGATED`, …) and its qualifiers (`CIMTYPE`, `key`, …), as plain data and back. Whoever carries an object.xml by
 * its values alone (the text form) carries these too, so that the file built back says what the export said; what
 * the data has no place for (a qualifier after a property's value, a second qualifier of one name, a qualifier
 * holding more than text) is described instead, for the caller to refuse.
 */
import { isElement } from '../model/query.js';
import type { Element, Node } from '../model/types.js';
import { elementText } from '../model/variables.js';
import { isXmlName } from '../xml/chars.js';

/**
 * A `<QUALIFIER>`: its attributes besides `NAME` (`TYPE`, `PROPAGATED`, the flavors such as `TOINSTANCE`), in order,
 * and under `value` its `<VALUE>`'s text or its `<VALUE.ARRAY>`'s values; no `value` when it has neither.
 */
export type CimQualifier = Record<string, string | string[]>;

/**
 * The schema data of one property: its attributes besides `NAME`, `TYPE` and `REFERENCECLASS` (which the values'
 * data says), in order, and under `qualifiers` its qualifiers by name, in order.
 */
export type CimPropertySchema = Record<string, string | Record<string, CimQualifier>>;

/** An object.xml's schema data: the instance's qualifiers and each property's, both in file order. */
export interface CimInstanceSchema {
  qualifiers: Record<string, CimQualifier>;
  /** Every property (the Sequence, null and array ones too) in file order, each with its schema data (maybe none). */
  properties: Record<string, CimPropertySchema>;
}

/** A CIM name that is safe as a key of plain data: no `__proto__`, and not a number (which objects reorder). */
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A name that plain objects list before all others, whatever its place: an array index. */
const INDEX = /^(?:0|[1-9][0-9]*)$/;

/** Whether `s` is a CIM name the data can use as a key. */
export const isCimName = (s: string | undefined): s is string => s !== undefined && NAME.test(s) && s !== '__proto__';

/** Whether `s` can be an attribute name in the data: an XML name that a plain object keeps as its own key. */
const isAttributeName = (s: string): boolean => isXmlName(s) && s !== '__proto__';

/** The key of a qualifier's value, and of a property's qualifiers, among their attributes. */
const VALUE_KEY = 'value';
const QUALIFIERS_KEY = 'qualifiers';

/** Sets `out[name]` as an own property (the names are checked, but an object's key is never a setter). */
function put<T>(out: Record<string, T>, name: string, value: NoInfer<T>): void {
  Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
}

/** The child elements of `el`, or a description of its first child that is neither an element nor layout. */
export function elementsOf(el: Element): Element[] | string {
  if (!('children' in el)) return [];
  const out: Element[] = [];
  for (const c of el.children) {
    if (isElement(c)) out.push(c);
    else if (c.kind !== 'text' || c.value.trim() !== '') return `${c.kind === 'text' ? 'text' : `a ${c.kind}`} in <${el.tag}>`;
  }
  return out;
}

/** A `<VALUE>`'s text, or a description of what else it holds. */
export function valueOf(el: Element): string | { uncarried: string } {
  if ('children' in el && el.children.some((c: Node) => c.kind !== 'text' && c.kind !== 'cdata')) return { uncarried: `what a <VALUE> holds besides text` };
  return elementText(el);
}

/** A `VALUE.ARRAY`'s values, or a description of what else it holds. */
export function arrayValues(el: Element): string[] | string {
  const kids = elementsOf(el);
  if (typeof kids === 'string') return kids;
  const out: string[] = [];
  for (const k of kids) {
    if (k.tag !== 'VALUE') return `the element <${k.tag}> in <VALUE.ARRAY>`;
    const v = valueOf(k);
    if (typeof v !== 'string') return v.uncarried;
    out.push(v);
  }
  return out;
}

/** One `<QUALIFIER>` as its name and data, or a description of what the data cannot say. */
function readQualifier(q: Element): [string, CimQualifier] | string {
  const name = q.attributes.NAME;
  if (!isCimName(name)) return `a <QUALIFIER> named ${JSON.stringify(name ?? '')}`;
  const out: CimQualifier = {};
  for (const [k, v] of Object.entries(q.attributes)) {
    if (k === 'NAME') continue;
    if (k === VALUE_KEY || !isAttributeName(k)) return `the attribute ${k} of the qualifier ${name}`;
    put(out, k, v);
  }
  const kids = elementsOf(q);
  if (typeof kids === 'string') return `${kids} (qualifier ${name})`;
  if (kids.length > 1) return `a qualifier ${name} that holds ${kids.length} elements`;
  const [content] = kids;
  if (content === undefined) return [name, out];
  if (content.tag === 'VALUE') {
    const v = valueOf(content);
    if (typeof v !== 'string') return `${v.uncarried} (qualifier ${name})`;
    put(out, VALUE_KEY, v);
  } else if (content.tag === 'VALUE.ARRAY') {
    const v = arrayValues(content);
    if (typeof v === 'string') return `${v} (qualifier ${name})`;
    put(out, VALUE_KEY, v);
  } else return `the element <${content.tag}> in the qualifier ${name}`;
  return [name, out];
}

/** Leading `<QUALIFIER>`s of `kids` by name, and the elements after them; or a description of what cannot be said. */
function qualifiersOf(kids: Element[], where: string): { qualifiers: Record<string, CimQualifier>; rest: Element[] } | string {
  const qualifiers: Record<string, CimQualifier> = {};
  let i = 0;
  for (; i < kids.length && (kids[i] as Element).tag === 'QUALIFIER'; i++) {
    const read = readQualifier(kids[i] as Element);
    if (typeof read === 'string') return `${read} in ${where}`;
    if (Object.hasOwn(qualifiers, read[0])) return `a second qualifier ${read[0]} in ${where}`;
    put(qualifiers, read[0], read[1]);
  }
  const rest = kids.slice(i);
  // The data writes a qualifier before what it qualifies, as CIM-XML has it; one written after would move.
  if (rest.some((k) => k.tag === 'QUALIFIER')) return `a qualifier after the ${where === '<INSTANCE>' ? 'properties' : 'value'} of ${where}`;
  return { qualifiers, rest };
}

/**
 * A property's schema data (see {@link CimPropertySchema}) and its elements after its qualifiers (its value), or a
 * description of what the data cannot say. `own` names the attributes the values' data says besides `NAME`.
 */
export function readPropertySchema(el: Element, own: readonly string[]): { schema: CimPropertySchema; content: Element[] } | string {
  const name = el.attributes.NAME ?? '';
  const schema: CimPropertySchema = {};
  for (const [k, v] of Object.entries(el.attributes)) {
    if (k === 'NAME' || own.includes(k)) continue;
    if (k === QUALIFIERS_KEY || !isAttributeName(k)) return `the attribute ${k} of the property ${name}`;
    put(schema, k, v);
  }
  const kids = elementsOf(el);
  if (typeof kids === 'string') return `${kids} (property ${name})`;
  const parts = qualifiersOf(kids, `the property ${name}`);
  if (typeof parts === 'string') return parts;
  if (Object.keys(parts.qualifiers).length > 0) put(schema, QUALIFIERS_KEY, parts.qualifiers);
  return { schema, content: parts.rest };
}

/** The attributes the values' data says of a top-level property, besides its name. */
function ownAttributes(el: Element): string[] {
  return el.tag === 'PROPERTY.OBJECTARRAY' ? ['REFERENCECLASS'] : ['TYPE'];
}

/**
 * An object.xml `<INSTANCE>`'s schema data, or the first thing in it the data cannot say, with its node. The values
 * themselves are read elsewhere (`listProperties`, `cim-arrays.ts`); what else the instance holds is `uncarried.ts`'s.
 */
export function readInstanceSchema(root: Element): CimInstanceSchema | { uncarried: string; node: Node } {
  const kids = elementsOf(root);
  // Markup between the properties is described by uncarriedContainer; here only the elements matter.
  const elements = typeof kids === 'string' ? ('children' in root ? root.children.filter(isElement) : []) : kids;
  const parts = qualifiersOf(elements, '<INSTANCE>');
  if (typeof parts === 'string') return { uncarried: parts, node: root };
  const properties: Record<string, CimPropertySchema> = {};
  for (const el of parts.rest) {
    if (el.tag !== 'PROPERTY' && el.tag !== 'PROPERTY.ARRAY' && el.tag !== 'PROPERTY.OBJECTARRAY') continue;
    const name = el.attributes.NAME;
    // Any name the values' data keeps (a 2007-style __proto__ too), but one a plain object would move to the front.
    if (name === undefined || name === '' || INDEX.test(name)) return { uncarried: `a <${el.tag}> named ${JSON.stringify(name ?? '')}`, node: el };
    if (Object.hasOwn(properties, name)) return { uncarried: `a second property ${name}`, node: el };
    // The builder writes the Sequence property as a string (as any scalar property that says no type): another type
    // would be lost.
    if (name === 'Sequence' && (el.tag !== 'PROPERTY' || (el.attributes.TYPE ?? 'string') !== 'string')) return { uncarried: `the Sequence property as a <${el.tag}> of type ${el.attributes.TYPE ?? '(none)'}`, node: el };
    const read = readPropertySchema(el, ownAttributes(el));
    if (typeof read === 'string') return { uncarried: read, node: el };
    put(properties, name, read.schema);
  }
  return { qualifiers: parts.qualifiers, properties };
}

/** The attributes of a property's schema data, in order. */
export function schemaAttributes(schema: CimPropertySchema): [string, string][] {
  return Object.entries(schema).filter((e): e is [string, string] => e[0] !== QUALIFIERS_KEY && typeof e[1] === 'string');
}

/** The qualifiers of a property's schema data, by name in order. */
export function schemaQualifiers(schema: CimPropertySchema): Record<string, CimQualifier> {
  const q = Object.hasOwn(schema, QUALIFIERS_KEY) ? schema[QUALIFIERS_KEY] : undefined;
  return typeof q === 'object' ? q : {};
}

const element = (tag: string, attributes: Record<string, string>, children: Node[]): Element => ({ kind: 'element', tag, attributes, children });
const valueElement = (v: string): Element => element('VALUE', {}, v === '' ? [] : [{ kind: 'text', value: v }]);

/** The `<QUALIFIER>` elements of qualifiers by name (unlaid: the caller lays them out where they go). */
export function qualifierElements(qualifiers: Record<string, CimQualifier>): Element[] {
  return Object.entries(qualifiers).map(([name, q]) => {
    const attributes: Record<string, string> = { NAME: name };
    for (const [k, v] of Object.entries(q)) if (k !== VALUE_KEY && typeof v === 'string') attributes[k] = v;
    const value = Object.hasOwn(q, VALUE_KEY) ? q[VALUE_KEY] : undefined;
    const children = value === undefined ? [] : [Array.isArray(value) ? element('VALUE.ARRAY', {}, value.map(valueElement)) : valueElement(value)];
    return element('QUALIFIER', attributes, children);
  });
}

/**
 * A property element's attributes with its schema data's: `NAME` first, then the schema's, then the rest (`TYPE`,
 * `REFERENCECLASS`), the order a ConfigMgr export writes them in.
 */
export function withSchemaAttributes(attributes: Record<string, string>, schema: CimPropertySchema): Record<string, string> {
  const out: Record<string, string> = {};
  if (attributes.NAME !== undefined) out.NAME = attributes.NAME;
  for (const [k, v] of schemaAttributes(schema)) out[k] = v;
  for (const [k, v] of Object.entries(attributes)) if (k !== 'NAME') out[k] = v;
  return out;
}

/**
 * What in schema data cannot be written as CIM-XML (an attribute name that is not an XML name or is said elsewhere,
 * a qualifier name that is not a CIM name), with where, from `path`.
 */
export function propertySchemaProblem(schema: CimPropertySchema, path: (string | number)[]): { path: (string | number)[]; what: string } | undefined {
  for (const [k, v] of Object.entries(schema)) {
    if (k === QUALIFIERS_KEY) {
      if (typeof v !== 'object') return { path: [...path, k], what: 'qualifiers is a mapping of qualifiers by name' };
      const problem = qualifiersProblem(v, [...path, k]);
      if (problem) return problem;
      continue;
    }
    if (typeof v !== 'string') return { path: [...path, k], what: `the attribute ${k} is text (only qualifiers is a mapping)` };
    if (!isAttributeName(k) || k === 'NAME' || k === 'TYPE' || k === 'REFERENCECLASS') return { path: [...path, k], what: `${JSON.stringify(k)} cannot be written as a schema attribute of a property (NAME, TYPE and REFERENCECLASS are said elsewhere)` };
  }
  return undefined;
}

/** What in qualifiers by name cannot be written as CIM-XML, with where, from `path`. */
export function qualifiersProblem(qualifiers: Record<string, CimQualifier>, path: (string | number)[]): { path: (string | number)[]; what: string } | undefined {
  for (const [name, q] of Object.entries(qualifiers)) {
    if (!isCimName(name)) return { path: [...path, name], what: `${JSON.stringify(name)} cannot name a CIM qualifier` };
    for (const [k, v] of Object.entries(q)) {
      if (k === VALUE_KEY) continue;
      if (!isAttributeName(k) || k === 'NAME') return { path: [...path, name, k], what: `${JSON.stringify(k)} cannot be written as an attribute of the qualifier ${name}` };
      if (typeof v !== 'string') return { path: [...path, name, k], what: `the attribute ${k} of the qualifier ${name} is text, not a list (only its value may be one)` };
    }
  }
  return undefined;
}
