/**
 * `cmts build`: the text form compiled to an importable task sequence in any container. YAML problems and schema
 * problems are reported with their line and column in the text.
 */
import { Composer, type Document, isAlias, isCollection, isMap, isScalar, LineCounter as YamlLines, Parser, visit, YAMLParseError } from 'yaml';
import { createSequence, smsPackageDefaults } from '../catalog/create-sequence.js';
import { LATEST_RELEASE, type Release } from '../catalog/versions.js';
import { cimArrayElement, cimArraysProblem } from '../containers/cim-arrays.js';
import { propertySchemaProblem, qualifierElements, qualifiersProblem, schemaQualifiers, withSchemaAttributes } from '../containers/cim-schema.js';
import type { ContainerKind } from '../containers/index.js';
import type { TaskSequenceDocument } from '../document.js';
import { limitOption, LineCounter, TaskSequenceError } from '../errors.js';
import { detectIndentUnit, insertLaidOutBefore, layOut } from '../model/format.js';
import { isElement } from '../model/query.js';
import type { Element, Node, ParentElement, Sequence } from '../model/types.js';
import { describeErrors, validatorFor } from '../schemas.js';
import { INVALID_CHAR, isXmlName } from '../xml/chars.js';
import { buildTextItems, textPathOf, variableNode } from './build-text-step.js';
import type { TextCimSchema, TextSequence } from './text-types.js';
import { tooDeepAt } from './yaml-text.js';

/** Options for {@link buildSequence} and {@link fromYaml}. */
export interface BuildOptions {
  /** The container to write; default the text's `container`, else a bare `sequence`. */
  container?: ContainerKind;
  /**
   * {@link fromYaml} only: YAML mappings and lists nested deeper than this are refused (`TEXT_TOO_DEEP`, with the
   * line and column) before they are composed; default 512, about 250 nested groups (each group is two levels, its
   * mapping and its `steps` list). The YAML library composes and the schema check validates by recursion, so a limit
   * raised far beyond the default meets the call stack's: the library reports that as a YAML error.
   */
  maxDepth?: number;
  /**
   * {@link fromYaml} only: a text with more places where a YAML item can start than this (line ends, `,` `:` `-` `?`
   * `[` `{`, counted before anything is parsed) is refused with `INPUT_TOO_LARGE` and the line and column where the
   * count passes it; default 1,500,000. The YAML library's syntax tree costs about 700 bytes of memory an item (a
   * 5 MB list of `- 0` lines took 577 MB; a 2 MB flow list `[0,0,…]` 722 MB), so a text within the byte limit could
   * exhaust the heap and abort the process (63 MiB of `- 0` lines did). A real text form is about a third the size
   * of its XML: 1,500,000 is about 14 MB of it, the text of a 38 MB export.
   */
  maxNodes?: number;
}

/** The offset where `text`'s count of places a YAML item can start passes `max`, or undefined if it does not. */
function tooManyItemsAt(text: string, max: number): number | undefined {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // \n , - : ? [ {
    if ((c === 0x0a || c === 0x2c || c === 0x2d || c === 0x3a || c === 0x3f || c === 0x5b || c === 0x7b) && ++count > max) return i;
  }
  return undefined;
}

/** The release whose console spelling new steps get: the text's `release`, else what its version and container say. */
export function textRelease(text: TextSequence, container: ContainerKind): Release {
  if (text.release !== undefined) return text.release;
  if (container === 'sms-package') return '2007';
  return Number(text.version ?? (container === 'cim-instance' ? '3.10' : '3.10')) >= 3.1 ? LATEST_RELEASE : '2012 R2';
}

/** Builds a task sequence document from the text form (already parsed and valid). */
export function buildSequence(text: TextSequence, options: BuildOptions = {}): TaskSequenceDocument {
  const container = options.container ?? text.container ?? 'sequence';
  // A text for a bare sequence has nowhere to put package properties: building it would drop them without a word.
  // (A text written for a package container and built into a bare sequence on request leaves them behind.)
  if (container === 'sequence' && (text.container ?? 'sequence') === 'sequence' && text.package && Object.keys(text.package).length > 0) {
    throw new TaskSequenceError('UNSUPPORTED_CONTAINER', `A bare <sequence> has no package properties, so ${Object.keys(text.package).join(', ')} (package) would be lost; say the container (container: sms-package or cim-instance, or --container) or leave package out.`, { path: 'package' });
  }
  // The sequence's version is said by version: one also under attributes would win over it without a word.
  if (text.attributes && Object.hasOwn(text.attributes, 'version')) {
    throw new TaskSequenceError('NOT_A_TASK_SEQUENCE', 'The text is not a task sequence: the <sequence> version goes under version:, not attributes (which would override it).', { path: 'attributes' });
  }
  const version = text.version === null ? undefined : (text.version ?? (container === 'sms-package' ? '3.00' : '3.10'));
  // A text written for another container gets the 2007 export's usual elements around its own properties.
  const properties = container === 'sms-package' && text.container !== 'sms-package' ? { ...smsPackageDefaults(), ...text.package } : text.package;
  const doc = createSequence(container, { version: version === '3.00' ? '3.00' : '3.10', ...(properties ? { properties } : {}) });
  if (container === 'sms-package' && text.container === 'sms-package' && text.package) keepPackageOrder(doc, Object.keys(text.package));
  const children: Node[] = [];
  if (text.references) children.push({ kind: 'referenceList', tag: 'referenceList', attributes: {}, children: text.references.map((r) => ({ kind: 'reference', tag: 'reference', attributes: { ...r }, children: [] })) });
  if (text.variables) children.push({ kind: 'variableList', tag: 'globalVarList', attributes: {}, children: text.variables.map(variableNode) });
  children.push(...buildTextItems(text.steps, textRelease(text, container)));
  const fresh: Sequence = { kind: 'sequence', tag: 'sequence', attributes: { ...(version === undefined ? {} : { version }), ...text.attributes }, children };
  // The 2007 export is indented; the bare sequence and object.xml's are one line, as the console writes them.
  if (container === 'sms-package') layOut(fresh, { newline: '\r\n', indent: '    ', unit: '  ' });
  doc.sequence.attributes = fresh.attributes;
  doc.sequence.children = fresh.children;
  addCimProperties(doc, container, text);
  const left = leftBehind(text, container);
  if (left.length > 0) {
    doc.issues.push({
      code: 'PACKAGE_LEFT_BEHIND',
      severity: 'warning',
      message: `The text is for ${CONTAINER_NAMES[text.container ?? 'sequence']}; a ${CONTAINER_NAMES[container]} has no place for its ${left.join(', ')}, which are not written.`,
    });
  }
  return doc;
}

const CONTAINER_NAMES: Record<ContainerKind, string> = { sequence: 'a bare <sequence>', 'sms-package': 'a 2007 <SmsTaskSequencePackage>', 'cim-instance': 'an object.xml' };

/**
 * What of a text written for a package container another container asked for leaves behind: a bare sequence its
 * package properties, any container but an object.xml the object.xml's typed, null and array properties and schema
 * data. Asked for on purpose (`--container`), so written, but said: the sequence read back is not the package.
 */
function leftBehind(text: TextSequence, container: ContainerKind): string[] {
  const out: string[] = [];
  const names = (o: object | undefined) => Object.keys(o ?? {});
  if (container === 'sequence' && names(text.package).length > 0) out.push(`package properties (${names(text.package).join(', ')})`);
  if (container !== 'cim-instance' && text.container === 'cim-instance') {
    // A typed property without a value is a null property, which no other container can say either.
    if (names(text.packageTypes).length > 0) out.push(`CIM types and null properties (${names(text.packageTypes).join(', ')})`);
    if (names(text.packageArrays).length > 0) out.push(`array properties (${names(text.packageArrays).join(', ')})`);
    if (text.packageSchema) out.push('CIM schema data (packageSchema)');
  }
  return out;
}

/**
 * Puts a new 2007 export's property elements in the text's order. The new export has them in the console's order,
 * which is right for properties written for another container; but a 2007 export's own text says its file's order,
 * and converting what was built must give that text again. `<SequenceData>` keeps the console's place; each
 * property takes the place, and so the layout, of the one before it.
 */
function keepPackageOrder(doc: TaskSequenceDocument, order: string[]): void {
  const root = doc.xml.children.find((c): c is ParentElement => isElement(c) && 'children' in c);
  if (!root) return;
  const rank = new Map(order.map((k, i) => [k, i]));
  const slots: number[] = [];
  root.children.forEach((c, i) => {
    if (isElement(c) && c.tag !== 'SequenceData') slots.push(i);
  });
  const ordered = slots.map((i) => root.children[i] as Element).sort((x, y) => (rank.get(x.tag) ?? Infinity) - (rank.get(y.tag) ?? Infinity));
  slots.forEach((slot, i) => {
    root.children[slot] = ordered[i] as Element;
  });
}

/**
 * Gives a new object.xml's properties the text's CIM types, and writes its null properties and array properties, in
 * order, before its `Sequence` property and laid out like it; then its schema data (qualifiers, attributes) and, when
 * the text says it, its properties' order. Built into another container, an object.xml's text leaves them behind
 * (that container has no place for them, as a bare sequence has none for any property); a text written for another
 * container that has them is refused.
 */
function addCimProperties(doc: TaskSequenceDocument, container: ContainerKind, text: TextSequence): void {
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

/** What in the text's typed, null and array properties and schema data cannot be written as an object.xml's, with where. */
function cimPropertiesProblem(text: TextSequence): { path: (string | number)[]; what: string } | undefined {
  for (const name of Object.keys(text.packageTypes ?? {})) {
    if (name === 'Sequence') return { path: ['packageTypes', name], what: 'the Sequence property holds the sequence, so it has no type to give and cannot be null' };
    if (text.packageArrays && Object.hasOwn(text.packageArrays, name)) return { path: ['packageTypes', name], what: `${name} is an array property (packageArrays), not a scalar one` };
  }
  for (const name of Object.keys(text.packageArrays ?? {})) {
    if (name === 'Sequence' || (text.package && Object.hasOwn(text.package, name))) return { path: ['packageArrays', name], what: `${name} is also a scalar property (package)` };
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
    if (!has(name)) return { path, what: `the object.xml has no property ${name} (package, packageTypes or packageArrays)` };
    const bad = propertySchemaProblem(s, path);
    if (bad) return bad;
  }
  return undefined;
}

/** The text's top-level sections the builder refuses at their key (package sections a container has no place for). */
const PACKAGE_KEYS: ReadonlySet<string> = new Set(['package', 'packageTypes', 'packageArrays', 'packageSchema', 'attributes']);

/** Parses, validates (schemas/sequence-text.schema.json) and builds a sequence written in the text form's YAML. */
export function fromYaml(source: string, options: BuildOptions = {}): TaskSequenceDocument {
  const maxDepth = limitOption('maxDepth', options.maxDepth, 512);
  const maxNodes = limitOption('maxNodes', options.maxNodes, 1_500_000);
  const lines = new YamlLines();
  const place = (offset: number) => {
    const p = lines.linePos(offset);
    return { range: [offset, offset] as [number, number], linePos: { line: p.line, col: p.col } };
  };
  const many = tooManyItemsAt(source, maxNodes);
  if (many !== undefined) {
    // Before the library has seen the text, so its line counter has not either.
    throw new TaskSequenceError('INPUT_TOO_LARGE', `The text has more than ${maxNodes} places where a YAML item can start (option maxNodes): the YAML library would need about 700 bytes of memory for each.`, { range: [many, many], linePos: new LineCounter(source).linePos(many) });
  }
  // What parseDocument does, with the nesting measured on the tokens between parsing and composing.
  const tokens = [...new Parser(lines.addNewLine).parse(source)];
  const deep = tooDeepAt(tokens, maxDepth);
  if (deep !== undefined) throw new TaskSequenceError('TEXT_TOO_DEEP', `The text nests mappings and lists deeper than ${maxDepth} levels (option maxDepth).`, place(deep));
  // compose(…, true) always yields a document; a second one is an error, as parseDocument reports it.
  const [doc, second] = new Composer({ uniqueKeys: true }).compose(tokens, true, source.length);
  const yaml = doc as Document.Parsed;
  if (second) yaml.errors.push(new YAMLParseError([second.range[0], second.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
  const first = yaml.errors[0];
  // The library composes (and converts, and the schema's check validates) by recursion: a text within a maxDepth
  // raised far beyond the default can be deeper than the call stack lets them go (about 900 levels of YAML, 450 groups).
  const tooDeepToCompose = (at: number) =>
    new TaskSequenceError('TEXT_TOO_DEEP', `The text nests mappings and lists deeper than the YAML library can read (it recurses, and ran out of call stack), though within ${maxDepth} levels (option maxDepth).`, place(at));
  if (first && /call stack/i.test(first.message)) throw tooDeepToCompose(first.pos[0]);
  if (first) throw new TaskSequenceError('NOT_A_TASK_SEQUENCE', `The text is not valid YAML: ${first.message.split('\n')[0]}`, place(first.pos[0]));
  let value: unknown;
  const validate = validatorFor('sequence-text.schema.json');
  let valid: boolean;
  try {
    value = yaml.toJS() as unknown;
    valid = validate(value);
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message)) throw tooDeepToCompose(0);
    // The library refuses aliases that would expand to far more than the text (the "billion laughs") with an untyped
    // ReferenceError; it is the text's size that is wrong, so it is refused as such, at its first alias.
    if (e instanceof ReferenceError && /alias/i.test(e.message)) {
      let first = 0;
      visit(yaml, { Alias: (_key, node) => (isAlias(node) && node.range ? ((first = node.range[0]), visit.BREAK) : undefined) });
      throw new TaskSequenceError('INPUT_TOO_LARGE', 'The text\'s aliases (*name) would expand to far more than the text itself; write the values out instead.', place(first));
    }
    throw e;
  }
  if (!valid) {
    const error = validate.errors?.[0];
    const path = (error?.instancePath ?? '').split('/').slice(1).map((k) => (/^\d+$/.test(k) ? Number(k) : k.replace(/~1/g, '/').replace(/~0/g, '~')));
    const node = yaml.getIn(path, true) as { range?: [number, number, number] } | undefined;
    throw new TaskSequenceError('NOT_A_TASK_SEQUENCE', `The text is not a task sequence: ${describeErrors(validate.errors).slice(0, 5).join('; ')}.`, node?.range ? place(node.range[0]) : {});
  }
  const at = (path: readonly (string | number)[], onKey = false) => {
    // A value's place; for a mapping or list, which starts on the line after its key, or for what is wrong with the
    // key itself (`onKey`), the key's.
    const value = yaml.getIn(path, true);
    const parent = (onKey || isCollection(value)) && path.length > 0 ? yaml.getIn(path.slice(0, -1), true) : undefined;
    const key = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && p.key.value === path.at(-1))?.key : undefined;
    const node = (isScalar(key) ? key : value) as { range?: [number, number, number] } | undefined;
    return node?.range ? place(node.range[0]) : {};
  };
  const unwritable = unwritableAt(value);
  if (unwritable) throw new TaskSequenceError('OUTPUT_MALFORMED', `The text is not a task sequence: ${unwritable.what}; nothing is written.`, at(unwritable.path, unwritable.key));
  const arrayProblem = cimPropertiesProblem(value as TextSequence);
  if (arrayProblem) throw new TaskSequenceError('NOT_A_TASK_SEQUENCE', `The text is not a task sequence: ${arrayProblem.what}.`, { path: arrayProblem.path.join('/'), ...at(arrayProblem.path) });
  try {
    // Valid: the schema check above passed.
    return buildSequence(value as TextSequence, options);
  } catch (e) {
    // What the builder refuses (a setting out of range, a step the catalog does not know) is placed at its item.
    const path = e instanceof TaskSequenceError && e.range === undefined ? (textPathOf(e) ?? (e.path !== undefined && PACKAGE_KEYS.has(e.path) ? [e.path] : undefined)) : undefined;
    if (e instanceof TaskSequenceError && path) Object.assign(e, at(path));
    throw e;
  }
}

const hex = (c: string) => (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');

/**
 * The first string of the text (value, or name of an attribute or reference field) that XML cannot write: a
 * character XML 1.0 does not allow (U+0000, a lone surrogate, …), or an attribute name that is not an XML name.
 * Found on the data with an explicit stack (the text may be deeply nested), in text order; `key` when it is the key
 * at `path` that is wrong, not its value.
 */
function unwritableAt(value: unknown): { path: (string | number)[]; what: string; key: boolean } | undefined {
  const stack: { v: unknown; path: (string | number)[]; names: boolean }[] = [{ v: value, path: [], names: false }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const { v, path, names } = frame;
    if (typeof v === 'string') {
      const bad = INVALID_CHAR.exec(v);
      if (bad) return { path, what: `${path.join('.')} holds U+${hex(bad[0])}, a character XML cannot hold`, key: false };
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    const entries = Object.entries(v);
    for (const [k] of entries) {
      if (names && !isXmlName(k)) return { path: [...path, k], what: `${JSON.stringify(k)} (${path.join('.')}) is not an XML name, so it cannot be an attribute`, key: true };
      const bad = INVALID_CHAR.exec(k);
      if (bad) return { path: [...path, k], what: `the key ${JSON.stringify(k)} holds U+${hex(bad[0])}, a character XML cannot hold`, key: true };
    }
    // Attribute maps and references become attributes; the package's names are the container's to check.
    const references = Array.isArray(v) && path.length === 1 && path[0] === 'references';
    for (const [k, c] of entries.reverse()) stack.push({ v: c, path: [...path, Array.isArray(v) ? Number(k) : k], names: k === 'attributes' || references });
  }
  return undefined;
}
