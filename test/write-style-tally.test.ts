// The reader counts a text's writing style as it reads it, so that printing an edit needs no second scan of the text.
// What it counts must be exactly what a scan of the text (learnStyleFromText, the test oracle in helpers/style-scan.ts)
// learns from it: both are run here on hand-made cases, on generated documents, on every fixture and example, and on
// the shared corpus.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sourceOf } from '../lib/xml/origin.js';
import { parseXml } from '../lib/xml/parse.js';
import { styleOf, type WriteStyle } from '../lib/xml/style.js';
import { learnStyleFromText } from './helpers/style-scan.js';
import { readTaskSequence } from './helpers/api.js';
import { CORPUS_SKIPPED, corpusFiles, fixtureFiles, variants } from './helpers/corpus.js';

/** The style as plain data, the empty forms in the order they were met (a tie goes to the first). */
const plain = (s: WriteStyle) => ({ ...s, emptyByTag: [...s.emptyByTag] });

/** The style the reader counted while parsing `text`, and the one a scan of it learns. */
function both(text: string): { counted: ReturnType<typeof plain>; scanned: ReturnType<typeof plain> } {
  const { source } = parseXml(text);
  if (!source.tally) throw new Error('the reader kept no tally');
  return { counted: plain(source.tally.style()), scanned: plain(learnStyleFromText(text)) };
}

describe('the style the reader counts', () => {
  it.each([
    [`<a x='1' y="2"><b z='"'/><c w='3'/></a>`, { quote: "'" }],
    [`<a><b c="x > y" /><d e='>'></d></a>`, { emptyByTag: [['b', ' />'], ['d', 'pair']] }],
    ['<a>\n<b/>\n<c />\n<c />\n<d></d>\n<e>x</e>\n<f><g/></f>\n</a>', { emptyDefault: '/>' }],
    ['<a><x /><v></v></a>', { emptyDefault: ' />' }],
    ['<a><v ></v><w></w ><y>\n</y></a>', { emptyByTag: [['v', 'pair']] }],
    ['<a>\r\n<b/>\r\n<c/>\n</a>', { newline: '\r\n' }],
    ['<a>\n<b/>\n<c/>\r\n</a>', { newline: '\n' }],
    ['<a>  \n\r\n  <b/>\n</a>', { newline: '\r\n' }],
    ['<a><!--\n\n--><?p \n\n?><b><![CDATA[\n\n]]></b></a>', { newline: '' }],
    ['\r\n<!-- c -->\r\n<a>x\ny</a>\n', { newline: '\r\n' }],
    ['<a><b>say &quot;x&quot;</b><c>&quot;</c></a>', { textQuot: true }],
    ['<a><b>say &quot;x&quot;</b><c>"</c></a>', { textQuot: false }],
    [`<a x="&quot;"><b>&apos;</b><![CDATA[']]></a>`, { textApos: false }],
    [`<a x="'"><b>&apos;</b></a>`, { textApos: true }],
    [`<a><b>it's</b><c>&amp;'</c><d>"]</d></a>`, { textApos: false, textQuot: false }],
  ])('counts %j as a scan learns it', (text, expected) => {
    const { counted, scanned } = both(text);
    expect(counted).toEqual(scanned);
    expect(counted).toMatchObject(expected);
  });

  it('counts what a scan learns on generated documents', () => {
    const space = fc.constantFrom(' ', '\t', '\n', '\r\n', '  \n', '\n\r\n', '\r', '');
    const chars = fc.constantFrom('a', ' ', '"', "'", '&quot;', '&apos;', '&amp;', '&#34;', '\n', '\r\n', 'é', ']', '>', '/>');
    const value = fc.array(fc.constantFrom('v', '"', "'", '&quot;', '&apos;', '>', ' ', '/>', '\n'), { maxLength: 4 }).map((p) => p.join(''));
    const tag = fc.constantFrom('a', 'b', 'step', 'variable', 'c1');
    const attribute = fc.tuple(fc.constantFrom('x', 'y', 'name'), fc.constantFrom('"', "'"), value).map(([n, q, v]) => ` ${n}=${q}${v.split(q).join(q === '"' ? '&quot;' : '&apos;')}${q}`);
    const text = fc.array(chars, { minLength: 1, maxLength: 6 }).map((p) => p.join(''));
    const leaf = fc.oneof(
      text,
      space,
      fc.array(chars, { maxLength: 4 }).map((p) => `<!--${p.join('').replace(/-/g, '')} -->`),
      fc.array(chars, { maxLength: 4 }).map((p) => `<![CDATA[${p.join('').replace(/]]>/g, '')}]]>`),
      fc.constantFrom('<?pi x?>', '<?pi \n?>'),
    );
    const element: fc.Memo<string> = fc.memo((depth) =>
      fc
        .tuple(tag, fc.array(attribute, { maxLength: 2 }), fc.constantFrom('/>', ' />', '></', ' ></', '>', '></ '), depth > 1 ? fc.array(fc.oneof(leaf, element(depth - 1)), { maxLength: 4 }) : fc.constant([]))
        .map(([t, attrs, form, kids]) => {
          const names = new Set<string>();
          const start = `<${t}${attrs.filter((a) => !names.has(a.slice(1, a.indexOf('='))) && names.add(a.slice(1, a.indexOf('=')))).join('')}`;
          if (form === '/>' || form === ' />') return `${start}${form}`;
          if (form === '></' || form === ' ></') return `${start}${form}${t}>`;
          if (form === '></ ') return `${start}></${t} >`;
          return `${start}>${kids.join('')}</${t}>`;
        }),
    );
    const prolog = fc.constantFrom('', '<?xml version="1.0"?>', "<?xml version='1.0' encoding='utf-8'?>\r\n");
    // Texts side by side may spell ']]>', which no text may hold (a document of those is no document: left out).
    const document = fc
      .tuple(prolog, fc.array(fc.oneof(space, fc.constant('<!-- x -->')), { maxLength: 2 }), element(4), fc.array(space, { maxLength: 2 }))
      .map(([p, before, root, after]) => `${p}${before.join('')}${root}${after.join('')}`)
      .filter((d) => !d.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').includes(']]>'));
    fc.assert(
      fc.property(document, (doc) => {
        const { counted, scanned } = both(doc);
        expect(counted).toEqual(scanned);
      }),
      { numRuns: 400 },
    );
  });

  it('counts what a scan learns on every fixture and example, in every encoding and line end', () => {
    const examples = join(import.meta.dirname, '..', 'examples');
    const files = [...fixtureFiles(), ...readdirSync(examples).filter((f) => f.endsWith('.xml')).map((name) => ({ name, bytes: readFileSync(join(examples, name)) }))];
    let read = 0;
    for (const f of files) {
      for (const v of variants(f.bytes)) {
        let doc;
        try {
          doc = readTaskSequence(v.bytes);
        } catch {
          continue; // A fixture of a refused input: nothing is counted for it.
        }
        const text = sourceOf(doc.xml)?.text as string;
        expect(plain(styleOf(doc.xml)), `${f.name} (${v.label})`).toEqual(plain(learnStyleFromText(text)));
        read++;
      }
    }
    expect(read).toBeGreaterThan(100);
  });

  it('counts what a scan learns on every corpus export', (ctx) => {
    if (CORPUS_SKIPPED !== undefined) ctx.skip(CORPUS_SKIPPED);
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      let doc;
      try {
        doc = readTaskSequence(f.bytes);
      } catch {
        continue; // Published not well-formed: refused, so nothing is counted.
      }
      expect(plain(styleOf(doc.xml)), f.name).toEqual(plain(learnStyleFromText(sourceOf(doc.xml)?.text as string)));
    }
  });
});
