/**
 * A sequence from JSON back to XML that ConfigMgr can import (`ImportSequence`, or the `Sequence` of an export): a
 * bare `<sequence>` with no declaration. JSON without layout is laid out with two-space indentation and CRLF;
 * JSON that kept the whitespace is printed as it says.
 *
 * Printed by cmts's own printer rather than xmlbuilder2: xmlbuilder2 4.0.3 writes a line feed inside an attribute
 * value as a raw newline, which XML attribute-value normalisation turns into a space on import; ours writes `&#xA;`.
 */
import { TaskSequenceError } from '../errors.js';
import { describeGiven, describeValue } from './child-nodes.js';
import { checkTree } from '../visit.js';
import { printCheckedDocument, printNode } from '../xml/print.js';
import { styleOf } from '../xml/style.js';
import type { TextEncodingInfo } from '../xml/encoding-name.js';
import { layOut } from './format.js';
import { plainCopy } from './plain-copy.js';
import type { Node, Sequence, XmlDocument } from './types.js';

/**
 * Whether any text at any depth starts a new line (the JSON kept the file's layout). Iterative, with a stack of
 * lists still to look at, because nesting goes as deep as the reader's `maxDepth` allows.
 */
function hasLayout(nodes: Node[]): boolean {
  const work: Node[][] = [nodes];
  for (let list = work.pop(); list; list = work.pop()) {
    for (const n of list) {
      if (n.kind === 'text' && /^[ \t]*\r?\n/.test(n.value)) return true;
      if ('children' in n) work.push(n.children);
    }
  }
  return false;
}

/** How {@link sequenceToXml} lays a sequence out. */
export interface SequenceLayout {
  /**
   * The newline of a sequence laid out afresh (default `\r\n`; `''` puts it on one line with nothing between the
   * elements, as the console exports it), and how every line end printed is written. For a sequence that has a layout
   * of its own, and with `''`, line ends are written as in the file the sequence was read from (else as an LF).
   */
  newline?: '\r\n' | '\n' | '\r' | '';
  /** One indentation step of a sequence laid out afresh; default two spaces. */
  indent?: string;
}

/**
 * The sequence as XML text (a copy is printed; the sequence is not changed). Judged as the document writer judges it:
 * throws `OUTPUT_MALFORMED` for a sequence whose text a reader would refuse or read back as another tree, and for one
 * with a node that contains itself (put among its own descendants by hand), which has no end to print.
 */
export function sequenceToXml(sequence: Sequence, options: SequenceLayout = {}): string {
  checkArguments(sequence, options);
  return printSequence(sequence, options, true);
}

/**
 * Throws `INVALID_ARGUMENT` for what a plain-JavaScript caller can give that is no sequence or no layout: null or a
 * string of XML failed with a TypeError, and an indent that is not white space (`'<x>'`, `3`) was written into the
 * sequence as text, a value it did not have.
 */
function checkArguments(sequence: unknown, options: unknown): void {
  const refuse = (message: string): never => {
    throw new TaskSequenceError('INVALID_ARGUMENT', message);
  };
  // A sequence node whose children or attributes are spoiled is the printer's to refuse (OUTPUT_MALFORMED, as the
  // document writer does): only what is no sequence node at all is a wrong argument.
  if (typeof sequence !== 'object' || sequence === null || (sequence as { kind?: unknown }).kind !== 'sequence') {
    const hint = typeof sequence === 'object' && sequence !== null && 'sequence' in sequence ? " Give the document's sequence (doc.sequence), not the document." : '';
    refuse(`sequenceToXml prints a sequence (a node of kind "sequence"), not ${describeValue(sequence)}.${hint}`);
  }
  if (typeof options !== 'object' || options === null) refuse(`sequenceToXml takes an object of layout options (or none), not ${describeValue(options)}.`);
  const { newline, indent } = options as Record<string, unknown>;
  if (newline !== undefined && newline !== '\r\n' && newline !== '\n' && newline !== '\r' && newline !== '') refuse(`The newline is "\\r\\n", "\\n", "\\r" or "", not ${describeGiven(newline)}.`);
  if (indent !== undefined && (typeof indent !== 'string' || !/^[ \t]*$/.test(indent))) refuse(`The indent is spaces and tabs, not ${describeGiven(indent)}.`);
}

/**
 * {@link sequenceToXml}, judged or (`checked` false) printed as it is, for a caller that judges the text itself.
 * `heldIn` is the encoding of the file the text goes into: a character a single-byte one has no byte for (a value read
 * from a reference) is written as a reference, as the document writer writes it.
 */
export function printSequence(sequence: Sequence, options: SequenceLayout, checked: boolean, heldIn?: TextEncodingInfo): string {
  // A value that is no string is refused as the document writer refuses it, before the copy: the copy drops an
  // attribute whose value is undefined (as JSON does), which would then be left out of the text without a word.
  if (checked) asOutputError(() => checkTree(sequence));
  // Refused as the printer refuses it (a copy of the tree is printed, so the copy meets the node first).
  const copy = plainCopy(sequence, 'OUTPUT_MALFORMED');
  // The values and the layout say each line end as an LF; the printer writes it as the newline asked for, or the file's.
  let newline = options.newline;
  if (!hasLayout(copy.children)) {
    newline ??= '\r\n';
    // '' is one line, as the console exports a sequence: nothing between the elements (laid out, each line's
    // indentation stood between them without its line end).
    if (newline !== '') layOut(copy, { newline: '\n', indent: '', unit: options.indent ?? '  ' });
  }
  if (newline !== '\r\n' && newline !== '\n' && newline !== '\r') newline = styleOf({ kind: 'document', children: [sequence] }).newline;
  const doc: XmlDocument = { kind: 'document', children: [copy] };
  const print = { newline: newline === '' ? '\n' : newline, ...(heldIn && { heldIn }) } as const;
  return checked ? printCheckedDocument(doc, 'The sequence', print) : printNode(copy, doc, print);
}

/** Runs `check`, giving its refusal (`INVALID_ARGUMENT`) the writer's code, `OUTPUT_MALFORMED`, as text that is not written. */
function asOutputError(check: () => void): void {
  try {
    check();
  } catch (e) {
    if (!(e instanceof TaskSequenceError) || e.code !== 'INVALID_ARGUMENT') throw e;
    throw new TaskSequenceError('OUTPUT_MALFORMED', `${e.message} Nothing is written.`, e.path === undefined ? {} : { path: e.path });
  }
}
