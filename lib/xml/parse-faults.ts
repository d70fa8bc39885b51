/**
 * What the reader refuses, and how it says where, apart from its scanning loop (none of it runs per character): the
 * error it throws, placed in the outer text an embedded sequence is held in; the words that name a place in a
 * message; and the rules an XML declaration is held to, with the one warning the reader gives.
 */
import { type ErrorCode, TaskSequenceError } from '../errors.js';
import { DECLARATION_MALFORMED, readDeclaration } from './declaration.js';
import type { ParseWarning, ParseXmlOptions } from './parse-xml-options.js';

/** Throws the reader's error: `code` and `message` at `[at, end)` of the text read, placed by the options. */
export type Fail = (code: ErrorCode, message: string, at: number, end?: number) => never;

/** The reader's {@link Fail} for a parse with `options`: offsets moved by its base offset, with a line and column if it has lines. */
export function makeFail(options: ParseXmlOptions): Fail {
  return (code: ErrorCode, message: string, at: number, end = at): never => {
    const base = options.baseOffset ?? 0;
    const range: [number, number] = [base + at, base + end];
    throw new TaskSequenceError(code, message, options.lines ? { range, linePos: options.lines.linePos(range[0]) } : { range });
  };
}

/**
 * Judges the XML declaration at `pos` of `text`, whose `?>` is at `close` and whose target `target` is `xml` in some
 * mix of cases: refused unless in lower case, at the very start (`lenient`: also after white space and comments in an
 * embedded text) and well-formed; the warning to give when it is kept though not first.
 */
export function judgeDeclaration(text: string, pos: number, close: number, target: string, lenient: boolean, options: ParseXmlOptions, fail: Fail): ParseWarning | undefined {
  if (target !== 'xml') {
    fail('XML_MALFORMED', `The name <?${target} is reserved: no processing instruction target is "xml" in any mix of cases (XML 1.0 §2.6); the XML declaration is <?xml, in lower case.`, pos);
  }
  if (pos !== 0 && !lenient) fail('XML_MALFORMED', 'An XML declaration is allowed only at the very start of the document.', pos);
  const declaration = readDeclaration(text.slice(pos, close + 2));
  if (!declaration) fail('XML_MALFORMED', DECLARATION_MALFORMED, pos);
  if (pos !== 0) {
    return {
      code: 'XML_DECLARATION_NOT_FIRST',
      severity: 'warning',
      message: 'The embedded sequence\'s XML declaration is preceded by comments or whitespace; it is kept as is, but many XML readers (ConfigMgr among them) refuse such text.',
      offset: pos + (options.baseOffset ?? 0),
    };
  }
  return undefined;
}

/** Where `at` is in `text`, for a message: the next few characters, or the end of the input. */
export function describeAt(text: string, at: number): string {
  if (at >= text.length) return 'at the end of the input';
  return `at ${JSON.stringify(text.slice(at, at + 12))}`;
}

/** Where `at` is, for a message: its line and column in the outer text when the options have lines, else its offset. */
export function describeLine(options: ParseXmlOptions, at: number): string {
  if (!options.lines) return `offset ${at}`;
  const p = options.lines.linePos(at + (options.baseOffset ?? 0));
  return `line ${p.line}, column ${p.col}`;
}
