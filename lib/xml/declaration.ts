/**
 * The XML declaration (production [23]), read exactly: `version`, then optionally `encoding`, then optionally
 * `standalone`, each with its own spelling, quotes and white space. Anything else that starts `<?xml ` is not
 * well-formed.
 */

const S = '[ \\t\\r\\n]';
const EQ = `${S}*=${S}*`;
const DECLARATION = new RegExp(
  `^<\\?xml${S}+version${EQ}(?:"(1\\.[0-9]+)"|'(1\\.[0-9]+)')` +
    `(?:${S}+encoding${EQ}(?:"([A-Za-z][A-Za-z0-9._-]*)"|'([A-Za-z][A-Za-z0-9._-]*)'))?` +
    `(?:${S}+standalone${EQ}(?:"(yes|no)"|'(yes|no)'))?${S}*\\?>`,
);

/** Why a text that starts with an XML declaration is refused when the declaration does not parse. */
export const DECLARATION_MALFORMED = 'The XML declaration is not well-formed: it is <?xml version="1.x" [encoding="…"] [standalone="yes|no"]?>, in that order, with matching quotes.';

/**
 * Whether `text` starts with what can only be an XML declaration: `<?xml` and white space (`<?xml-stylesheet` is a
 * processing instruction of its own), so that a declaration that does not parse is malformed, not something else.
 */
export function startsWithDeclaration(text: string): boolean {
  const c = text.charCodeAt(5);
  return text.startsWith('<?xml') && (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a);
}

/** What an XML declaration says. */
export interface XmlDeclaration {
  version: string;
  encoding: string | undefined;
  standalone: 'yes' | 'no' | undefined;
  /** Length of the declaration's text, `<?xml` to `?>`. */
  length: number;
}

/** Reads the XML declaration at the start of `text`; undefined when `text` does not start with a valid one. */
export function readDeclaration(text: string): XmlDeclaration | undefined {
  if (!text.startsWith('<?xml')) return undefined;
  const close = text.indexOf('?>');
  const m = close === -1 ? null : DECLARATION.exec(text.slice(0, close + 2));
  if (!m) return undefined;
  return {
    version: (m[1] ?? m[2]) as string,
    encoding: m[3] ?? m[4],
    standalone: (m[5] ?? m[6]) as 'yes' | 'no' | undefined,
    length: m[0].length,
  };
}
