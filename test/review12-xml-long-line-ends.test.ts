// Line ends of a long text or attribute value (over 4,096 characters) are made LFs, or spaces, by one pass into one
// array: a regular-expression replace of a value of 32 million CR LFs (64 MiB, within the reader's size limit) took
// 14.6 s and 1.2 GB (the cost is measured, not timed here). What they are made is what XML 1.0 says (sections 2.11
// and 3.3.3), on either side of the length where the way changes.
import { describe, expect, it } from 'vitest';
import { lf, normalizeAttributeRaw } from '../lib/xml/entities.js';
import { readTaskSequence } from './helpers/api.js';

const piece = 'a\r\nb\rc\n\td \u20ac\u{1F600}\r\r\n';
const texts = [4090, 4096, 4097, 5000, 20_000].map((n) => (piece.repeat(Math.ceil(n / piece.length)) + 'x').slice(-n));

describe('line ends of long values', () => {
  it.each(texts.map((t) => [t.length, t]))('%i characters: text and attribute value', (_n, raw) => {
    expect(lf(raw)).toBe(raw.replace(/\r\n?/g, '\n'));
    expect(normalizeAttributeRaw(raw)).toBe(raw.replace(/\r\n|[\t\n\r]/g, ' '));
  });

  it('a long value read from a CRLF file', () => {
    const value = 'line\r\n\tindented\r'.repeat(1000);
    const doc = readTaskSequence(`<sequence name="${value}"><step type="T" name="s"><action>${value}</action></step></sequence>`);
    expect(doc.sequence.attributes.name).toBe(value.replace(/\r\n|[\t\n\r]/g, ' '));
    const action = doc.steps()[0]?.node.children.find((c) => c.kind === 'action');
    expect(action && 'value' in action ? action.value : undefined).toBe(value.replace(/\r\n?/g, '\n'));
  });
});
