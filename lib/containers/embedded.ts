/**
 * A sequence kept as text inside another document: Current Branch's object.xml holds it in a CDATA section of the
 * `Sequence` property; some tools write it entity-escaped. The inner text is parsed as a document of its own and put
 * back (re-wrapped the same way) only when it changed.
 */
import { TaskSequenceError, type LineCounter } from '../errors.js';
import { classifyElement } from '../model/classify.js';
import type { CData, Element, Sequence, Text, XmlDocument } from '../model/types.js';
import type { TextEncodingInfo } from '../xml/encoding-name.js';
import { heldText } from '../xml/escape-text.js';
import { checkOutput } from '../xml/check-output.js';
import { parseXml } from '../xml/parse.js';
import type { ParsedXml, ParseWarning } from '../xml/parse-xml-options.js';
import { printCheckedDocument } from '../xml/print.js';
import { type HeldSegment, HeldOffsets, heldRun, readHeldText, runSpan } from './held-text.js';
import { heldLineEnds } from './held-line-ends.js';
import { splicedHeldText } from './held-splice.js';
import { singleByteOf } from '../xml/single-byte.js';
import type { Newline } from '../xml/escape-text.js';
import { type Source, sourceOf } from '../xml/origin.js';
import { styleOf, styleOfText } from '../xml/style.js';

/** An embedded sequence document and the nodes of the outer document that hold its text. */
export interface Embedded {
  xml: XmlDocument;
  sequence: Sequence;
  /** The first node that holds the text, which says how it is written back (a CDATA section, or escaped text). */
  holder: CData | Text;
  /**
   * The nodes after `holder` that hold the rest of the text (a CDATA section split where the text holds `]]>`, and
   * what stands between the sections); none for one node. Written back edited, the whole text takes `holder`'s place.
   */
  rest: (CData | Text)[];
  /** Where each stretch of the text is in the file, for the places of errors and findings; none when not read. */
  segments: HeldSegment[];
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
  const run = heldRun(element);
  const holder = run?.[0];
  if (!run || !holder) return undefined;
  const span = runSpan(run);
  const { text, segments } = span ? readHeldText(span.src.text, span.start, span.end) : { text: run.map((n) => n.value).join(''), segments: [] };
  // The text joined, not the first node's: a first section of white space only is still the sequence's text.
  if (!text.trimStart().startsWith('<')) return undefined;
  const file = span?.src.text ?? '';
  // One CDATA section, or text with no reference, maps one to one onto the file. Escaped, the text read is shorter
  // than what the file says (`&lt;` is one `<`), and several sections have markup between them: a place in it is
  // then found in the file segment by segment, so an error and a warning name the line and column in the file.
  const only = segments.length === 1 ? (segments[0] as HeldSegment) : undefined;
  const direct = segments.length === 0 || (only !== undefined && (only.cdata || only.end - only.start === text.length));
  const baseOffset = segments[0]?.start ?? 0;
  let offsets: HeldOffsets | undefined;
  const inFile = (at: number): number => (direct ? baseOffset + at : (offsets ??= new HeldOffsets(file, segments)).offsetInFile(at));
  const places: Pick<LineCounter, 'linePos'> = direct ? lines : { linePos: (at: number) => lines.linePos(inFile(at)) };
  let parsed: ParsedXml & { document: XmlDocument; root: Element };
  try {
    // The classifier gives every element its model kind, so the tree is the model's.
    parsed = parseXml(text, { classify: classifyElement, maxDepth, maxNodes, baseOffset: direct ? baseOffset : 0, lines: places, embedded: true }) as ParsedXml & { document: XmlDocument; root: Element };
  } catch (e) {
    if (!direct && e instanceof TaskSequenceError && e.range) e.range = [inFile(e.range[0]), inFile(e.range[1])];
    throw e;
  }
  if (!direct) for (const w of parsed.warnings) w.offset = inFile(w.offset);
  warnings.push(...parsed.warnings);
  if (parsed.root.kind !== 'sequence') {
    throw new TaskSequenceError('SEQUENCE_MISSING', `The embedded task sequence text starts with <${parsed.root.tag}>, not <sequence>.`, {
      range: [baseOffset, baseOffset],
      linePos: lines.linePos(baseOffset),
    });
  }
  return { xml: parsed.document, sequence: parsed.root, holder, rest: run.slice(1), segments, original: text };
}

/**
 * The raw text to write for the holder node if the embedded sequence changed, else undefined. `heldIn` is the outer
 * document's encoding: the text is written in it, so a single-byte one's missing characters become references here.
 */
export function embeddedOverride(embedded: Embedded, heldIn?: TextEncodingInfo, maxDepth?: number): string | undefined {
  // Judged as it is printed, as the document itself is: a parse alone passes text that reads back as another tree.
  // No deeper than the document was read with (`maxDepth`), as the reader reads the embedded sequence with it too.
  // (The holder's source, not runSpan's: that finds where the held text ends, a scan of it on every write.)
  const newline = heldNewline(embedded, sourceOf(embedded.holder));
  const text = printCheckedDocument(embedded.xml, 'The edited embedded sequence', { embedded: true, ...(heldIn ? { heldIn } : {}), ...(maxDepth !== undefined ? { maxDepth } : {}), ...(newline ? { newline } : {}) });
  if (text === embedded.original) return undefined;
  checkOutput(text, 'The edited embedded sequence', { embedded: true });
  const span = runSpan([embedded.holder, ...embedded.rest]);
  const raw = embedded.holder.kind === 'text' && span ? span.src.text.slice(span.start, span.end) : '';
  const style = { textQuot: raw.includes('&quot;'), textApos: raw.includes('&apos;') };
  // The inner printer copies what was not edited as read, and an escaped stretch can have read, from a reference, a
  // character a single-byte outer document has no byte for: the held text writes it as a reference again.
  const singleByte = singleByteOf(heldIn);
  // What did not change is copied as the file writes it; the text is written whole only where that cannot be.
  const spliced = span && splicedHeldText(span.src.text, span.start, span.end, embedded.segments, embedded.original, text, style, singleByte);
  if (spliced !== undefined) return spliced;
  const lineEnds = span && embedded.holder.kind === 'text' ? heldLineEnds(span.src.text, embedded.segments) : undefined;
  return heldText(text, embedded.holder.kind === 'cdata', style, singleByte, lineEnds);
}

/**
 * How a line end printed afresh in the held text is written when the held text has none of its own between elements
 * (the console exports the sequence as one line): as the file that holds it ends its lines. Left to the held text, it
 * was a bare LF, in a CR LF file too (a value's line end, a new item's layout). Undefined where the held text has line
 * ends (they are its own style) or the file has none.
 */
function heldNewline(embedded: Embedded, outer: Source | undefined): Newline | undefined {
  if (!outer || styleOf(embedded.xml).newline !== '') return undefined;
  const nl = styleOfText(outer).newline;
  return nl === '' ? undefined : nl;
}
