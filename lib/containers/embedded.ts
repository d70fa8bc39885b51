/**
 * A sequence kept as text inside another document: Current Branch's object.xml holds it in a CDATA section of the
 * `Sequence` property; some tools write it entity-escaped. The inner text is parsed as a document of its own and put
 * back (re-wrapped the same way) only when it changed.
 */
import { TaskSequenceError, type LineCounter } from '../errors.js';
import { classifyElement } from '../model/classify.js';
import type { CData, Element, Sequence, Text, XmlDocument } from '../model/types.js';
import type { TextEncodingInfo } from '../xml/codec.js';
import { decodeEntities, heldText } from '../xml/entities.js';
import { type LeafOrigin, originOf } from '../xml/origin.js';
import { checkOutput } from '../xml/check-output.js';
import { parseXml, type ParsedXml, type ParseWarning } from '../xml/parse.js';
import { printCheckedDocument } from '../xml/print.js';

/** An embedded sequence document and the node of the outer document that holds its text. */
export interface Embedded {
  xml: XmlDocument;
  sequence: Sequence;
  holder: CData | Text;
  /** The inner text as read, to tell whether it changed. */
  original: string;
}

/** The reader's limits an embedded sequence is read within (see `ReadOptions`). */
export interface EmbeddedLimits {
  maxDepth: number;
  /**
   * Markup items and attributes of the held text. Escaped (`&lt;step …`), its markup was one text to the count made
   * before the outer parse, so without it a sequence of any size within `maxBytes` was read past a lower `maxNodes`.
   */
  maxNodes: number;
}

/** Parses the sequence held as text by `element` (a `<VALUE>` or `<SequenceData>`), or undefined if it holds none. */
export function readEmbedded(element: Element, lines: LineCounter, { maxDepth, maxNodes }: EmbeddedLimits, warnings: ParseWarning[]): Embedded | undefined {
  if (!('children' in element)) return undefined;
  const holders = element.children.filter((c): c is CData | Text => c.kind === 'cdata' || (c.kind === 'text' && c.value.trim() !== ''));
  const holder = holders[0];
  if (!holder || holders.length !== 1 || !holder.value.trimStart().startsWith('<')) return undefined;
  const o = originOf(holder) as LeafOrigin | undefined;
  const baseOffset = o ? o.start + (holder.kind === 'cdata' ? 9 : 0) : 0;
  const text = o ? heldSource(o, holder.kind) : holder.value;
  // Entity-escaped, the text read is shorter than what the file says (`&lt;` is one `<`): a place in it is found in
  // the file by walking the references before it, so an error and a warning name the line and column in the file.
  const escaped = o !== undefined && holder.kind === 'text' && text.length !== o.end - o.start ? o : undefined;
  const inFile = escaped ? (at: number): number => rawOffsetOf(escaped.src.text, escaped.start, at) : (at: number): number => at;
  const places: Pick<LineCounter, 'linePos'> = escaped ? { linePos: (at: number) => lines.linePos(inFile(at)) } : lines;
  let parsed: ParsedXml & { document: XmlDocument; root: Element };
  try {
    // The classifier gives every element its model kind, so the tree is the model's.
    parsed = parseXml(text, { classify: classifyElement, maxDepth, maxNodes, baseOffset: escaped ? 0 : baseOffset, lines: places, embedded: true }) as ParsedXml & { document: XmlDocument; root: Element };
  } catch (e) {
    if (escaped && e instanceof TaskSequenceError && e.range) e.range = [inFile(e.range[0]), inFile(e.range[1])];
    throw e;
  }
  if (escaped) for (const w of parsed.warnings) w.offset = inFile(w.offset);
  warnings.push(...parsed.warnings);
  if (parsed.root.kind !== 'sequence') {
    throw new TaskSequenceError('SEQUENCE_MISSING', `The embedded task sequence text starts with <${parsed.root.tag}>, not <sequence>.`, {
      range: [baseOffset, baseOffset],
      linePos: lines.linePos(baseOffset),
    });
  }
  return { xml: parsed.document, sequence: parsed.root, holder, original: text };
}

/**
 * Where the character at `at` of entity-escaped text, decoded, is written in `file`, whose raw text starts at `start`:
 * each reference before it (`&lt;`, `&#x1F600;`) is one character, or two for one past U+FFFF, of the decoded text.
 * A place inside a reference's characters is the reference's. Linear in the text before it: used for an error's place.
 */
function rawOffsetOf(file: string, start: number, at: number): number {
  let i = start;
  for (let j = 0; j < at; ) {
    if (file.charCodeAt(i) !== 0x26 /* & */) {
      i++;
      j++;
      continue;
    }
    const semi = file.indexOf(';', i);
    const ref = file.slice(i, semi + 1);
    const units = decodeEntities(ref).length;
    if (j + units > at) return i;
    j += units;
    i = semi + 1;
  }
  return i;
}

/**
 * The held document's text with its line ends as written: the CDATA section's content, or the text decoded. The
 * holder's value has each line end one LF, as XML gives it; but the held document is read as a document of its own,
 * whose reader makes them LFs in its values just the same, and which, written back after an edit, keeps its own
 * line ends (and an error's offsets in a CDATA section stay exact).
 */
function heldSource(o: LeafOrigin, kind: 'cdata' | 'text'): string {
  if (kind === 'cdata') return o.src.text.slice(o.start + 9, o.end - 3);
  const raw = o.src.text.slice(o.start, o.end);
  return raw.indexOf('&') === -1 ? raw : decodeEntities(raw);
}

/**
 * The raw text to write for the holder node if the embedded sequence changed, else undefined. `heldIn` is the outer
 * document's encoding: the text is written in it, so a single-byte one's missing characters become references here.
 */
export function embeddedOverride(embedded: Embedded, heldIn?: TextEncodingInfo, maxDepth?: number): string | undefined {
  // Judged as it is printed, as the document itself is: a parse alone passes text that reads back as another tree.
  // No deeper than the document was read with (`maxDepth`), as the reader reads the embedded sequence with it too.
  const text = printCheckedDocument(embedded.xml, 'The edited embedded sequence', { embedded: true, ...(heldIn ? { heldIn } : {}), ...(maxDepth !== undefined ? { maxDepth } : {}) });
  if (text === embedded.original) return undefined;
  checkOutput(text, 'The edited embedded sequence', { embedded: true });
  const o = originOf(embedded.holder) as LeafOrigin | undefined;
  const raw = embedded.holder.kind === 'text' && o ? o.src.text.slice(o.start, o.end) : '';
  return heldText(text, embedded.holder.kind === 'cdata', { textQuot: raw.includes('&quot;'), textApos: raw.includes('&apos;') });
}
