/**
 * The array properties of a Current Branch object.xml as plain data, and back: a `PROPERTY.ARRAY` (`VALUE.ARRAY` of
 * `VALUE`s with one CIM `TYPE`) and a `PROPERTY.OBJECTARRAY` (`VALUE.OBJECTARRAY` of `VALUE.OBJECT`s, each an
 * `INSTANCE` of properties, as `References` holds its `SMS_TaskSequence_Reference`s). What the data has no place
 * for (a `VALUE.NULL`, an `ARRAYSIZE`, an instance's own qualifiers, object or reference properties, …) is described
 * instead, so that a caller can refuse it rather than drop it. The schema data of an instance's properties
 * (`CLASSORIGIN`, the `CIMTYPE` qualifier, …) is kept with them (`schema`); that of a top-level array property is the
 * instance's (`cim-schema.ts`), read with the scalar properties'.
 */
import { TaskSequenceError } from '../errors.js';
import { isElement } from '../model/query.js';
import type { Element, Node } from '../model/types.js';
import { arrayValues, type CimPropertySchema, elementsOf, isCimName as isName, propertySchemaProblem, qualifierElements, readPropertySchema, schemaQualifiers, valueOf, withSchemaAttributes } from './cim-schema.js';

/** A property of an instance in an object array: its text, null (no `<VALUE>`), or an array's values. */
export type CimValue = string | null | string[];

/** One `INSTANCE` of a `PROPERTY.OBJECTARRAY`. */
export interface CimObject {
  /** Its `CLASSNAME`, when it is not the array's class. */
  class?: string;
  /** Its properties in order. */
  properties: Record<string, CimValue>;
  /** The CIM types of its properties that the array's `types` does not say (or says otherwise). */
  types?: Record<string, string>;
  /** The schema data of its properties that the array's `schema` does not say (or says otherwise; `{}`: none). */
  schema?: Record<string, CimPropertySchema>;
}

/** A `PROPERTY.ARRAY` (`type`, `values`) or a `PROPERTY.OBJECTARRAY` (`class`, `types`, `objects`). */
export interface CimArray {
  /** `PROPERTY.ARRAY`: the CIM type of its values (`string`, `uint8`, …). */
  type?: string;
  /** `PROPERTY.ARRAY`: the values in order; absent when the property is null (no `VALUE.ARRAY`). */
  values?: string[];
  /** `PROPERTY.OBJECTARRAY`: its `REFERENCECLASS`, the class of its instances. */
  class?: string;
  /** `PROPERTY.OBJECTARRAY`: each instance property's CIM type by name, `[]` after an array's (`string[]`). */
  types?: Record<string, string>;
  /** `PROPERTY.OBJECTARRAY`: the instances in order; absent when the property is null (no `VALUE.OBJECTARRAY`). */
  objects?: CimObject[];
  /**
   * `PROPERTY.OBJECTARRAY`: each instance property's schema data (`CLASSORIGIN`, qualifiers) by name, as the first
   * object that has the property says it; none when it says none.
   */
  schema?: Record<string, CimPropertySchema>;
}

/** An array property read: its data, or what in it the data cannot say. */
export type CimArrayRead = { name: string; element: Element; array: CimArray } | { name: string; element: Element; uncarried: string };

/** Attributes of an `<INSTANCE>` besides `CLASSNAME`, described, or undefined. */
function extraAttribute(el: Element): string | undefined {
  const extra = Object.keys(el.attributes).find((k) => k !== 'CLASSNAME');
  return extra === undefined ? undefined : `the attribute ${extra} of <${el.tag}>`;
}

/** A property's schema data and its one content element (none: null), or a description of what else it holds. */
function propertyParts(el: Element, content: string, own: readonly string[]): { value: Element | undefined; schema: CimPropertySchema } | string {
  const read = readPropertySchema(el, own);
  if (typeof read === 'string') return read;
  const [value, second] = read.content;
  if (second !== undefined) return `the element <${second.tag}> in <${el.tag}>`;
  if (value !== undefined && value.tag !== content) return `the element <${value.tag}> in <${el.tag}>`;
  return { value, schema: read.schema };
}

/** One instance of an object array as name → value, type and schema data, or a description of what it cannot say. */
function instanceOf(inst: Element): { class: string; properties: Record<string, CimValue>; types: Record<string, string>; schema: Record<string, CimPropertySchema> } | string {
  if (inst.tag !== 'INSTANCE') return `the element <${inst.tag}> in <VALUE.OBJECT>`;
  const extra = extraAttribute(inst);
  if (extra !== undefined) return extra;
  if (!isName(inst.attributes.CLASSNAME)) return 'an <INSTANCE> with no class name';
  const kids = elementsOf(inst);
  if (typeof kids === 'string') return kids;
  const properties: Record<string, CimValue> = {};
  const types: Record<string, string> = {};
  const schema: Record<string, CimPropertySchema> = {};
  for (const p of kids) {
    const name = p.attributes.NAME;
    const type = p.attributes.TYPE;
    if (p.tag !== 'PROPERTY' && p.tag !== 'PROPERTY.ARRAY') return `the element <${p.tag}> in an <INSTANCE>`;
    if (!isName(name) || type === undefined || !isName(type)) return `a <${p.tag}> without a name and a type in an <INSTANCE>`;
    if (Object.hasOwn(properties, name)) return `a second property ${name} in an <INSTANCE>`;
    const parts = propertyParts(p, p.tag === 'PROPERTY' ? 'VALUE' : 'VALUE.ARRAY', ['TYPE']);
    if (typeof parts === 'string') return `${parts} (property ${name})`;
    schema[name] = parts.schema;
    if (p.tag === 'PROPERTY') {
      const v = parts.value ? valueOf(parts.value) : null;
      if (v !== null && typeof v !== 'string') return `${v.uncarried} (property ${name})`;
      properties[name] = v;
      types[name] = type;
    } else {
      const v = parts.value ? arrayValues(parts.value) : null;
      if (typeof v === 'string') return `${v} (property ${name})`;
      properties[name] = v;
      types[name] = `${type}[]`;
    }
  }
  return { class: inst.attributes.CLASSNAME, properties, types, schema };
}

/**
 * One array property as data, or a description of what in it the data cannot say. Its own attributes besides its
 * name, type and class, and its qualifiers, are the instance's schema data (`readInstanceSchema`), not read here.
 */
function readArray(el: Element): CimArray | string {
  if (el.tag === 'PROPERTY.ARRAY') {
    const type = el.attributes.TYPE;
    if (type === undefined || !isName(type)) return 'a <PROPERTY.ARRAY> without a type';
    const parts = propertyParts(el, 'VALUE.ARRAY', ['TYPE']);
    if (typeof parts === 'string') return parts;
    if (!parts.value) return { type };
    const values = arrayValues(parts.value);
    return typeof values === 'string' ? values : { type, values };
  }
  const cls = el.attributes.REFERENCECLASS;
  if (!isName(cls)) return 'a <PROPERTY.OBJECTARRAY> without a REFERENCECLASS';
  const parts = propertyParts(el, 'VALUE.OBJECTARRAY', ['REFERENCECLASS']);
  if (typeof parts === 'string') return parts;
  if (!parts.value) return { class: cls };
  const wrappers = elementsOf(parts.value);
  if (typeof wrappers === 'string') return wrappers;
  const types: Record<string, string> = {};
  const schema: Record<string, CimPropertySchema> = {};
  // Each property's schema data as the first object with it says it (JSON), also when it says none.
  const firstSchema = new Map<string, string>();
  const objects: CimObject[] = [];
  for (const [i, w] of wrappers.entries()) {
    if (w.tag !== 'VALUE.OBJECT') return `the element <${w.tag}> in <VALUE.OBJECTARRAY>`;
    const inner = elementsOf(w);
    if (typeof inner === 'string') return inner;
    if (inner.length !== 1) return `a <VALUE.OBJECT> that holds ${inner.length} elements (object ${i + 1})`;
    const inst = instanceOf(inner[0] as Element);
    if (typeof inst === 'string') return `${inst} (object ${i + 1})`;
    // The first type seen for a name is the array's; an object that says another keeps its own.
    const own: Record<string, string> = {};
    for (const [k, t] of Object.entries(inst.types)) {
      if (!Object.hasOwn(types, k)) types[k] = t;
      else if (types[k] !== t) own[k] = t;
    }
    // The same for the schema data, but none is said by leaving the name out of the array's: an object whose
    // property says otherwise than the first (none included, as {}) keeps its own.
    const ownSchema: Record<string, CimPropertySchema> = {};
    for (const [k, s] of Object.entries(inst.schema)) {
      const key = JSON.stringify(s);
      const first = firstSchema.get(k);
      if (first === undefined) {
        firstSchema.set(k, key);
        if (Object.keys(s).length > 0) schema[k] = s;
      } else if (first !== key) ownSchema[k] = s;
    }
    objects.push({
      ...(inst.class !== cls ? { class: inst.class } : {}),
      properties: inst.properties,
      ...(Object.keys(own).length > 0 ? { types: own } : {}),
      ...(Object.keys(ownSchema).length > 0 ? { schema: ownSchema } : {}),
    });
  }
  return { class: cls, ...(Object.keys(types).length > 0 ? { types } : {}), ...(Object.keys(schema).length > 0 ? { schema } : {}), objects };
}

/** The array properties of an object.xml `<INSTANCE>`, in file order, each read or described. */
export function readCimArrays(root: Element): CimArrayRead[] {
  const out: CimArrayRead[] = [];
  if (!('children' in root)) return out;
  for (const c of root.children) {
    if (!isElement(c) || (c.tag !== 'PROPERTY.ARRAY' && c.tag !== 'PROPERTY.OBJECTARRAY')) continue;
    const name = c.attributes.NAME ?? '';
    if (!isName(name)) {
      out.push({ name, element: c, uncarried: `a <${c.tag}> named ${JSON.stringify(name)}` });
      continue;
    }
    const read = readArray(c);
    out.push(typeof read === 'string' ? { name, element: c, uncarried: read } : { name, element: c, array: read });
  }
  return out;
}

/** What in `arrays` cannot be written as CIM-XML (a name, a type, a value not of its type's kind), with where. */
export function cimArraysProblem(arrays: Record<string, CimArray>): { path: (string | number)[]; what: string } | undefined {
  for (const [name, a] of Object.entries(arrays)) {
    const at = (...rest: (string | number)[]) => ['packageArrays', name, ...rest];
    if (!isName(name)) return { path: at(), what: `${JSON.stringify(name)} cannot name a CIM property` };
    if ((a.type === undefined) === (a.class === undefined)) return { path: at(), what: `the array property ${name} needs a type (an array of values) or a class (an array of objects), not both` };
    if (a.type !== undefined && (a.types !== undefined || a.objects !== undefined)) return { path: at(), what: `the array property ${name} has a type, so it holds values, not objects` };
    if (a.class !== undefined && a.values !== undefined) return { path: at('values'), what: `the array property ${name} has a class, so it holds objects, not values` };
    if (a.type !== undefined && !isName(a.type)) return { path: at('type'), what: `${JSON.stringify(a.type)} is not a CIM type` };
    if (a.class !== undefined && !isName(a.class)) return { path: at('class'), what: `${JSON.stringify(a.class)} is not a CIM class name` };
    if (a.type !== undefined && a.schema !== undefined) return { path: at('schema'), what: `the array property ${name} has a type, so it holds values, not objects with schema data` };
    for (const [k, s] of Object.entries(a.schema ?? {})) {
      const problem = propertySchemaProblem(s, at('schema', k));
      if (problem) return problem;
    }
    for (const [i, o] of (a.objects ?? []).entries()) {
      if (o.class !== undefined && !isName(o.class)) return { path: at('objects', i, 'class'), what: `${JSON.stringify(o.class)} is not a CIM class name` };
      for (const [k, s] of Object.entries(o.schema ?? {})) {
        const problem = propertySchemaProblem(s, at('objects', i, 'schema', k));
        if (problem) return problem;
      }
      for (const [k, v] of Object.entries(o.properties)) {
        if (!isName(k)) return { path: at('objects', i, 'properties', k), what: `${JSON.stringify(k)} cannot name a CIM property` };
        const t = typeOfProperty(a, o, k, v);
        const array = t.endsWith('[]');
        if (!isName(array ? t.slice(0, -2) : t)) return { path: at('objects', i, 'properties', k), what: `the type ${JSON.stringify(t)} of ${k} is not a CIM type` };
        if (v !== null && Array.isArray(v) !== array) return { path: at('objects', i, 'properties', k), what: `${k} is ${array ? `an array (${t}), so its value is a list` : `of type ${t}, so its value is text, not a list`}` };
      }
    }
  }
  return undefined;
}

/** An instance property's type: the object's, else the array's, else `string` (`string[]` for a list). */
function typeOfProperty(a: CimArray, o: CimObject, name: string, v: CimValue): string {
  const own = o.types && Object.hasOwn(o.types, name) ? o.types[name] : undefined;
  const shared = a.types && Object.hasOwn(a.types, name) ? a.types[name] : undefined;
  return own ?? shared ?? (Array.isArray(v) ? 'string[]' : 'string');
}

/** An instance property's schema data: the object's, else the array's, else none. */
function schemaOfProperty(a: CimArray, o: CimObject, name: string): CimPropertySchema {
  const own = o.schema && Object.hasOwn(o.schema, name) ? o.schema[name] : undefined;
  const shared = a.schema && Object.hasOwn(a.schema, name) ? a.schema[name] : undefined;
  return own ?? shared ?? {};
}

const element = (tag: string, attributes: Record<string, string>, children: Node[]): Element => ({ kind: 'element', tag, attributes, children });
const valueElement = (v: string): Element => element('VALUE', {}, v === '' ? [] : [{ kind: 'text', value: v }]);

/** The CIM-XML element of an array property (see {@link cimArraysProblem} for what it refuses). */
export function cimArrayElement(name: string, a: CimArray): Element {
  const problem = cimArraysProblem({ [name]: a });
  if (problem) throw new TaskSequenceError('INVALID_ARGUMENT', `The text is not a task sequence: ${problem.what}.`, { path: problem.path.join('/') });
  if (a.type !== undefined) return element('PROPERTY.ARRAY', { NAME: name, TYPE: a.type }, a.values ? [element('VALUE.ARRAY', {}, a.values.map(valueElement))] : []);
  const cls = a.class as string;
  const objects = (a.objects ?? []).map((o) => {
    const properties = Object.entries(o.properties).map(([k, v]) => {
      const t = typeOfProperty(a, o, k, v);
      const schema = schemaOfProperty(a, o, k);
      const qualifiers = qualifierElements(schemaQualifiers(schema));
      if (t.endsWith('[]')) return element('PROPERTY.ARRAY', withSchemaAttributes({ NAME: k, TYPE: t.slice(0, -2) }, schema), [...qualifiers, ...(Array.isArray(v) ? [element('VALUE.ARRAY', {}, v.map(valueElement))] : [])]);
      return element('PROPERTY', withSchemaAttributes({ NAME: k, TYPE: t }, schema), [...qualifiers, ...(typeof v === 'string' ? [valueElement(v)] : [])]);
    });
    return element('VALUE.OBJECT', {}, [element('INSTANCE', { CLASSNAME: o.class ?? cls }, properties)]);
  });
  return element('PROPERTY.OBJECTARRAY', { NAME: name, REFERENCECLASS: cls }, a.objects ? [element('VALUE.OBJECTARRAY', {}, objects)] : []);
}
