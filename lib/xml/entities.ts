/**
 * Entity decoding and the line ends and white space of raw text, as a reader gives them (escaping, the reverse, is
 * in `escape-text.ts`). Only the five predefined entities and character references exist here: there is no
 * DOCTYPE, so there is nothing else to expand.
 */
import { isXmlChar, isXmlName } from './chars.js';

/** A bad entity reference; `offset` is relative to the decoded string's start. */
export class EntityError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly undefinedName?: string,
  ) {
    super(message);
  }
}

/**
 * The character a predefined entity's name stands for, or undefined. The names are compared, not looked up in an
 * object: a name read from the input must never find what `Object.prototype` holds (`&constructor;`).
 */
export function predefined(name: string): string | undefined {
  switch (name) {
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'amp':
      return '&';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
    default:
      return undefined;
  }
}


/**
 * Attribute-value normalisation (XML 1.0 §3.3.3) of the raw text between the quotes, before references are decoded:
 * each literal line end (CR LF, CR or LF) and tab is a space, so `a="x
 * y"` means "x y"; written as `&#xA;` it stays a line feed. The reader and the writer's change check both apply it.
 */
export function normalizeAttributeRaw(raw: string): string {
  if (!/[\t\n\r]/.test(raw)) return raw;
  return raw.length <= LONG_TEXT ? raw.replace(/\r\n|[\t\n\r]/g, ' ') : lineEndsLong(raw, true);
}

/**
 * End-of-line handling (XML 1.0 §2.11) of raw text, before references are decoded: each literal line end (CR LF, or
 * a CR alone) is one LF, so a file saved with CRLF and its LF copy say the same values; `&#xD;` is decoded after, and
 * stays a CR. Text without a CR (nearly all) is given back as it is, after one search.
 */
export function lf(raw: string): string {
  if (raw.indexOf('\r') === -1) return raw;
  return raw.length <= LONG_TEXT ? raw.replace(/\r\n?/g, '\n') : lineEndsLong(raw, false);
}

/**
 * Above this many characters, line ends are replaced by {@link lineEndsLong}, not by a regular expression (and text is
 * escaped by a table: see `escape-text.ts`).
 */
export const LONG_TEXT = 4096;

/**
 * A long text with each CR LF and each CR alone one LF (`attribute`: one space, and each LF and tab a space too),
 * its code units written once into one array and made one flat string. A regular-expression replace of a value of
 * 32 million CR LFs (64 MiB, within the reader's size limit) took 14.6 s and 1.2 GB, most of it the garbage
 * collector's; this takes a second or two and a fifth of the memory.
 */
function lineEndsLong(raw: string, attribute: boolean): string {
  const units = new Uint16Array(raw.length);
  const end = attribute ? 0x20 : 0x0a;
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x0d) {
      if (raw.charCodeAt(i + 1) === 0x0a) i++;
      units[n++] = end;
    } else units[n++] = attribute && (c === 0x0a || c === 0x09) ? 0x20 : c;
  }
  return Buffer.from(units.buffer, 0, 2 * n).toString('utf16le');
}

/**
 * The code point of the predefined reference at `amp` in `text`, known to be one of `&lt;` `&gt;` `&amp;` `&quot;`
 * `&apos;`: told apart by their first two letters, with no slice of the name made.
 */
export function predefinedCodeAt(text: string, amp: number): number {
  const c = text.charCodeAt(amp + 1);
  return c === 0x6c ? 0x3c : c === 0x67 ? 0x3e : c === 0x71 ? 0x22 : text.charCodeAt(amp + 2) === 0x6d ? 0x26 : 0x27;
}

/**
 * The length of the predefined reference (`&lt;` `&gt;` `&amp;` `&quot;` `&apos;`) at `amp` in `text`, or 0 when
 * what starts there is none of them.
 */
function predefinedLengthAt(text: string, amp: number): number {
  const c = text.charCodeAt(amp + 1);
  if (c === 0x6c || c === 0x67) return text.charCodeAt(amp + 2) === 0x74 && text.charCodeAt(amp + 3) === 0x3b ? 4 : 0; // lt; gt;
  if (c === 0x61) {
    if (text.startsWith('mp;', amp + 2)) return 5;
    return text.startsWith('pos;', amp + 2) ? 6 : 0;
  }
  return c === 0x71 && text.startsWith('uot;', amp + 2) ? 6 : 0;
}

/**
 * Where {@link decodeEntities} writes a short value's UTF-16 code units before making them one string (V8 keeps a
 * string whose units all fit in a byte as one byte per character, however it was made).
 */
const SCRATCH = Buffer.allocUnsafeSlow(8192);
const SCRATCH_UNITS = new Uint16Array(SCRATCH.buffer, SCRATCH.byteOffset, SCRATCH.length / 2);

/** Decodes `&lt;`-style and `&#…;` references in raw text; throws {@link EntityError} on anything else. */
export function decodeEntities(raw: string): string {
  // Nearly every reference in a task sequence is one of the five names, in a short value: its code units are written
  // once into a scratch buffer and made one flat string by a single copy. A regular-expression replace made three
  // times the result's size in garbage, and pieces gathered and joined (the general way, below) more still.
  if (raw.length > SCRATCH_UNITS.length) return decodeAll(raw);
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    let c = raw.charCodeAt(i);
    if (c === 0x26) {
      const length = predefinedLengthAt(raw, i);
      if (length === 0) return decodeAll(raw);
      c = predefinedCodeAt(raw, i);
      i += length - 1;
    }
    SCRATCH_UNITS[n++] = c;
  }
  return SCRATCH.toString('utf16le', 0, 2 * n);
}

/** Decodes every kind of reference, and says exactly where and why one is bad. */
function decodeAll(raw: string): string {
  // Pieces joined at the end, not concatenated as they come: a tree keeps these strings, and a flat string costs
  // less to keep than a chain of concatenations holding each piece.
  const out: string[] = [];
  let last = 0;
  for (let amp = raw.indexOf('&'); amp !== -1; amp = raw.indexOf('&', last)) {
    const semi = raw.indexOf(';', amp + 1);
    const body = semi === -1 ? '' : raw.slice(amp + 1, semi);
    // The five names first: nearly every reference in a task sequence is one of them.
    const named = predefined(body);
    if (named !== undefined) {
      out.push(raw.slice(last, amp), named);
      last = semi + 1;
      continue;
    }
    // A named reference is a Name ([68]), not just anything up to a ';'; one of any length is well-formed, and only
    // not declared (a long one is named shortened in the message).
    if (semi === -1 || body.length === 0 || (body.charCodeAt(0) !== 0x23 && !isXmlName(body)) || /[ \t\r\n&<]/.test(body)) {
      throw new EntityError("'&' must start an entity reference such as &amp; (write a literal & as &amp;).", amp);
    }
    let ch: string;
    if (body.charCodeAt(0) === 0x23 /* # */) {
      const hex = body[1] === 'x';
      const digits = body.slice(hex ? 2 : 1);
      if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) throw new EntityError(`Bad character reference &${body};.`, amp);
      const significant = digits.replace(/^0+(?=.)/, '');
      const cp = significant.length > 8 ? -1 : parseInt(significant, hex ? 16 : 10);
      if (!isXmlChar(cp)) throw new EntityError(`Character reference &${body}; is not an allowed XML character.`, amp);
      ch = String.fromCodePoint(cp);
    } else {
      // Not one of the five names (those were taken above).
      const shown = body.length > 32 ? `${body.slice(0, 32)}…` : body;
      throw new EntityError(`Entity &${shown}; is not defined (only &lt; &gt; &amp; &quot; &apos; and character references are).`, amp, body);
    }
    out.push(raw.slice(last, amp), ch);
    last = semi + 1;
  }
  out.push(raw.slice(last));
  return out.join('');
}
