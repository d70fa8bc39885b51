/**
 * The container's own list of package references, kept in agreement with the sequence's `<referenceList>`: a
 * Current Branch object.xml repeats the references as `SMS_TaskSequencePackage.References` (an array of
 * `SMS_TaskSequence_Reference {Package, Program, Type}`) with a `ReferencesCount`. A 2007 export and a bare sequence
 * have no such list. (An export .zip's ReferencesInfo.xml is kept in agreement when the archive is written, from the
 * reference lists before and after: containers/export-zip.ts.)
 */
import type { TaskSequenceDocument } from '../document.js';
import { whitespaceBefore } from '../model/format.js';
import { childElement, isElement } from '../model/query.js';
import type { Node, UnknownElement } from '../model/types.js';
import { elementText, setElementText } from '../model/variables.js';
import { plainCopy } from '../model/plain-copy.js';

function elementChild(parent: UnknownElement, tag: string, name?: string): UnknownElement | undefined {
  return parent.children.find((c): c is UnknownElement => c.kind === 'element' && c.tag === tag && (name === undefined || c.attributes.NAME === name));
}

/**
 * The References property with its `<VALUE.OBJECTARRAY>`, and the ReferencesCount property with its `<VALUE>`, when
 * the container has them.
 */
function referencesArray(doc: TaskSequenceDocument): { property: UnknownElement; array: UnknownElement; countProperty: UnknownElement | undefined; count: UnknownElement | undefined } | undefined {
  if (doc.container !== 'cim-instance') return undefined;
  const root = doc.xml.children.find((c): c is UnknownElement => c.kind === 'element');
  const property = root ? elementChild(root, 'PROPERTY.OBJECTARRAY', 'References') : undefined;
  const array = property ? elementChild(property, 'VALUE.OBJECTARRAY') : undefined;
  if (!root || !property || !array) return undefined;
  const countProperty = elementChild(root, 'PROPERTY', 'ReferencesCount');
  const count = countProperty ? elementChild(countProperty, 'VALUE') : undefined;
  return { property, array, countProperty, count };
}

/** The Package value of one `<VALUE.OBJECT>`. */
function packageOf(object: Node): string | undefined {
  if (object.kind !== 'element' || object.tag !== 'VALUE.OBJECT') return undefined;
  const instance = elementChild(object, 'INSTANCE');
  const prop = instance ? elementChild(instance, 'PROPERTY', 'Package') : undefined;
  const value = prop ? childElement(prop, 'VALUE') : undefined;
  return value ? elementText(value) : undefined;
}

function setProperty(instance: UnknownElement, name: string, value: string): void {
  const prop = elementChild(instance, 'PROPERTY', name);
  const v = prop ? childElement(prop, 'VALUE') : undefined;
  if (v) setElementText(v, value);
}

function bumpCount(count: UnknownElement | undefined, by: number): void {
  if (!count) return;
  const n = Number(elementText(count));
  if (Number.isInteger(n)) setElementText(count, String(n + by));
}

/** The package IDs the container's References array lists (empty when it has none). */
export function containerReferences(doc: TaskSequenceDocument): string[] {
  return (referencesArray(doc)?.array.children ?? []).map(packageOf).filter((p): p is string => p !== undefined);
}

/**
 * The References array of an object.xml as lint compares it with the `<referenceList>`: the property (and the
 * ReferencesCount property, when there is one, with the text of its value), and the IDs it lists, packages and
 * applications alike; undefined when the container has no such array.
 */
export function containerReferenceArray(doc: TaskSequenceDocument): { property: UnknownElement; ids: string[]; countProperty: UnknownElement | undefined; count: string | undefined } | undefined {
  const found = referencesArray(doc);
  if (!found) return undefined;
  return { property: found.property, ids: containerReferences(doc), countProperty: found.countProperty, count: found.count && elementText(found.count) };
}

/**
 * The edit that adds a package to the container's References array (a copy of an existing entry, laid out like it,
 * with Program `*` and Type 0 as Current Branch writes package references) and counts it; undefined when the
 * container has no such array, no entry to copy the form of, or already lists the package. A package entry is copied
 * when there is one; otherwise an application's (Type 1), which has the same properties: a sequence that referenced
 * only applications kept its new package out of the array, unreported, while the referenceList listed it.
 */
export function planContainerReference(doc: TaskSequenceDocument, packageId: string): (() => void) | undefined {
  const found = referencesArray(doc);
  if (!found) return undefined;
  const objects = found.array.children.filter((c) => packageOf(c) !== undefined);
  if (objects.some((o) => packageOf(o)?.toUpperCase() === packageId.toUpperCase())) return undefined;
  const model = objects.find((o) => typeOfReference(o) === '0') ?? objects.find((o) => typeOfReference(o) !== '');
  if (!model) return undefined;
  return () => {
    const copy = plainCopy(model) as UnknownElement;
    const instance = elementChild(copy, 'INSTANCE') as UnknownElement;
    setProperty(instance, 'Package', packageId);
    setProperty(instance, 'Program', '*');
    setProperty(instance, 'Type', '0');
    const last = found.array.children.lastIndexOf(objects[objects.length - 1] as Node);
    const ws = whitespaceBefore(found.array, last);
    found.array.children.splice(last + 1, 0, ...(ws ? [{ kind: 'text' as const, value: ws.value }] : []), copy);
    bumpCount(found.count, 1);
  };
}

/** Adds a package to the container's References array (see {@link planContainerReference}); returns whether it did. */
export function addContainerReference(doc: TaskSequenceDocument, packageId: string): boolean {
  const edit = planContainerReference(doc, packageId);
  edit?.();
  return edit !== undefined;
}

function typeOfReference(object: Node): string {
  if (object.kind !== 'element') return '';
  const instance = elementChild(object, 'INSTANCE');
  const prop = instance ? elementChild(instance, 'PROPERTY', 'Type') : undefined;
  const v = prop ? childElement(prop, 'VALUE') : undefined;
  return v && isElement(v) ? elementText(v).trim() : '';
}

/** Removes a package from the container's References array and its count; returns whether it was listed. */
export function removeContainerReference(doc: TaskSequenceDocument, packageId: string): boolean {
  const found = referencesArray(doc);
  if (!found) return false;
  const i = found.array.children.findIndex((c) => packageOf(c)?.toUpperCase() === packageId.toUpperCase());
  if (i === -1) return false;
  const ws = whitespaceBefore(found.array, i);
  found.array.children.splice(ws ? i - 1 : i, ws ? 2 : 1);
  bumpCount(found.count, -1);
  return true;
}
