/**
 * The one list of the characters cmts does not print as they are, in groups, each the body of a regular expression
 * character class (for the `u` flag): a message escapes them (`printable` in errors.ts, behind every error line and
 * usage error), a rendered page shows them as `<U+…>` (render/escape.ts). Both are made of these groups: a character
 * added here reaches both, or is put in the group of the one that alone should treat it.
 *
 * This module imports nothing: errors.ts, the bottom of lib/, imports it (see test/import-graph.test.ts). It is no
 * entry point, so nothing here is public API.
 */

/** The C0 controls but tab, line feed and carriage return, DEL and the C1 controls: an escape sequence drives a terminal, and HTML's parser reports each as an error. */
export const CONTROLS = '\\0-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F';

/**
 * The line ends: LF, CR and Unicode's line and paragraph separators. What the console keeps on one line (a step's
 * name, a command line) holds none (item-checks.ts, catalog/one-line.ts).
 */
export const LINE_ENDS = '\\n\\r\\u2028\\u2029';

/**
 * Tab and the line ends. A message is one line, so it escapes them; a page keeps them as text (a command line or a
 * description has them).
 */
export const LINE_BREAKS = `\\t${LINE_ENDS}`;

/**
 * Unicode's bidirectional embedding, override and isolate controls: left to act, an override in one step name runs on
 * past it and reverses what follows on the line (the next step's name and number, the rest of a condition or of an
 * error message), so what is shown is not what the file says.
 */
export const BIDI_CONTROLS = '\\u202A-\\u202E\\u2066-\\u2069';

/**
 * The marks ALM, LRM and RLM: invisible letters of a direction, which move the digits and spaces beside them. A
 * message escapes them; a page leaves them, as right-to-left text can need them and the page isolates each value from
 * the text around it.
 */
export const BIDI_MARKS = '\\u061C\\u200E\\u200F';

/**
 * The zero width non-joiner and joiner: some scripts need them (Persian, Indic, emoji sequences), so a page leaves
 * them; a message escapes them, as a name shown with one looks like the name without it.
 */
export const JOINERS = '\\u200C\\u200D';

/**
 * The characters no one sees that join nothing, which both escape: `Install` and `Install` with one after it look the
 * same, yet are two names to ConfigMgr and to a condition. The soft hyphen, the combining grapheme joiner, the
 * Hangul and Khmer fillers (drawn blank), the zero width space, the word joiner and the invisible operators, the
 * deprecated format characters, U+FEFF (the byte order mark), the interlinear annotation marks, the shorthand format
 * and musical formatting controls, and the tag characters, which can carry a whole ASCII text unseen. (The variation
 * selectors are left: emoji and CJK names need them.)
 */
export const INVISIBLE =
  '\\xAD\\u034F\\u115F\\u1160\\u17B4\\u17B5\\u200B\\u2060-\\u2064\\u206A-\\u206F\\u3164\\uFEFF\\uFFA0\\uFFF9-\\uFFFB\\u{1BCA0}-\\u{1BCA3}\\u{1D173}-\\u{1D17A}\\u{E0000}-\\u{E007F}';

/**
 * The noncharacters (U+FDD0 to U+FDEF and the last two code points of every plane), which XML 1.0 allows in a value
 * and HTML's parser reports as errors: a page shows them. A message leaves them; a terminal draws one as a box.
 */
export const NONCHARACTERS = `\\uFDD0-\\uFDEF\\uFFFE\\uFFFF${Array.from({ length: 16 }, (_, p) => `\\u{${(p + 1).toString(16)}FFFE}\\u{${(p + 1).toString(16)}FFFF}`).join('')}`;

/** What a message escapes: one line, nothing that drives the terminal or hides. */
export const MESSAGE_ESCAPED = CONTROLS + LINE_BREAKS + BIDI_CONTROLS + BIDI_MARKS + JOINERS + INVISIBLE;

/** What a page shows as `<U+…>`: no parse error, nothing that reorders the page or hides. */
export const PAGE_SHOWN = CONTROLS + BIDI_CONTROLS + INVISIBLE + NONCHARACTERS;
