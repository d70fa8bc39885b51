/**
 * The reader's judgement of the markup that is neither an element nor text (comments, CDATA sections, processing
 * instructions, declarations) and of text outside the root element, apart from its scanning loop (see `xml/parse.ts`).
 */
import { isSpace } from './chars.js';
import type { ValueDecoder } from './parse-decode.js';
import { describeAt } from './parse-faults.js';
import type { Scanner } from './parse-scanner.js';

/** The text of the comment at `pos` (`<!--`), refused unless closed, free of `--` and of characters XML forbids. */
export function commentAt(s: Scanner, decoder: ValueDecoder, pos: number): string {
  const close = s.text.indexOf('-->', pos + 4);
  if (close === -1) s.fail('XML_MALFORMED', 'Comment is not closed with -->.', pos);
  const value = s.text.slice(pos + 4, close);
  const dd = value.indexOf('--');
  if (dd !== -1 || value.endsWith('-')) s.fail('XML_MALFORMED', "'--' is not allowed inside a comment.", pos + 4 + (dd === -1 ? value.length - 1 : dd));
  decoder.checkChars(value, pos + 4);
  return value;
}

/** The text of the CDATA section at `pos` (`<![CDATA[`), refused outside the root (`inRoot`), unclosed or with characters XML forbids. */
export function cdataAt(s: Scanner, decoder: ValueDecoder, pos: number, inRoot: boolean): string {
  if (!inRoot) s.fail('XML_MALFORMED', 'CDATA section outside the root element.', pos);
  const close = s.text.indexOf(']]>', pos + 9);
  if (close === -1) s.fail('XML_MALFORMED', 'CDATA section is not closed with ]]>.', pos);
  const value = s.text.slice(pos + 9, close);
  decoder.checkChars(value, pos + 9);
  return value;
}

/** Refuses the `<!` at `pos` that opens neither a comment nor a CDATA section: a declaration, or nothing XML knows. */
export function refuseMarkup(s: Scanner, pos: number): never {
  // A declaration's keyword is followed by white space (XML 1.0 [28], [70], [45], [52], [82]): `<!DOCTYPEx>` is no
  // declaration, and is refused as the malformed markup it is.
  if (/^<!(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)[\x20\t\r\n]/.test(s.text.slice(pos, pos + 11))) {
    s.fail('XML_DOCTYPE_FORBIDDEN', 'DOCTYPE and entity declarations are refused: a task sequence never has one, and entities are never expanded.', pos);
  }
  return s.fail('XML_MALFORMED', `Unexpected markup ${describeAt(s.text, pos)}.`, pos);
}

/** Where the `?>` of the processing instruction at `pos` with `target` is; refused unless closed and spaced from its target. */
export function instructionCloseAt(s: Scanner, pos: number, target: string): number {
  const afterTarget = pos + 2 + target.length;
  const close = s.text.indexOf('?>', afterTarget);
  if (close === -1) s.fail('XML_MALFORMED', `Processing instruction <?${target} is not closed with ?>.`, pos);
  if (afterTarget < close && !isSpace(s.text.charCodeAt(afterTarget))) s.fail('XML_MALFORMED', `Expected a space after <?${target}.`, afterTarget);
  return close;
}

/**
 * Judges the text `raw` at `pos` that is not white space only: outside the root (`inRoot` false) only white space is
 * allowed (after it when `rootSeen`), and inside it no `]]>`.
 */
export function judgeText(s: Scanner, decoder: ValueDecoder, raw: string, pos: number, inRoot: boolean, rootSeen: boolean): void {
  if (inRoot) {
    if (raw.indexOf(']]>') !== -1) s.fail('XML_MALFORMED', "']]>' is not allowed in text.", pos + raw.indexOf(']]>'));
    return;
  }
  // A character no XML text may hold is named as such (a NUL before the root was "text before the root element").
  decoder.checkChars(raw, pos);
  for (let i = 0; i < raw.length; i++) {
    if (!isSpace(raw.charCodeAt(i))) s.fail('XML_MALFORMED', rootSeen ? 'Text after the root element.' : 'Text before the root element.', pos + i);
  }
}
