/**
 * The container's own list of package references, kept in agreement with the sequence's `<referenceList>`: a
 * Current Branch object.xml repeats the references as `SMS_TaskSequencePackage.References` (an array of
 * `SMS_TaskSequence_Reference {Package, Program, Type}`) with a `ReferencesCount`. A 2007 export and a bare sequence
 * have no such list. (An export .zip's ReferencesInfo.xml is kept in agreement when the archive is written, from the
 * reference lists before and after: containers/export-zip.ts.) What adds a reference to the `<referenceList>` keeps
 * the array in step: the add-reference transform and the KB977203 preset as an edit of their own, and the authoring
 * calls that take only a sequence (addStep, copyItemTo, addPackageReference) through the document the sequence is
 * held in ({@link followReference}).
 */
import type { TaskSequenceDocument } from '../document.js';
import { whitespaceBefore } from '../model/format.js';
import { childElement, isElement } from '../model/query.js';
import type { Node, Sequence, UnknownElement } from '../model/types.js';
import { elementText, setElementText } from '../model/variables.js';
import { plainCopy } from '../model/plain-copy.js';

/** What the References array is found from: the container's kind and its tree (a document has both). */
type Container = Pick<TaskSequenceDocument, 'container' | 'xml'>;

function elementChild(parent: UnknownElement, tag: string, name?: string): UnknownElement | undefined {
  return parent.children.find((c): c is UnknownElement => c.kind === 'element' && c.tag === tag && (name === undefined || c.attributes.NAME === name));
}

/**
 * The References property with its `<VALUE.OBJECTARRAY>`, and the ReferencesCount property with its `<VALUE>`, when
 * the container has them.
 */
function referencesArray(doc: Container): { property: UnknownElement; array: UnknownElement; countProperty: UnknownElement | undefined; count: UnknownElement | undefined } | undefined {
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
export function containerReferences(doc: Container): string[] {
  return packagesIn(referencesArray(doc)?.array);
}

/** The Package values an array lists, in order (none when there is no array). */
function packagesIn(array: UnknownElement | undefined): string[] {
  return (array?.children ?? []).map(packageOf).filter((p): p is string => p !== undefined);
}

/**
 * The References array of an object.xml as lint compares it with the `<referenceList>`: the property (and the
 * ReferencesCount property, when there is one, with the text of its value), and the IDs it lists, packages and
 * applications alike; undefined when the container has no such array.
 */
export function containerReferenceArray(doc: Container): { property: UnknownElement; ids: string[]; countProperty: UnknownElement | undefined; count: string | undefined } | undefined {
  const found = referencesArray(doc);
  if (!found) return undefined;
  return { property: found.property, ids: packagesIn(found.array), countProperty: found.countProperty, count: found.count && elementText(found.count) };
}

/**
 * What a References array lists, kept between additions as `model/known-references.ts` keeps what a `<referenceList>`
 * lists: read whole for each reference added, it made adding N steps to an object.xml cost N times the array (4,000
 * Install Package steps: 59 s; kept, 1.2 s, against 0.8 s in one without the array). Trusted while the array's
 * children are the array and length they were left with, and an ID found only while its entry is still in its place
 * with that Package; otherwise read again. As for the `<referenceList>`, an entry replaced by another behind cmts's
 * back, the length kept, is not seen.
 */
interface ListedEntries {
  children: Node[];
  length: number;
  /** The entries by Package (upper case), each with where it is. */
  ids: Map<string, { entry: Node; at: number }>;
  /** The first entry of each Type (`0`, `1`), and under `any` the first with a Type: the forms a new entry copies. */
  models: Map<string, Node>;
  /** Where the last entry is: a new one goes after it. */
  lastAt: number;
}
const listedByArray = new WeakMap<UnknownElement, ListedEntries>();

function note(listed: ListedEntries, entry: Node, at: number): void {
  const id = packageOf(entry);
  if (id === undefined) return;
  if (!listed.ids.has(id.toUpperCase())) listed.ids.set(id.toUpperCase(), { entry, at });
  const type = typeOfReference(entry);
  if (type !== '') {
    if (!listed.models.has(type)) listed.models.set(type, entry);
    if (!listed.models.has('any')) listed.models.set('any', entry);
  }
  listed.lastAt = at;
}

/** What `array` lists, read again when it is not as it was left (see {@link ListedEntries}), or when `again`. */
function listedEntries(array: UnknownElement, again = false): ListedEntries {
  const kept = listedByArray.get(array);
  if (kept && !again && kept.children === array.children && kept.length === array.children.length) return kept;
  const listed: ListedEntries = { children: array.children, length: array.children.length, ids: new Map(), models: new Map(), lastAt: -1 };
  array.children.forEach((c, i) => note(listed, c, i));
  listedByArray.set(array, listed);
  return listed;
}

/** Whether `array` lists `id` (case ignored), from what is kept of it while that holds. */
function lists(array: UnknownElement, id: string): boolean {
  const key = id.toUpperCase();
  const found = listedEntries(array).ids.get(key);
  if (found === undefined) return false;
  if (array.children[found.at] === found.entry && packageOf(found.entry)?.toUpperCase() === key) return true;
  // Moved or changed since: read the array again.
  return listedEntries(array, true).ids.has(key);
}

/** What a reference names: a package (Type 0 in the References array) or an application (Type 1). */
export type ReferenceKind = 'package' | 'application';

/**
 * The edit that adds a package (or an application) to the container's References array (a copy of an existing
 * entry, laid out like it, with Program `*` and Type 0 for a package, Program empty and Type 1 for an application, as
 * Current Branch writes them) and counts it; undefined when the container has no such array, no entry to copy the
 * form of, or already lists the ID. An entry of the same kind is copied when there is one; otherwise one of the other
 * kind, which has the same properties: a sequence that referenced only applications kept its new package out of the
 * array, unreported, while the referenceList listed it.
 */
export function planContainerReference(doc: Container, packageId: string, kind: ReferenceKind = 'package'): (() => void) | undefined {
  const found = referencesArray(doc);
  if (!found || lists(found.array, packageId)) return undefined;
  const type = kind === 'package' ? '0' : '1';
  const models = listedEntries(found.array).models;
  const model = models.get(type) ?? models.get('any');
  if (!model) return undefined;
  return () => {
    const copy = plainCopy(model) as UnknownElement;
    const instance = elementChild(copy, 'INSTANCE') as UnknownElement;
    setProperty(instance, 'Package', packageId);
    setProperty(instance, 'Program', kind === 'package' ? '*' : '');
    setProperty(instance, 'Type', type);
    const listed = listedEntries(found.array);
    const last = listed.lastAt;
    const ws = whitespaceBefore(found.array, last);
    const added = ws ? [{ kind: 'text' as const, value: ws.value }, copy] : [copy];
    found.array.children.splice(last + 1, 0, ...added);
    bumpCount(found.count, 1);
    // What is kept still holds, with the new entry: nothing after the last entry was an entry, so none has moved.
    listed.length = found.array.children.length;
    note(listed, copy, last + added.length);
  };
}

/**
 * Adds a package (or an application) to the container's References array (see {@link planContainerReference});
 * returns whether it did.
 */
export function addContainerReference(doc: Container, packageId: string, kind: ReferenceKind = 'package'): boolean {
  const edit = planContainerReference(doc, packageId, kind);
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
export function removeContainerReference(doc: Container, packageId: string): boolean {
  const found = referencesArray(doc);
  if (!found) return false;
  const i = found.array.children.findIndex((c) => packageOf(c)?.toUpperCase() === packageId.toUpperCase());
  if (i === -1) return false;
  const ws = whitespaceBefore(found.array, i);
  found.array.children.splice(ws ? i - 1 : i, ws ? 2 : 1);
  bumpCount(found.count, -1);
  return true;
}

/**
 * The object.xml a sequence is held in (its kind and tree, not the document, whose bytes read it would keep too), for
 * {@link followReference}. Held on the sequence itself, under a symbol that is not enumerable (no copy,
 * `JSON.stringify` or comparison of the plain data sees it), as `model/item-homes.ts` holds an item's sequence and
 * for its reason: V8's young-generation collector keeps a WeakMap entry's value whatever becomes of its key, so a map
 * from the sequence would keep each object.xml tree alive through those collections.
 */
const HOLDER = Symbol('the object.xml whose References array repeats the sequence\'s references');

/**
 * Notes the object.xml `doc` on its sequence: the references the model's own calls add to the sequence's
 * `<referenceList>` go into its References array too ({@link followReference}). The document calls it once, as it is
 * made; another container has no array, and a sequence a script froze is not noted (its references are then not
 * followed).
 */
export function holdReferences(doc: TaskSequenceDocument): void {
  if (doc.container !== 'cim-instance' || !Object.isExtensible(doc.sequence)) return;
  const holder: Container = { container: doc.container, xml: doc.xml };
  Object.defineProperty(doc.sequence, HOLDER, { value: holder, writable: true, enumerable: false, configurable: true });
}

/**
 * Adds a reference just added to `sequence`'s `<referenceList>` to the References array of the object.xml the
 * sequence is held in ({@link holdReferences}; see {@link planContainerReference}): addStep, copyItemTo and
 * addPackageReference take only a sequence, and the array went without what they listed (lint's
 * `references-array-differs` reports that of a file). Nothing when the sequence is held in no object.xml, or in one
 * without the array.
 */
export function followReference(sequence: Sequence, kind: ReferenceKind, id: string): void {
  const holder = (sequence as { [HOLDER]?: Container })[HOLDER];
  if (holder !== undefined) addContainerReference(holder, id, kind);
}
