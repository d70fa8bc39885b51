/**
 * writeTaskSequence: {@link TaskSequenceDocument} → bytes in the document's own encoding. Unedited parts are copied
 * from the source; with no edit the bytes are the input's. Edited output is judged well-formed as it is printed (no
 * second parse, no second tree), so no caller can write XML that a reader would refuse.
 */
import { embeddedOverride } from './containers/embedded.js';
import { HeldOffsets } from './containers/held-text.js';
import type { TaskSequenceDocument } from './document.js';
import type { Node } from './model/types.js';
import { decodeBytes } from './xml/codec.js';
import { encodesTo, encodeText } from './xml/encode-text.js';
import { TaskSequenceError } from './errors.js';
import { describeValue } from './model/child-nodes.js';
import { endOf, sourceOf, startOf } from './xml/origin.js';
import { checkOutput } from './xml/check-output.js';
import { printCheckedDocument } from './xml/print.js';
import type { EditScope } from './xml/edited-spans.js';
import { faultNodeOf } from './xml/print-faults.js';
import { withYoungGenerationHeld } from './xml/young-generation.js';

/**
 * The document as text (no BOM); throws `OUTPUT_MALFORMED` if an edit made it not well-formed, and `XML_TOO_DEEP` if it
 * nests elements deeper than the document was read with.
 */
export function writeTaskSequenceText(doc: TaskSequenceDocument): string {
  return printedText(doc);
}

/**
 * {@link writeTaskSequenceText} for a caller that made every edit of `doc` since it was read itself and names each in
 * `edited` (see xml/edited-spans.ts): the elements no edit touched are copied without being compared with the text.
 * Undefined (an edit that did not say where it was) is the full print. Not part of the library's API: a script's
 * document can have been edited anywhere.
 */
export function writeEditedText(doc: TaskSequenceDocument, edited: readonly EditScope[] | undefined): string {
  return printedText(doc, edited);
}

function printedText(doc: TaskSequenceDocument, edited?: readonly EditScope[]): string {
  refuseNonDocument(doc);
  // A large document is written with V8's young generation held at its size, as it was read (xml/young-generation.ts):
  // its embedded sequence's print too, which is a tree of its own.
  return withYoungGenerationHeld(sourceOf(doc.xml)?.text.length ?? 0, () => printedNow(doc, edited));
}

function printedNow(doc: TaskSequenceDocument, edited?: readonly EditScope[]): string {
  try {
    const overrides = new Map<Node, string>();
    if (doc.embedded) {
      const raw = embeddedOverride(doc.embedded, doc.encoding, doc.depthLimit());
      if (raw !== undefined) {
        // The whole text in the first holder's place; the sections it was split over after it are written as nothing.
        overrides.set(doc.embedded.holder, raw);
        for (const n of doc.embedded.rest) overrides.set(n, '');
      }
    }
    // Judged as it is printed: what is copied was judged when it was read, so only what is printed afresh (and where
    // it stands) needs judging, and no second parse of the whole text is made.
    // No deeper than it was read with: a read with the same options would refuse the text (XML_TOO_DEEP).
    // Not for an embedded sequence: its text is written from a second tree, in its holder's place.
    return printCheckedDocument(doc.xml, 'The edited document', { overrides, encoding: doc.encoding, maxDepth: doc.depthLimit(), ...(edited && !doc.embedded && { edited }) });
  } catch (e) {
    // The printer's refusals name their node (faultNodeOf): each gets its place in the file, whatever its code.
    if (e instanceof TaskSequenceError && !e.range) placeInFile(doc, e);
    throw e;
  }
}

/**
 * Throws `INVALID_ARGUMENT` for what is no document (null, a string of XML, a plain object): from JavaScript it
 * reached the printer, which failed with a TypeError (`doc.depthLimit is not a function`).
 */
function refuseNonDocument(doc: unknown): void {
  const d = doc as Partial<Record<'xml' | 'depthLimit' | 'readBytes', unknown>> | null;
  if (typeof d === 'object' && d !== null && typeof d.xml === 'object' && d.xml !== null && typeof d.depthLimit === 'function' && typeof d.readBytes === 'function') return;
  throw new TaskSequenceError('INVALID_ARGUMENT', `writeTaskSequence writes a TaskSequenceDocument (what readTaskSequence returns), not ${describeValue(doc)}.`);
}

/**
 * Gives a refused edit the place in the file of the node at fault, as a read error has one: `range` (offsets into the
 * decoded text read) and `linePos`, when that node was read from the file (for one of its attributes, the element).
 * A node created since has no place in the file; its `path` says where it is in the tree.
 */
function placeInFile(doc: TaskSequenceDocument, e: TaskSequenceError): void {
  const node = faultNodeOf(e);
  const src = node && sourceOf(node);
  const outer = sourceOf(doc.xml);
  if (!node || !src || !outer) return;
  let range: [number, number] = [startOf(node), endOf(node)];
  if (src !== outer) {
    // A node of the embedded sequence: its offsets are in the text held by the holder. CDATA maps one to one after
    // '<![CDATA['; in entity-escaped text the references before the place are counted (once: one error).
    const holder = doc.embedded?.holder;
    if (!holder || !sourceOf(holder) || sourceOf(holder) !== outer || src !== sourceOf(doc.embedded.xml)) return;
    const offsets = new HeldOffsets(outer.text, doc.embedded.segments);
    range = [offsets.offsetInFile(range[0]), offsets.offsetInFile(range[1])];
  }
  const linePos = doc.positionOf(node as Node);
  if (!linePos) return;
  e.range = range;
  e.linePos = linePos;
}

/**
 * The document as bytes, in the encoding (and with the BOM, if any) it was read with; `doc.toBytes()` says the same.
 * Unedited, the result is the bytes read themselves (the same memory, not a copy) while they still say what was read:
 * copy it before changing either.
 *
 * @example
 * ```ts
 * writeFileSync('ts.xml', writeTaskSequence(doc)); // unedited parts byte for byte as read
 * ```
 */
export function writeTaskSequence(doc: TaskSequenceDocument): Uint8Array {
  return bytesOf(doc, writeTaskSequenceText(doc));
}

/**
 * {@link writeTaskSequence} for a caller that made every edit of `doc` since it was read itself and names each in
 * `edited`, as {@link writeEditedText}. Not part of the library's API.
 */
export function writeEditedBytes(doc: TaskSequenceDocument, edited: readonly EditScope[] | undefined): Uint8Array {
  return bytesOf(doc, writeEditedText(doc, edited));
}

/** The document's text as bytes in its encoding: the bytes read, when the text is what was read from them. */
function bytesOf(doc: TaskSequenceDocument, text: string): Uint8Array {
  if (text === sourceOf(doc.xml)?.text) {
    // Unedited: the bytes read, if they still say what was read, are the output — no second copy is made.
    const read = doc.readBytes();
    if (read && encodesTo(read, text, doc.encoding)) return new Uint8Array(read.buffer, read.byteOffset, read.length);
  }
  return encodeText(text, doc.encoding);
}

/**
 * Checks bytes about to be written: they decode in their own encoding and are well-formed XML. Builds no tree, so a
 * command can verify its output while the document it came from is still in memory.
 */
export function checkWrittenBytes(bytes: Uint8Array): void {
  checkOutput(decodeBytes(bytes).text, 'The output');
}
