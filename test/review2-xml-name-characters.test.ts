// Names may hold characters that JavaScript's `\s` calls white space (U+1680 OGHAM SPACE MARK and U+FEFF are name
// characters in XML 1.0, fifth edition). The writer's scan of an edited start tag took them for white space, stopped
// short, and printed every attribute after such a name twice: the output was not well-formed, and it was written.
import { describe, expect, it } from 'vitest';
import { readTaskSequence, writeTaskSequence, type ErrorCode } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const stepOf = (xml: string | Uint8Array) => {
  const step = readTaskSequence(xml).sequence.children.find((c) => 'tag' in c && c.tag === 'step');
  if (!step || !('tag' in step)) throw new Error('no step');
  return step;
};

describe('attribute names with characters JavaScript calls white space', () => {
  for (const [what, ch] of [
    ['U+1680', '\u1680'],
    ['U+FEFF', '\ufeff'],
  ] as const) {
    it(`an edited start tag whose attribute name holds ${what} is printed once, and reads back`, () => {
      const source = `<sequence version="3.10">\n<step type="X" b${ch}c="2" name="n" d="3"/>\n</sequence>`;
      const doc = readTaskSequence(source);
      const step = doc.sequence.children.find((c) => 'tag' in c && c.tag === 'step');
      if (!step || !('tag' in step)) throw new Error('no step');
      const before = { ...step.attributes };
      step.attributes.type = 'Y';
      const out = Buffer.from(writeTaskSequence(doc)).toString('utf8');
      expect(out).toBe(source.replace('type="X"', 'type="Y"'));
      expect(stepOf(out).attributes).toEqual({ ...before, type: 'Y' });
    });
  }

  it('an edited value after such a name keeps the spelling of the others', () => {
    const source = `<sequence version="3.10"><step  b\u1680c = '2'\tname="n"/></sequence>`;
    const doc = readTaskSequence(source);
    const step = doc.sequence.children[0];
    if (!step || !('tag' in step)) throw new Error('no step');
    step.attributes.name = 'm';
    expect(Buffer.from(writeTaskSequence(doc)).toString('utf8')).toBe(source.replace('"n"', '"m"'));
  });
});

describe('a named reference is a Name', () => {
  const cases: [string, ErrorCode][] = [
    ['&a\u1680b;', 'XML_UNDEFINED_ENTITY'],
    ['&a\ufeffb;', 'XML_UNDEFINED_ENTITY'],
    ['&1a;', 'XML_MALFORMED'],
    ['&a\u00a0b;', 'XML_MALFORMED'],
  ];
  for (const [reference, code] of cases) {
    it(`${JSON.stringify(reference)} is ${code}`, () => {
      const text = `<sequence version="3.10" a="${reference}"/>`;
      const e = thrown(() => readTaskSequence(text));
      expect(e.code).toBe(code);
      expect(e.linePos).toEqual({ line: 1, col: text.indexOf('&') + 1 });
    });
  }
});
