// The byte-exact parser's judgement on the points XML 1.0 (fifth edition) is precise about: name characters, character
// references and the XML declaration's place.
import { describe, expect, it } from 'vitest';
import { parseXml } from '../lib/xml/parse.js';
import { printDocument } from '../lib/xml/print.js';

function code(text: string): string | undefined {
  try {
    parseXml(text);
    return undefined;
  } catch (e) {
    return (e as { code: string }).code;
  }
}

describe('parseXml: exact XML 1.0', () => {
  it('refuses characters that are not name characters, wherever they are in a name', () => {
    expect(code('<a\u00D7b/>')).toBe('XML_MALFORMED'); // ×
    expect(code('<a\u00F7b/>')).toBe('XML_MALFORMED'); // ÷
    expect(code('<\u0301a/>')).toBe('XML_MALFORMED'); // a combining mark cannot start a name
    expect(code('<a b\u037E="1"/>')).toBe('XML_MALFORMED'); // Greek question mark
    expect(code('<a\uFFFE/>')).toBe('XML_MALFORMED');
  });

  it('accepts every name character class, astral planes included', () => {
    for (const name of ['a\u0301', '_\u00B7-.9', '\u00C0\u02FF', '\u{10000}\u{EFFFF}', 'x\u203F\u2040', '\u3001', 'a:b:c']) {
      expect(code(`<${name} ${name}="v"></${name}>`), name).toBeUndefined();
    }
  });

  it('accepts character references with any number of leading zeros and refuses those past U+10FFFF', () => {
    const doc = parseXml(`<a v="&#x${'0'.repeat(40)}41;">&#${'0'.repeat(50)}66;</a>`);
    expect(doc.root.attributes.v).toBe('A');
    expect(printDocument(doc.document)).toBe(`<a v="&#x${'0'.repeat(40)}41;">&#${'0'.repeat(50)}66;</a>`);
    expect(code('<a>&#x110000;</a>')).toBe('XML_MALFORMED');
    expect(code('<a>&#x1000000000041;</a>')).toBe('XML_MALFORMED');
    expect(code('<a>&#0;</a>')).toBe('XML_MALFORMED');
  });

  it('refuses an XML declaration anywhere but at the very start, and a reserved target in any case', () => {
    expect(code('<?xml version="1.0"?><a/>')).toBeUndefined();
    expect(code('\n<?xml version="1.0"?><a/>')).toBe('XML_MALFORMED');
    expect(code('<a/><?xml version="1.0"?>')).toBe('XML_MALFORMED');
    expect(code('<?xml version="1.0"?><?xml version="1.0"?><a/>')).toBe('XML_MALFORMED');
    expect(code('<?XmL version="1.0"?><a/>')).toBe('XML_MALFORMED');
    expect(code('<?xml-stylesheet href="a"?><a/>')).toBeUndefined();
  });

  it('keeps the lenient reading for text embedded in another document, with a warning', () => {
    const parsed = parseXml('\n  <?xml version="1.0"?><sequence/>', { embedded: true });
    expect(parsed.warnings.map((w) => w.code)).toEqual(['XML_DECLARATION_NOT_FIRST']);
    expect(code('<?xml version="1.0" standalone="yes" encoding="utf-8"?><a/>')).toBe('XML_MALFORMED');
  });
});

describe('parseXml: entity names', () => {
  it('refuses a name Object.prototype holds as an undefined entity, in text and in attributes', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expect(code(`<a>x&${name};y</a>`), name).toBe('XML_UNDEFINED_ENTITY');
      expect(code(`<a b="x&${name};y"/>`), name).toBe('XML_UNDEFINED_ENTITY');
    }
  });

  it('refuses a reference to a name of any length as undefined (a Name, [68]), naming a long one shortened', () => {
    for (const n of [32, 33, 5000]) {
      const name = 'a'.repeat(n);
      expect(code(`<a>&${name};</a>`), String(n)).toBe('XML_UNDEFINED_ENTITY');
      expect(code(`<a b="&${name};"/>`), String(n)).toBe('XML_UNDEFINED_ENTITY');
    }
    expect(() => parseXml(`<a>&${'b'.repeat(5000)};</a>`)).toThrow(/Entity &b{32}…; is not defined/);
  });

  it('names the first fault of an attribute value: a bad reference before a \'<\'', () => {
    const fault = (text: string) => {
      try {
        parseXml(text);
      } catch (e) {
        return [(e as { code: string }).code, (e as { range: [number, number] }).range[0]];
      }
      return undefined;
    };
    expect(fault('<sequence a="&foo;<"/>')).toEqual(['XML_UNDEFINED_ENTITY', 13]);
    expect(fault('<sequence a="&#0;<"/>')).toEqual(['XML_MALFORMED', 13]);
    expect(fault('<sequence a="x<&foo;"/>')).toEqual(['XML_MALFORMED', 14]);
  });

  it('decodes the five predefined entities', () => {
    const root = parseXml('<a b="&lt;&gt;&amp;&quot;&apos;">&lt;&gt;&amp;&quot;&apos;</a>').root as { attributes: Record<string, string>; children: { value: string }[] };
    expect(root.attributes.b).toBe(`<>&"'`);
    expect(root.children.map((c) => c.value).join('')).toBe(`<>&"'`);
  });
});

describe('parseXml: decoding references in values of every length and alphabet', () => {
  // The decoder takes a short route for short Latin-1 values whose references are all predefined; every other value
  // goes the general way. Both must agree with what XML says the text means, whatever the mix.
  const pieces: [raw: string, meaning: string][] = [
    ['&lt;', '<'],
    ['&gt;', '>'],
    ['&amp;', '&'],
    ['&quot;', '"'],
    ['&apos;', "'"],
    ['&#x41;', 'A'],
    ['&#233;', '\u00e9'],
    ['&#x20AC;', '\u20ac'],
    ['\u00e9', '\u00e9'],
    ['\u00ff', '\u00ff'],
    ['\u20ac', '\u20ac'],
    ['\u{1D11E}', '\u{1D11E}'],
    ['a', 'a'],
    ['z 9', 'z 9'],
  ];
  let seed = 7;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed % n;
  };

  it('decodes 400 random values, short and past the short route, in text and in attributes', () => {
    for (let k = 0; k < 400; k++) {
      // Most values are short; one in five is long enough (over 4,096 characters) to take the general route.
      const count = k % 5 === 0 ? 1500 + next(1500) : 1 + next(12);
      let raw = '';
      let meaning = '';
      for (let i = 0; i < count; i++) {
        const [r, m] = pieces[next(pieces.length)] as [string, string];
        raw += r;
        meaning += m;
      }
      const root = parseXml(`<a b="${raw}">${raw}</a>`).root as { attributes: Record<string, string>; children: { value: string }[] };
      expect(root.attributes.b, raw.slice(0, 40)).toBe(meaning);
      expect(root.children.map((c) => c.value).join(''), raw.slice(0, 40)).toBe(meaning);
    }
  });

  it('refuses a reference that only starts like a predefined one, in a short value and a long one', () => {
    for (const bad of ['&lt', '&l;', '&ltx;', '&g;', '&am;', '&ampx;', '&apo;', '&aposs;', '&quo;', '&quott;', '&a;', '&;', '& ']) {
      for (const pad of ['', 'x'.repeat(5000)]) {
        expect(code(`<a>${pad}&lt;${bad}</a>`), `${bad} after ${pad.length}`).toMatch(/^XML_(MALFORMED|UNDEFINED_ENTITY)$/);
        expect(code(`<a b="${pad}&amp;${bad}"/>`), `${bad} after ${pad.length}`).toMatch(/^XML_(MALFORMED|UNDEFINED_ENTITY)$/);
      }
    }
  });
});
