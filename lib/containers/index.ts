/**
 * The three containers a task sequence comes in, and their package-level properties:
 * - `sequence`: a bare `<sequence>` (`SaveToXml`, `(Get-CMTaskSequence).Sequence`, MDT `ts.xml`): no properties;
 * - `sms-package`: the ConfigMgr 2007 console export `<SmsTaskSequencePackage>` with `<SequenceData><sequence>`;
 *   properties are its child elements (`Name`, `DependentProgram`, `ProgramFlags`, …);
 * - `cim-instance`: a Current Branch export's object.xml, `<INSTANCE CLASSNAME="SMS_TaskSequencePackage">`;
 *   properties are its `<PROPERTY NAME=…><VALUE>` pairs and the sequence is the `Sequence` property's CDATA.
 */
import { TaskSequenceError, type LineCounter } from '../errors.js';
import { appendLaidOut, detectIndentUnit, insertLaidOut, layoutAt, whitespaceBefore } from '../model/format.js';
import { childElement, isElement } from '../model/query.js';
import type { Element, Sequence, XmlDocument } from '../model/types.js';
import { elementText, setElementText } from '../model/variables.js';
import { shownValue } from '../shown-value.js';
import { isXmlName } from '../xml/chars.js';
import type { ParseWarning } from '../xml/parse-xml-options.js';
import { type Embedded, type EmbeddedLimits, readEmbedded } from './embedded.js';

/** Which container a document came in. */
export type ContainerKind = 'sequence' | 'sms-package' | 'cim-instance';

/** What recognising a container yields. */
export interface ContainerParts {
  kind: ContainerKind;
  sequence: Sequence;
  embedded?: Embedded;
}

/** The 2007 export's element order (three tools that write it agree on it). */
export const SMS_PACKAGE_ORDER = [
  'BootImageID',
  'Category',
  'DependentProgram',
  'Description',
  'Duration',
  'Name',
  'ProgramFlags',
  'SequenceData',
  'SourceDate',
  'SupportedOperatingSystems',
  'IconSize',
];

/**
 * Recognises the container of a parsed document; throws a clear error for anything else. An embedded sequence is read
 * within `limits`, the reader's own (escaped, its markup was no markup to the outer count).
 */
export function recognise(root: Element, lines: LineCounter, limits: EmbeddedLimits, warnings: ParseWarning[]): ContainerParts {
  if (root.kind === 'sequence') return { kind: 'sequence', sequence: root };
  if (root.tag === 'SmsTaskSequencePackage' && 'children' in root) {
    const data = childElement(root, 'SequenceData');
    if (!data || !('children' in data)) throw new TaskSequenceError('SEQUENCE_MISSING', 'The <SmsTaskSequencePackage> has no <SequenceData> element.');
    const seq = data.children.find((c): c is Sequence => c.kind === 'sequence');
    if (seq) return { kind: 'sms-package', sequence: seq };
    const embedded = readEmbedded(data, lines, limits, warnings);
    if (embedded) return { kind: 'sms-package', sequence: embedded.sequence, embedded };
    throw new TaskSequenceError('SEQUENCE_MISSING', 'The <SequenceData> of this <SmsTaskSequencePackage> holds no <sequence>.');
  }
  if (root.tag === 'INSTANCE') {
    const cls = root.attributes.CLASSNAME;
    if (cls !== 'SMS_TaskSequencePackage') {
      throw new TaskSequenceError('NOT_A_TASK_SEQUENCE', `This is a CIM-XML <INSTANCE> of class ${cls ?? '(none)'}, not SMS_TaskSequencePackage.`);
    }
    const value = cimValue(root, 'Sequence');
    const embedded = value ? readEmbedded(value, lines, limits, warnings) : undefined;
    if (!embedded) throw new TaskSequenceError('SEQUENCE_MISSING', 'The SMS_TaskSequencePackage instance has no Sequence property with a <sequence> in it.');
    return { kind: 'cim-instance', sequence: embedded.sequence, embedded };
  }
  throw new TaskSequenceError(
    'NOT_A_TASK_SEQUENCE',
    `The root element is <${root.tag}>; a task sequence is a <sequence>, an <SmsTaskSequencePackage> (ConfigMgr 2007 export) or an <INSTANCE CLASSNAME="SMS_TaskSequencePackage"> (Current Branch object.xml).`,
  );
}

function cimProperty(root: Element, name: string): Element | undefined {
  if (!('children' in root)) return undefined;
  for (const c of root.children) if (isElement(c) && c.tag.startsWith('PROPERTY') && c.attributes.NAME === name) return c;
  return undefined;
}

function cimValue(root: Element, name: string): Element | undefined {
  const prop = cimProperty(root, name);
  return prop && 'children' in prop ? childElement(prop, 'VALUE') : undefined;
}

/** Sets `out[name]` as an own property, whatever the name: assigning `__proto__` would set the prototype instead. */
function put(out: Record<string, string>, name: string, value: string): void {
  Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
}

/** The container's properties as name → text (a CIM property with no `<VALUE>`, i.e. null, is left out). */
export function listProperties(kind: ContainerKind, root: Element): Record<string, string> {
  const out: Record<string, string> = {};
  if (kind === 'sequence' || !('children' in root)) return out;
  for (const c of root.children) {
    if (!isElement(c)) continue;
    if (kind === 'sms-package' && c.tag !== 'SequenceData') put(out, c.tag, elementText(c));
    if (kind === 'cim-instance' && c.tag === 'PROPERTY' && c.attributes.NAME && c.attributes.NAME !== 'Sequence') {
      const v = 'children' in c ? childElement(c, 'VALUE') : undefined;
      if (v) put(out, c.attributes.NAME, elementText(v));
    }
  }
  return out;
}

/**
 * An object.xml's scalar properties' CIM types (`uint32`, `boolean`, …; `string` when it says none) by name, in file
 * order, null ones (no `<VALUE>`, which {@link listProperties} leaves out) too; none for another container.
 */
export function listPropertyTypes(kind: ContainerKind, root: Element): Record<string, string> {
  const out: Record<string, string> = {};
  if (kind !== 'cim-instance' || !('children' in root)) return out;
  for (const c of root.children) {
    if (isElement(c) && c.tag === 'PROPERTY' && c.attributes.NAME && c.attributes.NAME !== 'Sequence') put(out, c.attributes.NAME, c.attributes.TYPE ?? 'string');
  }
  return out;
}

/** One container property's text, or undefined when absent. */
export function getProperty(kind: ContainerKind, root: Element, name: string): string | undefined {
  if (kind === 'sms-package') {
    const el = propertyElement(kind, root, name);
    return el && name !== 'SequenceData' ? elementText(el) : undefined;
  }
  if (kind === 'cim-instance') {
    const v = cimValue(root, name);
    return v ? elementText(v) : undefined;
  }
  return undefined;
}

/**
 * The element that holds a container property (a 2007 export's `<DependentProgram>`, an object.xml's `<PROPERTY>`),
 * or undefined when there is none: what a refusal about the property's value is placed at.
 */
export function propertyElement(kind: ContainerKind, root: Element, name: string): Element | undefined {
  if (kind === 'sms-package') return 'children' in root ? childElement(root, name) : undefined;
  return kind === 'cim-instance' ? cimProperty(root, name) : undefined;
}

/**
 * Whether {@link setProperty} can set the property: a 2007 export can hold any (a missing element is added), an
 * object.xml only a `<PROPERTY>` it has, null (no `<VALUE>`) or not; a bare sequence none.
 */
export function canSetProperty(kind: ContainerKind, root: Element, name: string): boolean {
  if (kind === 'sms-package') return 'children' in root && name !== 'SequenceData';
  if (kind === 'cim-instance') return name !== 'Sequence' && cimProperty(root, name) !== undefined && 'children' in (cimProperty(root, name) as Element);
  return false;
}

/** The property that holds the sequence itself in a container that has properties: never a property of its own. */
export const SEQUENCE_HOLDER: Readonly<Record<Exclude<ContainerKind, 'sequence'>, string>> = { 'sms-package': 'SequenceData', 'cim-instance': 'Sequence' };

/**
 * Throws `INVALID_ARGUMENT` for a name that cannot name a 2007 export's package property. The property is an element
 * named after it, read by ConfigMgr with namespaces: a ':' would make a prefix no declaration binds (or no name at
 * all), so only an XML name without one is a property name. `where` places the error (the text form's section).
 */
export function checkPackagePropertyName(name: string, where: { path?: string } = {}): void {
  if (!isXmlName(name) || name.includes(':')) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `${shownValue(name, '"')} cannot name a package property: a property name is an XML name without a ':'.`, where);
  }
}

/**
 * Sets a container property, adding its element (laid out like its neighbours) when absent. The property that holds
 * the sequence (`SequenceData`, object.xml's `Sequence`) is refused (`INVALID_ARGUMENT`): its text took the place of
 * the whole sequence, and the file written had none. So is, in a 2007 export, a name that is not an XML name or that
 * has a ':' (`x:y`): the element made for it would not be read back by ConfigMgr.
 */
export function setProperty(kind: ContainerKind, xml: XmlDocument, root: Element, name: string, value: string): void {
  if (kind === 'sequence' || !('children' in root)) {
    throw new TaskSequenceError('UNSUPPORTED_CONTAINER', `A bare <sequence> has no package properties, so ${name} cannot be set in the file.`);
  }
  if (name === SEQUENCE_HOLDER[kind]) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `${name} holds the task sequence itself, not a package property: edit the sequence instead of setting it.`);
  }
  const unit = detectIndentUnit(xml);
  if (kind === 'sms-package') {
    checkPackagePropertyName(name);
    const el = childElement(root, name);
    if (el) {
      setElementText(el, value);
      return;
    }
    const created: Element = { kind: 'element', tag: name, attributes: {}, children: value === '' ? [] : [{ kind: 'text', value }] };
    const rank = SMS_PACKAGE_ORDER.indexOf(name);
    let after = -1;
    root.children.forEach((c, i) => {
      if (isElement(c) && rank !== -1 && SMS_PACKAGE_ORDER.indexOf(c.tag) !== -1 && SMS_PACKAGE_ORDER.indexOf(c.tag) < rank) after = i;
    });
    if (after !== -1) {
      insertLaidOut(root, after, [created], unit);
      return;
    }
    // None comes before it: it goes before the first that comes after it (with that one's indent), else last.
    const next = rank === -1 ? -1 : root.children.findIndex((c) => isElement(c) && SMS_PACKAGE_ORDER.indexOf(c.tag) > rank);
    if (next === -1) {
      appendLaidOut(root, created, layoutAt(xml, xml.children.indexOf(root), unit), unit);
      return;
    }
    const ws = whitespaceBefore(root, next);
    root.children.splice(next, 0, created, ...(ws ? [{ kind: 'text' as const, value: ws.value }] : []));
    return;
  }
  const prop = cimProperty(root, name);
  if (!prop || !('children' in prop)) {
    throw new TaskSequenceError('UNSUPPORTED_CONTAINER', `The SMS_TaskSequencePackage instance has no ${name} property to set.`);
  }
  const v = childElement(prop, 'VALUE');
  if (v) {
    setElementText(v, value);
    return;
  }
  const created: Element = { kind: 'element', tag: 'VALUE', attributes: {}, children: value === '' ? [] : [{ kind: 'text', value }] };
  appendLaidOut(prop, created, layoutAt(root, root.children.indexOf(prop), unit), unit);
}
