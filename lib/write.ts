/**
 * writeTaskSequence: {@link TaskSequenceDocument} → bytes in the document's own encoding. Unedited parts are copied
 * from the source; with no edit the bytes are the input's.
 */
import { embeddedOverride } from './containers/embedded.js';
import type { TaskSequenceDocument } from './document.js';
import type { Node } from './model/types.js';
import { encodeText } from './xml/codec.js';
import { printDocument } from './xml/print.js';

/** The document as text (no BOM). */
export function writeTaskSequenceText(doc: TaskSequenceDocument): string {
  const overrides = new Map<Node, string>();
  if (doc.embedded) {
    const raw = embeddedOverride(doc.embedded);
    if (raw !== undefined) overrides.set(doc.embedded.holder, raw);
  }
  return printDocument(doc.xml, { overrides });
}

/**
 * The document as bytes, in the encoding (and with the BOM, if any) it was read with; `doc.toBytes()` says the same.
 *
 * @example
 * ```ts
 * writeFileSync('ts.xml', writeTaskSequence(doc)); // unedited parts byte for byte as read
 * ```
 */
export function writeTaskSequence(doc: TaskSequenceDocument): Uint8Array {
  const text = writeTaskSequenceText(doc);
  return encodeText(doc.encoding.bom ? `\uFEFF${text}` : text, { encoding: doc.encoding.encoding, bom: false });
}
