/**
 * A sequence from JSON back to XML that ConfigMgr can import (`ImportSequence`, or the `Sequence` of an export): a
 * bare `<sequence>` with no declaration. JSON without layout is laid out with two-space indentation and CRLF;
 * JSON that kept the whitespace is printed as it says.
 *
 * Printed by cmts's own printer rather than xmlbuilder2: xmlbuilder2 4.0.3 writes a line feed inside an attribute
 * value as a raw newline, which XML attribute-value normalisation turns into a space on import; ours writes `&#xA;`.
 */
import { printNode } from '../xml/print.js';
import { layOut } from './format.js';
import type { Node, Sequence, XmlDocument } from './types.js';

function hasLayout(nodes: Node[]): boolean {
  return nodes.some((n) => (n.kind === 'text' && /^[ \t]*\r?\n/.test(n.value)) || ('children' in n && hasLayout(n.children)));
}

/** The sequence as XML text (a copy is printed; the sequence is not changed). */
export function sequenceToXml(sequence: Sequence, options: { newline?: string; indent?: string } = {}): string {
  const copy = JSON.parse(JSON.stringify(sequence)) as Sequence;
  if (!hasLayout(copy.children)) layOut(copy, { newline: options.newline ?? '\r\n', indent: '', unit: options.indent ?? '  ' });
  const doc: XmlDocument = { kind: 'document', children: [copy] };
  return printNode(copy, doc);
}
