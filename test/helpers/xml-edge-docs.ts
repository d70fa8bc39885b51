// Documents near the edges of XML 1.0 (fifth edition) well-formedness, without a DOCTYPE, for differential fuzzing:
// built from pieces that are mostly well-formed with a few edge cases mixed in, and half of them then edited once or
// twice (a character or short run inserted, deleted or replaced). Each alphabet's comment says which rule it probes.
import fc from 'fast-check';

/** Picks from `good` most of the time and from `edge` the rest, so that most documents are still worth comparing. */
const mostly = <T>(good: readonly T[], edge: readonly T[]): fc.Arbitrary<T> =>
  fc.oneof({ weight: 16, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...edge) });

// Names ([4], [4a], [5]): the bounds of each NameStartChar range, the characters only a NameChar may be (digits, `-`,
// `.`, U+00B7, combining marks U+0300–036F, U+203F–2040), and neighbours in neither (U+00D7, U+037E, U+2000, U+FDD0).
const NAME_START = ['\uFEFF', 'a', 'Z', '_', ':', 'é', '\u00C0', '\u00D6', '\u00D8', '\u00F8', '\u02FF', '\u0370', '\u037D', '\u037F', '\u1FFF', '\u200C', '\u200D', '\u2070', '\u218F', '\u2C00', '\u2FEF', '\u3001', '\uD7FF', '\uF900', '\uFDCF', '\uFDF0', '\uFFFD', '\u{10000}', '\u{EFFFF}', '\u0669'];
const NAME_ONLY = ['0', '9', '-', '.', '\u00B7', '\u0300', '\u036F', '\u203F', '\u2040'];
const NAME_NEITHER = ['\u00D7', '\u00F7', '\u037E', '\u2000', '\u200B', '\u2190', '\u3000', '\uFDD0', '\uFFFE', '\u{F0000}', '\u2028', '\u0085', '\u00A0', '!', '"', '<', '&'];
const nameStart = mostly(['a', 'b', 'x', 'Y', '_'], [...NAME_START, ...NAME_ONLY, ...NAME_NEITHER]);
const nameRest = mostly(['a', 'b', '1', '-', '.', 'z'], [...NAME_START, ...NAME_ONLY, ...NAME_NEITHER]);
// Whole names that are also names of what every JavaScript object has, and colons anywhere (XML 1.0 allows them).
const WHOLE_NAMES = ['__proto__', 'constructor', 'toString', 'xmlns', 'xml:lang', 'a:b:c', ':', '::'];
export const xmlName = fc.oneof(
  { weight: 15, arbitrary: fc.tuple(nameStart, fc.array(nameRest, { maxLength: 3 })).map(([s, r]) => s + r.join('')) },
  { weight: 1, arbitrary: fc.constantFrom(...WHOLE_NAMES) },
);

// References ([66], [67], [68]) and the Char production ([2]) they must name: zeros, surrogates, U+FFFE/FFFF, #x0,
// beyond U+10FFFF, an uppercase X (not allowed), a missing `;`, and undefined entities.
const REFERENCES = ['&#0;', '&#x0;', '&#9;', '&#xA;', '&#xD;', '&#x20;', '&#00000065;', '&#x0000041;', '&#xD800;', '&#xDFFF;', '&#55296;', '&#xFFFE;', '&#xFFFF;', '&#65535;', '&#xFFFD;', '&#x10FFFF;', '&#x110000;', '&#1114111;', '&#1114112;', '&#x1F600;', '&#x;', '&#;', '&#X41;', '&#x41', '&#x-1;', '&#99999999999;', '&#x00000000041;', '&#x85;', '&#x2028;', '&#x1;', '&#x1F;', '&#x7F;', '&foo;', '&Amp;', '&amp', '&', '& ', '&lt ;', '&a:b;', '&.a;', '&#32 ;', '&__proto__;', '&constructor;'];
const PREDEFINED = ['&amp;', '&lt;', '&gt;', '&quot;', '&apos;'];

// Characters: line ends (CR, CR LF; NEL and U+2028 are not line ends in 1.0), C0 and C1 controls, non-characters (which
// [2] allows), the Char bounds and lone surrogates (a string can hold them; no encoded document can).
const LINE_ENDS = ['\n', '\r', '\r\n', '\r\r\n', '\n\r', '\u0085', '\u2028', '\t'];
const CONTROLS = ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001F', '\u007F', '\u0080', '\u009F'];
const NON_CHARACTERS = ['\uFDD0', '\uFDEF', '\u{1FFFE}', '\u{10FFFF}', '\uFFFD', '\uFFFE', '\uFFFF', '\uD800', '\uDFFF', '\u{1F600}', '\uFEFF'];
// Long runs: the reader decodes and normalises text of more than 4,096 and 8,192 characters another way.
const LONG = ['x'.repeat(4097), '\r\n'.repeat(2100), '&amp;'.repeat(1700), 'é\r'.repeat(4200), '\t'.repeat(4100)];
const TEXT_EDGE = [...LONG, '>', ']]>', ']]', ']', ']]]>', '<', '"', "'", ...LINE_ENDS, ...CONTROLS, ...NON_CHARACTERS, ...REFERENCES];
const text = fc.array(mostly(['x', ' ', 'text', '\n  ', ...PREDEFINED], TEXT_EDGE), { minLength: 1, maxLength: 4 }).map((p) => p.join(''));

// Attribute values: `<` is refused, the other quote is not, literal white space is normalised to spaces (§3.3.3).
const attrValue = fc.array(mostly(['v', ' ', '1', '"', "'", '>', ...PREDEFINED], ['<', ...TEXT_EDGE]), { maxLength: 4 }).map((p) => p.join(''));
const EQ = mostly(['='], [' =', '= ', ' = ', '\t=\n', '\r\n=\r', '', '==', '\u00A0=']);
const attribute = fc.tuple(xmlName, EQ, mostly(['"', "'"], ['', '`']), attrValue).map(([n, eq, q, v]) => {
  const close = q === '' || q === '`' ? q : q === '"' ? '"' : "'";
  return `${n}${eq}${q}${q === '"' ? v.replace(/"/g, '&quot;') : q === "'" ? v.replace(/'/g, '&apos;') : v}${close}`;
});
// Between attributes: no white space at all is malformed; the forms of S ([3]) are fine, NEL and U+2028 are not S.
const SEP = mostly([' ', '  ', '\n', '\t', '\r\n'], ['', '\u0085', '\u2028', '\u00A0', '\r']);
// White space in an end tag ([42]) may only follow the name.
const END_SPACE = fc.constantFrom(' ', '\t\r\n', '\u0085', '\u00A0', ' /');
const TAG_END = mostly(['', ' ', '\n'], ['\t\r\n ', '\u0085', '/', ' /']);

// Comments ([15]): `--` inside and a `-` before `-->` are malformed. PIs ([16], [17]): the target `xml` in any case
// but exact lower case is reserved, no data and data with `?` and `>` are fine.
const comment = fc.array(mostly(['c', ' ', '-', 'x-y', '>', '<', '&'], ['--', '-', '- -', '\r\n', '\r', '\u0000', '\uFFFE', '<!--', '--!', '-->']), { maxLength: 4 }).map((p) => `<!--${p.join('')}-->`);
const piTarget = mostly(['pi', 'x', 'xml-stylesheet', 'xmlns', 'xm', 'xmlx', 'pi:x'], ['xml', 'XmL', 'XML', 'xMl', '1pi', '-pi', '']);
const piData = fc.array(mostly(['d', ' ', '?', '>', 'a b', '"'], ['?>', '?', '\r\n', '\t', '\u0000', '\uFFFE', '\u0085', '&#0;', '<?x?>']), { maxLength: 3 }).map((p) => p.join(''));
const instruction = fc.tuple(piTarget, mostly([' ', '', '  ', '\n'], ['\t', '\r\n', '\u0085', '\u00A0']), piData).map(([t, s, d]) => `<?${t}${s}${d}?>`);
// CDATA ([18]–[21]): anything but `]]>`; outside the root element it is malformed.
const cdata = fc.array(mostly(['c', ']', ']]', '<', '&', '>', 'x y'], ['\r\n', '\r', '\u0000', '\uFFFE', ']]]', '<![CDATA[']), { maxLength: 3 }).map((p) => `<![CDATA[${p.join('')}]]>`);

/** Misc ([27]) between the declaration, the root and the end, with edge cases of what is not misc. */
const misc = fc.oneof(
  { weight: 3, arbitrary: comment },
  { weight: 2, arbitrary: instruction },
  { weight: 3, arbitrary: fc.constantFrom(' ', '\n', '\r\n', '\t', '\r') },
  { weight: 1, arbitrary: fc.constantFrom('x', '\u0085', '\u2028', '\u00A0', '&amp;', '&#32;', '<![CDATA[]]>', ']]>', '\uFEFF', '<a/>', '</a>') },
);

const element: fc.Arbitrary<string> = fc.letrec<{ el: string; content: string }>((tie) => ({
  el: fc.tuple(xmlName, fc.array(fc.tuple(SEP, attribute), { maxLength: 3 }), TAG_END, fc.boolean(), tie('content'), mostly(['same'], ['other', 'case', 'space', 'none']), END_SPACE).map(([name, attrs, end, empty, content, close, spaces]) => {
    const start = `<${name}${attrs.map(([s, a]) => s + a).join('')}${end}`;
    if (empty) return `${start}/>`;
    const endName = close === 'other' ? `${name}x` : close === 'case' ? name.toUpperCase() : name;
    const endTag = close === 'none' ? '' : close === 'space' ? `</${endName}${spaces}>` : `</${endName}>`;
    return `${start}>${content}${endTag}`;
  }),
  content: fc
    .array(fc.oneof({ weight: 4, arbitrary: text }, { weight: 2, arbitrary: tie('el') }, { weight: 1, arbitrary: comment }, { weight: 1, arbitrary: instruction }, { weight: 1, arbitrary: cdata }), { maxLength: 3, depthIdentifier: 'content' })
    .map((p) => p.join('')),
})).el;

// The XML declaration ([23]–[32]): version 1.x, encoding and standalone in that order, white space around `=`, and a
// declaration elsewhere than at the very start (malformed: it is then a PI whose target is reserved).
const DECLARATIONS = ['<?xml version="1.0"?>', "<?xml version='1.0' encoding='UTF-8'?>", '<?xml version="1.0" encoding="utf-8" standalone="yes"?>', '<?xml version = "1.0" standalone = \'no\' ?>', '<?xml version="1.9"?>', '<?xml\tversion="1.0"\r\n?>'];
const BAD_DECLARATIONS = ['<?xml?>', '<?xml ?>', '<?xml version="1.0" standalone="yes" encoding="UTF-8"?>', '<?xml version="2.0"?>', '<?xml version="1"?>', '<?xml version="1.0" standalone="YES"?>', '<?xml encoding="UTF-8"?>', '<?xml version="1.0"encoding="UTF-8"?>', '<?xml version="1.0" encoding="1UTF"?>', '<?xml version="1.0\'?>', '<?XML version="1.0"?>', '<?xml version="1.0" foo="bar"?>', '<?xml version="1.0"\u0085?>', ' <?xml version="1.0"?>', '<?xml version="1.0" encoding=""?>'];
const declaration = fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 3, arbitrary: fc.constantFrom(...DECLARATIONS) }, { weight: 1, arbitrary: fc.constantFrom(...BAD_DECLARATIONS) });

/** A document built from pieces: BOM, declaration, misc, the root, misc (and sometimes a second root or text). */
export const builtDocument = fc
  .tuple(fc.boolean().map((b) => (b ? '\uFEFF' : '')), declaration, fc.array(misc, { maxLength: 2 }), element, fc.array(misc, { maxLength: 2 }))
  .map(([bom, decl, before, root, after]) => bom + decl + before.join('') + root + after.join(''));

/** One character (or short run) an edit inserts or replaces with: the edge cases of every production above. */
export const EDIT_ALPHABET = [...new Set(['<', '>', '&', ';', '#', 'x', '"', "'", '=', '/', '?', '!', '-', '[', ']', ' ', ...LINE_ENDS, ...CONTROLS, ...NON_CHARACTERS, ...NAME_START, ...NAME_ONLY, ...NAME_NEITHER, '&#', '--', ']]>', '?>', '<!--', '<?', '</', '/>', '&amp;', '&lt;'])];

/** `doc` with one character inserted, deleted or replaced at a place `at` picks (code units; a pair may be split). */
export function mutate(doc: string, op: 'insert' | 'delete' | 'replace', at: number, piece: string): string {
  const i = doc.length === 0 ? 0 : at % (op === 'insert' ? doc.length + 1 : doc.length);
  if (op === 'insert') return doc.slice(0, i) + piece + doc.slice(i);
  if (op === 'delete') return doc.slice(0, i) + doc.slice(i + 1);
  return doc.slice(0, i) + piece + doc.slice(i + 1);
}

/** A built document, or one with one to two edits. */
export const edgeDocument = fc.oneof(
  builtDocument,
  fc
    .tuple(builtDocument, fc.array(fc.tuple(fc.constantFrom('insert' as const, 'delete' as const, 'replace' as const), fc.nat(), fc.constantFrom(...EDIT_ALPHABET)), { minLength: 1, maxLength: 2 }))
    .map(([doc, edits]) => edits.reduce((d, [op, at, piece]) => mutate(d, op, at, piece), doc)),
);
