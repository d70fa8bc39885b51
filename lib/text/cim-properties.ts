/**
 * An object.xml's typed, null and array properties and its CIM schema data (qualifiers, attributes, the properties'
 * order), written from the text form into a newly built object.xml, and the checks that refuse what it could not
 * hold. Apart from the sequence builder because only this container has them, and they are CIM's, not the sequence's.
 */
import { cimArrayElement, cimArraysProblem } from '../containers/cim-arrays.js';
import { propertySchemaProblem, qualifierElements, qualifiersProblem, schemaQualifiers, withSchemaAttributes } from '../containers/cim-schema.js';
import type { ContainerKind } from '../containers/index.js';
import type { TaskSequenceDocument } from '../document.js';
import { TaskSequenceError } from '../errors.js';
import { detectIndentUnit, insertLaidOutBefore } from '../model/format.js';
import { isElement } from '../model/query.js';
import type { Element, ParentElement } from '../model/types.js';
import type { TextCimSchema, TextSequence } from './text-types.js';

/**
 * Gives a new object.xml's properties the text's CIM types, and writes its null properties and array properties, in
 * order, before its `Sequence` property and laid out like it; then its schema data (qualifiers, attributes) and, when
 * the text says it, its properties' order. Built into another container, an object.xml's text leaves them behind
 * (that container has no place for them, as a bare sequence has none for any property); a text written for another
 * container that has them is refused.
 */
export function addCimProperties(doc: TaskSequenceDocument, container: ContainerKind, text: TextSequence): void {
  const arrays = text.packageArrays ?? {};
  const types = text.packageTypes ?? {};
  const schema = text.packageSchema ?? {};
  const names = [...Object.keys(types), ...Object.keys(arrays)];
  const sections = [...(Object.keys(types).length > 0 ? ['packageTypes'] : []), ...(Object.keys(arrays).length > 0 ? ['packageArrays'] : []), ...(text.packageSchema ? ['packageSchema'] : [])];
  if (sections.length === 0) return;
  if (container !== 'cim-instance') {
    if (text.container === 'cim-instance') return;
    throw new TaskSequenceError('UNSUPPORTED_CONTAINER', `Only an object.xml (cim-instance) has typed, null and array properties and CIM schema data; a ${container} has no place for ${names.length > 0 ? names.join(', ') : 'them'} (${sections.join(', ')}).`, {
      path: sections[0] as string,
    });
  }
  const problem = cimPropertiesProblem(text);
  if (problem) throw new TaskSequenceError('INVALID_ARGUMENT', `The text is not a task sequence: ${problem.what}.`, { path: problem.path.join('/') });
  const root = doc.xml.children.find((c): c is ParentElement => isElement(c) && 'children' in c) as ParentElement;
  const unit = detectIndentUnit(doc.xml);
  const at = root.children.findIndex((c) => isElement(c) && c.tag === 'PROPERTY' && c.attributes.NAME === 'Sequence');
  const added: Element[] = [];
  const package_ = text.package ?? {};
  for (const [name, type] of Object.entries(types)) {
    if (!Object.hasOwn(package_, name)) {
      added.push({ kind: 'element', tag: 'PROPERTY', attributes: { NAME: name, TYPE: type }, children: [] });
      continue;
    }
    const el = root.children.find((c): c is Element => isElement(c) && c.tag === 'PROPERTY' && c.attributes.NAME === name);
    if (el) el.attributes.TYPE = type;
  }
  for (const [name, array] of Object.entries(arrays)) added.push(cimArrayElement(name, array));
  for (const el of added) {
    // The qualifiers go first, as CIM-XML has them, and are laid out with the rest of the element.
    const own = schema.properties && Object.hasOwn(schema.properties, el.attributes.NAME ?? '') ? schema.properties[el.attributes.NAME ?? ''] : undefined;
    if (own && 'children' in el) el.children.unshift(...qualifierElements(schemaQualifiers(own)));
  }
  insertLaidOutBefore(root, at, added, unit);
  if (text.packageSchema) applyCimSchema(root, text.packageSchema, new Set(added), unit);
}

/**
 * Writes an object.xml's schema data: each property's attributes and qualifiers (but those of `laidOut`, which have
 * their qualifiers already), the properties in the order the schema names them (the others after them, in their
 * order), and the instance's qualifiers before them all, each laid out like the element it goes before.
 */
function applyCimSchema(root: ParentElement, schema: TextCimSchema, laidOut: ReadonlySet<Element>, unit: string): void {
  const named = schema.properties ?? {};
  const rank = new Map(Object.keys(named).map((k, i) => [k, i]));
  const slots: number[] = [];
  root.children.forEach((c, i) => {
    if (isElement(c)) slots.push(i);
  });
  const elements = slots.map((i) => root.children[i] as Element);
  for (const el of elements) {
    const name = el.attributes.NAME ?? '';
    const own = Object.hasOwn(named, name) ? named[name] : undefined;
    if (own === undefined) continue;
    el.attributes = withSchemaAttributes(el.attributes, own);
    if (laidOut.has(el) || !('children' in el)) continue;
    const qualifiers = qualifierElements(schemaQualifiers(own));
    // Before the value (the Sequence property's too: its CDATA is not laid out anew), on the value's line.
    const first = el.children.findIndex(isElement);
    if (first === -1) {
      el.children.push(...qualifiers);
      continue;
    }
    insertLaidOutBefore(el, first, qualifiers, unit);
  }
  // Sorted by the schema's order, those it does not name last (a stable sort keeps theirs); each takes the place,
  // and so the layout, of the one before it.
  const ordered = [...elements].sort((x, y) => (rank.get(x.attributes.NAME ?? '') ?? Infinity) - (rank.get(y.attributes.NAME ?? '') ?? Infinity));
  slots.forEach((slot, i) => {
    root.children[slot] = ordered[i] as Element;
  });
  const qualifiers = qualifierElements(schema.qualifiers ?? {});
  const first = slots[0];
  if (qualifiers.length === 0 || first === undefined) return;
  insertLaidOutBefore(root, first, qualifiers, unit);
}

export /**
 * What in the text's typed, null and array properties and schema data cannot be written as an object.xml's, with
 * where; `key` when it is the property's name (the key at `path`) that is wrong, not its value.
 */
function cimPropertiesProblem(text: TextSequence): { path: (string | number)[]; what: string; key?: true } | undefined {
  for (const name of Object.keys(text.packageTypes ?? {})) {
    if (name === 'Sequence') return { path: ['packageTypes', name], what: 'the Sequence property holds the sequence, so it has no type to give and cannot be null', key: true };
    if (text.packageArrays && Object.hasOwn(text.packageArrays, name)) return { path: ['packageTypes', name], what: `${name} is an array property (packageArrays), not a scalar one`, key: true };
  }
  for (const name of Object.keys(text.packageArrays ?? {})) {
    if (name === 'Sequence' || (text.package && Object.hasOwn(text.package, name))) return { path: ['packageArrays', name], what: `${name} is also a scalar property (package)`, key: true };
  }
  const arrays = text.packageArrays ? cimArraysProblem(text.packageArrays) : undefined;
  if (arrays) return arrays;
  const schema = text.packageSchema;
  if (schema === undefined) return undefined;
  const problem = qualifiersProblem(schema.qualifiers ?? {}, ['packageSchema', 'qualifiers']);
  if (problem) return problem;
  const has = (k: string) => k === 'Sequence' || [text.package, text.packageTypes, text.packageArrays].some((m) => m !== undefined && Object.hasOwn(m, k));
  for (const [name, s] of Object.entries(schema.properties ?? {})) {
    const path = ['packageSchema', 'properties', name];
    // A name it does not have would be left out of the file without a word (a misspelt one, most likely).
    if (!has(name)) return { path, what: `the object.xml has no property ${name} (package, packageTypes or packageArrays)`, key: true };
    const bad = propertySchemaProblem(s, path);
    if (bad) return bad;
  }
  return undefined;
}
