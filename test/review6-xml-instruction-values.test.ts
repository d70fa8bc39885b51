// A processing instruction's value is what follows its target and the one white-space character that separates them,
// so a value given reads back as it was given: `{ target: 't', value: 'x' }` was written `<?t x?>` and read back as
// ' x' (the separator was part of the value read), and a value starting with a no-break space gained a space too.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../lib/xml/parse.js';
import { originOf, type LeafOrigin } from '../lib/xml/origin.js';
import { readTaskSequence, writeTaskSequenceText, type Element, type Node } from './helpers/api.js';
import { thrown, verdict } from './helpers/thrown.js';

const xml = '<?xml version="1.0"?>\n<sequence version="3.00">\n  <step type="a" name="s"><action>x</action></step>\n  <?keep  two spaces?>\n</sequence>\n';

/** Writes a sequence with `pi` added, reads it back, and gives back the instruction read (or the refusal's code). */
function roundTrip(pi: Node): { target: string; value: string } | string {
  const doc = readTaskSequence(xml);
  doc.sequence.children.push(pi);
  let out = '';
  const v = verdict(() => (out = writeTaskSequenceText(doc)));
  if (v !== 'ok') return v;
  const back = readTaskSequence(out).sequence.children.filter((c) => c.kind === 'instruction');
  expect(back).toHaveLength(2);
  const { target, value } = back[1] as { target: string; value: string };
  return { target, value };
}

describe('a new processing instruction', () => {
  it.each(['x', ' x', '  x', '\tx', '\nx', 'x ', '', ' ', '\u00a0x', '\u3000x', 'a?b', 'a ? > b'])('with the value %j reads back with that value', (value) => {
    expect(roundTrip({ kind: 'instruction', target: 't', value })).toEqual({ target: 't', value });
  });

  it('reads back exactly for any value XML can hold, and is refused only for what it cannot', () => {
    const char = fc.constantFrom('x', ' ', '\t', '\n', '\r', '?', '>', '\u00a0', '-', 'é', '\u{1F600}');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 8 }).map((a) => a.join('')), (value) => {
        const got = roundTrip({ kind: 'instruction', target: 'p', value });
        // A CR cannot be written so that it reads back (see xml-line-ends.test.ts): refused.
        if (value.includes('?>') || value.includes('\r')) expect(got).toBe('OUTPUT_MALFORMED');
        else expect(got).toEqual({ target: 'p', value });
      }),
      { numRuns: 400, seed: 6 },
    );
  });

  it('is refused where XML cannot say it: ?> or a CR inside, a target that is no name, a target xml inside', () => {
    expect(roundTrip({ kind: 'instruction', target: 't', value: 'a?>b' })).toBe('OUTPUT_MALFORMED');
    expect(roundTrip({ kind: 'instruction', target: 't', value: '\r\nx' })).toBe('OUTPUT_MALFORMED');
    expect(roundTrip({ kind: 'instruction', target: 'a b', value: 'x' })).toBe('OUTPUT_MALFORMED');
    expect(roundTrip({ kind: 'instruction', target: 'xml', value: 'version="1.0"' })).toBe('OUTPUT_MALFORMED');
    expect(roundTrip({ kind: 'instruction', target: 'XmL', value: 'x' })).toBe('OUTPUT_MALFORMED');
  });
});

describe('an instruction read', () => {
  it('has as value what follows the one separating white-space character, and is written back unedited as read', () => {
    const doc = readTaskSequence(xml);
    const decl = doc.xml.children[0] as { target: string; value: string };
    expect(decl).toMatchObject({ kind: 'instruction', target: 'xml', value: 'version="1.0"' });
    const keep = doc.sequence.children.find((c) => c.kind === 'instruction') as { value: string };
    expect(keep.value).toBe(' two spaces');
    expect((originOf(keep as Node) as LeafOrigin).value).toBe(' two spaces');
    expect(writeTaskSequenceText(doc)).toBe(xml);
  });

  it('keeps an instruction with no value, or a value of white space only, as read', () => {
    // A CR LF is the one LF it is read as: as the separator, it is one character, and the LF copy gives the same value.
    for (const [text, value] of [['<a><?p?></a>', ''], ['<a><?p ?></a>', ''], ['<a><?p  ?></a>', ' '], ['<a><?p\n\tx?></a>', '\tx'], ['<a><?p\r\n\tx?></a>', '\tx'], ['<a><?p\r\n?></a>', ''], ['<a><?p\r\r\nx\ry?></a>', '\nx\ny']] as const) {
      const { root } = parseXml(text);
      expect((root as Element & { children: { value: string }[] }).children[0]?.value).toBe(value);
    }
  });

  it('is printed afresh once edited, and the edited value reads back', () => {
    const doc = readTaskSequence(xml);
    const keep = doc.sequence.children.find((c) => c.kind === 'instruction') as { value: string };
    keep.value = 'edited';
    const out = writeTaskSequenceText(doc);
    expect(out).toBe(xml.replace('<?keep  two spaces?>', '<?keep edited?>'));
    expect((readTaskSequence(out).sequence.children.find((c) => c.kind === 'instruction') as { value: string }).value).toBe('edited');
  });

  it('places a bad character in its value exactly', () => {
    const e = thrown(() => parseXml('<a><?p  \u0001?></a>'));
    expect([e.code, e.range]).toEqual(['XML_MALFORMED', [8, 8]]);
  });
});
