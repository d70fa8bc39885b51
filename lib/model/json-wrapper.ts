/**
 * The container around a sequence, carried in the JSON model (`wrapper`) so that `convert --to xml` gives back the
 * same 2007 `<SmsTaskSequencePackage>` or object.xml `<INSTANCE>` byte for byte — declaration, every property
 * element, CIM qualifiers, array properties, layout — with the sequence put back where it was: the file's text
 * before and after the sequence (or before and after the text of a sequence held as text: object.xml's `Sequence`
 * CDATA, or an escaped `<SequenceData>`).
 */
import type { TaskSequenceDocument } from '../document.js';
import type { TextEncodingInfo } from '../xml/encoding-name.js';
import { heldText } from '../xml/escape-text.js';
import { singleByteOf } from '../xml/single-byte.js';
import { type ElementOrigin, type LeafOrigin, originOf } from '../xml/origin.js';
import { printCheckedDocument, printNode } from '../xml/print.js';
import { styleOf } from '../xml/style.js';
import { layOut } from './format.js';
import { printSequence } from './to-xml.js';
import type { Node, Sequence, XmlDocument } from './types.js';
import { plainCopy } from './plain-copy.js';

/** The container's text around the sequence. */
export interface ContainerWrapper {
  /** The file's text (decoded, without a BOM) up to the sequence. */
  before: string;
  /** The file's text after the sequence. */
  after: string;
  /** How the sequence is held: as elements, in a CDATA section, or as escaped text. */
  holder: 'element' | 'cdata' | 'text';
  /** Whether the JSON kept the sequence's layout (`--whitespace`): then it is printed as it is, never laid out. */
  layout?: boolean;
  /**
   * With `layout`: the newline the sequence's text is written with (the held document's, for a sequence held as
   * text). Its white space and values say each line end as an LF, as the reader gives them, so the JSON alone cannot
   * tell; without it, the newline of `before` (CR LF when it has none).
   */
  newline?: '\r\n' | '\n' | '\r';
  /** For a sequence held as text: that text's own parts before and after `<sequence>` (a declaration, line ends). */
  innerBefore?: string;
  innerAfter?: string;
  /** For `text`: whether `"` and `'` were written as entities. */
  quot?: boolean;
  apos?: boolean;
}

/**
 * The document's text around its sequence, or undefined for a document not read from text. A bare sequence has one
 * only when the layout is kept (`--whitespace`): its declaration and what else is around it, and the sign that its
 * layout was kept, which a sequence on one line (as the console exports it) has no white space to show; without it,
 * it came back laid out over many lines, and without its declaration.
 */
export function containerWrapper(doc: TaskSequenceDocument, keptLayout = false): ContainerWrapper | undefined {
  if (doc.container === 'sequence' && !keptLayout) return undefined;
  const w = wrapperOf(doc);
  if (!w || !keptLayout) return w;
  const newline = styleOf(doc.embedded?.xml ?? doc.xml).newline;
  return { ...w, layout: true, ...(newline === '' ? {} : { newline }) };
}

function wrapperOf(doc: TaskSequenceDocument): ContainerWrapper | undefined {
  const holder = doc.embedded?.holder;
  if (!holder) {
    const o = originOf(doc.sequence) as ElementOrigin | undefined;
    return o && { before: o.src.text.slice(0, o.start), after: o.src.text.slice(o.end), holder: 'element' };
  }
  const o = originOf(holder) as LeafOrigin | undefined;
  // A text split over several sections (where it held `]]>`) ends where the last of them ends.
  const last = originOf(doc.embedded?.rest.at(-1) ?? holder) as LeafOrigin | undefined;
  if (!o || !last) return undefined;
  const inner = doc.embedded?.xml.children ?? [];
  const at = inner.indexOf(doc.sequence);
  const print = (nodes: typeof inner) => nodes.map((n) => printNode(n, { kind: 'document', children: inner })).join('');
  const parts = { before: o.src.text.slice(0, o.start), after: o.src.text.slice(last.end), innerBefore: print(inner.slice(0, at)), innerAfter: print(inner.slice(at + 1)) };
  if (holder.kind === 'cdata') return { ...parts, holder: 'cdata' };
  const raw = o.src.text.slice(o.start, last.end);
  return { ...parts, holder: 'text', quot: raw.includes('&quot;'), apos: raw.includes('&apos;') };
}

/**
 * The container's text with `sequence` in its place; a sequence without layout is laid out where it goes. The sequence
 * is judged as {@link sequenceToXml} judges it unless `checked` is false.
 */
export function wrapSequence(wrapper: ContainerWrapper, sequence: Sequence, checked = true, encoding?: TextEncodingInfo): string {
  const newline = /\r\n/.test(wrapper.before) || !/\n/.test(wrapper.before) ? '\r\n' : '\n';
  // Layout and values say each line end as an LF: printed as the sequence's text writes its lines.
  // In the container's encoding: what a single-byte one has no byte for (a value read from a reference) is a reference.
  const options = { newline: wrapper.layout ? (wrapper.newline ?? newline) : newline, ...(encoding && { heldIn: encoding }) };
  const print = (doc: XmlDocument) => (checked ? printCheckedDocument(doc, 'The sequence', options) : printNode(doc.children[0] as Node, doc, options));
  if (wrapper.holder === 'element') {
    const copy = plainCopy(sequence);
    const indent = /[ \t]*$/.exec(wrapper.before)?.[0] ?? '';
    if (!wrapper.layout && !copy.children.some((c) => c.kind === 'text')) layOut(copy, { newline: '\n', indent, unit: '  ' });
    return wrapper.before + print({ kind: 'document', children: [copy] }) + wrapper.after;
  }
  const text = (wrapper.innerBefore ?? '') + (wrapper.layout ? print({ kind: 'document', children: [sequence] }) : printSequence(sequence, { newline }, checked, encoding)) + (wrapper.innerAfter ?? '');
  // Held as text, the sequence is characters of the container's encoding: one a single-byte container has no byte for
  // (a value its escaped text read from a reference) is written as a reference, which the encoder refused raw.
  const inner = heldText(text, wrapper.holder === 'cdata', { textQuot: wrapper.quot === true, textApos: wrapper.apos === true }, singleByteOf(encoding));
  return wrapper.before + inner + wrapper.after;
}
