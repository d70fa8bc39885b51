/**
 * `cmts build`: the text form compiled to an importable task sequence in any container, its package properties in
 * the text's order, and what the container has no place for said. The YAML is read by from-yaml.ts; an object.xml's
 * typed, null and array properties and schema data are written by cim-properties.ts.
 */
import { createSequence, smsPackageDefaults } from '../catalog/create-sequence.js';
import { LATEST_RELEASE, type Release } from '../catalog/versions.js';
import type { ContainerKind } from '../containers/index.js';
import type { TaskSequenceDocument } from '../document.js';
import { TaskSequenceError } from '../errors.js';
import { layOut } from '../model/format.js';
import { isElement } from '../model/query.js';
import type { Element, Node, ParentElement, Sequence } from '../model/types.js';
import { buildTextItems, textPathOf, variableNode } from './build-text-step.js';
import { checkBuildOptions, checkTextItem, checkTextSequence } from './check-text.js';
import { addCimProperties } from './cim-properties.js';
import type { TextSequence } from './text-types.js';
import { appendAll } from '../arrays.js';

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
   * {@link fromYaml} only: a text with more places where a YAML item, tag, anchor or alias can start than this (line
   * ends, `,` `:` `-` `?` `[` `{` `!` `&` `*`, counted before anything is parsed) is refused with `INPUT_TOO_LARGE` and the line and column where the
   * count passes it; default 1,500,000. The YAML library's syntax tree costs up to about 1.5 KB of memory a place (a
   * 5 MB list of `- 0` lines took 577 MB; a 2 MB flow list `[0,0,…]` 722 MB), so a text within the byte limit could
   * exhaust the heap and abort the process (63 MiB of `- 0` lines did). A real text form is about a third the size
   * of its XML: 1,500,000 is about 14 MB of it, the text of a 38 MB export. Within the limit, a text whose places
   * (counted by character, `text-cost.ts`) would need more heap than the process has is refused as well
   * (`INPUT_TOO_LARGE`, naming the `--max-old-space-size` that builds it), before it is parsed.
   */
  maxNodes?: number;
}

/** The release whose console spelling new steps get: the text's `release`, else what its version and container say. */
export function textRelease(text: TextSequence, container: ContainerKind): Release {
  if (text.release !== undefined) return text.release;
  if (container === 'sms-package') return '2007';
  return Number(text.version ?? (container === 'cim-instance' ? '3.10' : '3.10')) >= 3.1 ? LATEST_RELEASE : '2012 R2';
}

/**
 * Builds a task sequence document from the text form: data a script made or parsed (JSON, say), checked against the
 * text's schema as {@link fromYaml} checks what it reads, each item as it is built (any depth). Throws
 * `NOT_A_TASK_SEQUENCE` with the path of the first problem (`steps/0/runIn`), and `INVALID_ARGUMENT` for a text or
 * options that are no object.
 */
export function buildSequence(text: TextSequence, options: BuildOptions = {}): TaskSequenceDocument {
  checkTextSequence(text);
  checkBuildOptions('buildSequence', options);
  try {
    return buildValidSequence(text, options, checkTextItem);
  } catch (e) {
    // What the builder refuses in an item (a setting out of range, fields that clash) says which item, as a check does.
    const at = e instanceof TaskSequenceError && e.path === undefined ? textPathOf(e) : undefined;
    if (at) Object.assign(e as TaskSequenceError, { path: at.join('/') });
    throw e;
  }
}

/**
 * {@link buildSequence} of a text already checked whole (what {@link fromYaml} read and validated), or whose items
 * `check` checks as they are built.
 */
export function buildValidSequence(text: TextSequence, options: BuildOptions, check?: Parameters<typeof buildTextItems>[2]): TaskSequenceDocument {
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
  // The text's own limits held it (`maxDepth` counts its YAML levels): the XML it makes is as deep as it is, which may
  // be past the XML reader's default (cmts build reads it back within what it is).
  const doc = createSequence(container, { version: version === '3.00' ? '3.00' : '3.10', ...(properties ? { properties } : {}), maxDepth: Number.MAX_SAFE_INTEGER });
  if (container === 'sms-package' && text.container === 'sms-package' && text.package) keepPackageOrder(doc, Object.keys(text.package));
  const children: Node[] = [];
  if (text.references) children.push({ kind: 'referenceList', tag: 'referenceList', attributes: {}, children: text.references.map((r) => ({ kind: 'reference', tag: 'reference', attributes: { ...r }, children: [] })) });
  if (text.variables) children.push({ kind: 'variableList', tag: 'globalVarList', attributes: {}, children: text.variables.map(variableNode) });
  appendAll(children, buildTextItems(text.steps, textRelease(text, container), check));
  const fresh: Sequence = { kind: 'sequence', tag: 'sequence', attributes: { ...(version === undefined ? {} : { version }), ...text.attributes }, children };
  // The 2007 export is indented; the bare sequence and object.xml's are one line, as the console writes them.
  // Each line end an LF, as the reader gives them: the document's text, CRLF, says how they are written.
  if (container === 'sms-package') layOut(fresh, { newline: '\n', indent: '    ', unit: '  ' });
  doc.sequence.attributes = fresh.attributes;
  doc.sequence.children = fresh.children;
  addCimProperties(doc, container, text);
  const left = leftBehind(text, container);
  if (left.length > 0) {
    doc.issues.push({
      code: 'PACKAGE_LEFT_BEHIND',
      severity: 'warning',
      message: `The text is for ${CONTAINER_NAMES[text.container ?? 'sequence']}; ${CONTAINER_NAMES[container]} has no place for its ${left.join(', ')}, which are not written.`,
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
