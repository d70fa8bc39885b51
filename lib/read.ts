/**
 * readTaskSequence: bytes or a string → {@link TaskSequenceDocument}, for every container and encoding cmts knows.
 */
import { withYoungGenerationHeld } from './xml/young-generation.js';
import { describeValue } from './model/child-nodes.js';
import { recognise } from './containers/index.js';
import { TaskSequenceDocument } from './document.js';
import { type Issue, limitOption, LineCounter, TaskSequenceError } from './errors.js';
import { refuseMisusedInput, refuseNonInput } from './input-guard.js';
import { classifyElement } from './model/classify.js';
import { decodeBytes, isUtf16 } from './xml/codec.js';
import { encodingOfText } from './xml/declared-encoding.js';
import type { DecodedText } from './xml/encoding-name.js';
import { countMarkup } from './xml/chars.js';
import { checkHeapBeforeDecoding } from './xml/heap-guard.js';
import type { Element, XmlDocument } from './model/types.js';
import { parseXml } from './xml/parse.js';
import type { ParsedXml, ParseWarning } from './xml/parse-xml-options.js';

// The defaults live in a module of their own, so the command line's file reading knows them without loading the reader.
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES } from './read-limits.js';

export { DEFAULT_MAX_BYTES, DEFAULT_MAX_NODES };

/** Options for {@link readTaskSequence}. */
export interface ReadOptions {
  /** Inputs larger than this many bytes (UTF-16 code units for a string) are refused before parsing; default 64 MiB. */
  maxBytes?: number;
  /**
   * Inputs with more markup items than this (`<`: start tags, end tags, comments, CDATA sections, instructions —
   * what the tree costs memory for) are refused before parsing; default 3,000,000 ({@link DEFAULT_MAX_NODES}). Inputs
   * with more attributes than this are refused as they are read, and so is an embedded sequence's text (held escaped,
   * its markup is not counted before parsing) with more markup items or attributes.
   */
  maxNodes?: number;
  /** Maximum element nesting; default 256. Each limit is a positive whole number (else `INVALID_ARGUMENT`). */
  maxDepth?: number;
  /** The file name, for error messages and diagnostics. */
  file?: string;
}

/**
 * Reads a task sequence. Bytes may be UTF-8 (with or without BOM) or UTF-16 with BOM; a string is taken as
 * decoded text and written back in the encoding its XML declaration names (UTF-16 with a BOM), else as UTF-8. Throws {@link TaskSequenceError} on unusable input, and `INVALID_ARGUMENT`
 * for a file path or the bytes of a `.zip` (read the file first; use `readExportZip` from `cmts/zip` for exports).
 *
 * An input of 1 MiB or more is read with V8's young generation held at its size (its growth factor is 1 for the call,
 * set back to V8's default 2 after it; on the main thread, unless the process was started with
 * `--semi-space-growth-factor`): the tree it builds all survives, and the young generation grew to 32 MiB for it.
 *
 * @example
 * ```ts
 * const doc = readTaskSequence(readFileSync('ts.xml'), { file: 'ts.xml' });
 * for (const issue of doc.issues) console.warn(`${issue.file}:${issue.line}:${issue.col} ${issue.message}`);
 * ```
 */
export function readTaskSequence(input: Uint8Array | string, options: ReadOptions = {}): TaskSequenceDocument {
  // Options a plain-JavaScript caller gives as null or a number are refused, typed, as a bad limit is (below).
  if (typeof options !== 'object' || options === null) throw new TaskSequenceError('INVALID_ARGUMENT', `readTaskSequence takes an object of options (or none); it was given ${describeValue(options)}.`);
  // A name that is no string was put on every error and issue as it was (`file: 5`), where the types say a string.
  if (options.file !== undefined && typeof options.file !== 'string') throw new TaskSequenceError('INVALID_ARGUMENT', `The file option is the file's name, a string; it was given ${describeValue(options.file)}.`);
  try {
    // A large input is read with V8's young generation held at its size (see xml/young-generation.ts).
    return withYoungGenerationHeld(lengthOf(input), () => read(input, options));
  } catch (e) {
    if (e instanceof TaskSequenceError && options.file !== undefined && e.file === undefined) e.file = options.file;
    throw e;
  }
}

/** The input's length, or 0 for what is no input (refused by `read`, typed). */
function lengthOf(input: unknown): number {
  const length = typeof input === 'string' || (typeof input === 'object' && input !== null) ? (input as { length?: unknown }).length : undefined;
  return typeof length === 'number' ? length : 0;
}

function read(input: Uint8Array | string, options: ReadOptions): TaskSequenceDocument {
  refuseNonInput(input);
  // Checked, not trusted: NaN compares false with everything, so `maxBytes: NaN` turned a limit off.
  const maxBytes = limitOption('maxBytes', options.maxBytes, DEFAULT_MAX_BYTES);
  const maxDepth = limitOption('maxDepth', options.maxDepth, DEFAULT_MAX_DEPTH);
  const maxNodes = limitOption('maxNodes', options.maxNodes, DEFAULT_MAX_NODES);
  if (input.length > maxBytes) {
    throw new TaskSequenceError('INPUT_TOO_LARGE', `The input is ${input.length} ${typeof input === 'string' ? 'characters' : 'bytes'}; the limit is ${maxBytes} (option maxBytes).`);
  }
  refuseMisusedInput(input);
  // The heap this process has may be smaller than what an input within the limits costs (see xml/heap-guard.ts).
  if (typeof input !== 'string') checkHeapBeforeDecoding(input);
  // Counted on the bytes when '<' is one byte that means only '<' (UTF-8 and single-byte), so a refusal costs no
  // decoding; UTF-16 is counted once decoded, below.
  const utf16 = typeof input !== 'string' && isUtf16(input);
  // A text holds no more '<' than characters (nor bytes), so one no longer than the limit cannot exceed it: an ordinary
  // file is not counted at all (counting made a call per '<', and a command's start-up paid for each).
  if (!utf16 && input.length > maxNodes) checkMarkup(countMarkup(input), maxNodes);
  let decoded: DecodedText;
  if (typeof input === 'string') {
    const bom = input.charCodeAt(0) === 0xfeff;
    const text = bom ? input.slice(1) : input;
    if (!input.isWellFormed()) {
      const at = text.search(LONE_SURROGATE);
      throw new TaskSequenceError('ENCODING_INVALID', 'The string has an unpaired surrogate, which no encoding can write.', { range: [at, at], linePos: new LineCounter(text).linePos(at) });
    }
    // Written back in the encoding its declaration names: as UTF-8, a declared UTF-16 text was refused when read back
    // and a declared ISO-8859-1 text read back as other characters.
    decoded = { text, ...encodingOfText(text, bom) };
  } else {
    decoded = decodeBytes(input);
  }
  if (utf16 && decoded.text.length > maxNodes) checkMarkup(countMarkup(decoded.text), maxNodes);
  const lines = new LineCounter(decoded.text);
  // The classifier gives every element its model kind, so the tree is the model's.
  const parsed = parseXml(decoded.text, { classify: classifyElement, maxDepth, maxNodes, lines }) as ParsedXml & { document: XmlDocument; root: Element };
  const warnings: ParseWarning[] = [...parsed.warnings];
  let parts;
  try {
    parts = recognise(parsed.root, lines, { maxDepth, maxNodes }, warnings);
  } catch (e) {
    if (e instanceof TaskSequenceError && !e.linePos) {
      e.range = [0, 0];
      e.linePos = lines.linePos(0);
    }
    throw e;
  }
  const diagnostics: Issue[] = warnings.map(({ offset, ...w }) => ({ ...w, ...lines.linePos(offset), ...(options.file !== undefined ? { file: options.file } : {}) }));
  return new TaskSequenceDocument({
    container: parts.kind,
    encoding: { encoding: decoded.encoding, bom: decoded.bom },
    xml: parsed.document,
    root: parsed.root,
    sequence: parts.sequence,
    embedded: parts.embedded,
    warnings: diagnostics,
    file: options.file,
    reread: (bytes) => readTaskSequence(bytes, options),
    bytes: typeof input === 'string' ? undefined : input,
    maxDepth,
    maxNodes,
  });
}

/** A UTF-16 code unit of a surrogate pair standing alone. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkMarkup(count: number, maxNodes: number): void {
  if (count > maxNodes) {
    throw new TaskSequenceError('INPUT_TOO_LARGE', `The input has ${count} markup items (tags, comments, instructions); the limit is ${maxNodes} (option maxNodes), so it is refused before its tree costs memory.`);
  }
}
