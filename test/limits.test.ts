// The input limits, at their boundaries: bytes and markup items (what the tree costs memory for) are counted before
// parsing, every input at the limit reads, one unit more is refused with INPUT_TOO_LARGE — never a heap abort.
import { describe, expect, it } from 'vitest';
import { readTaskSequence, TaskSequenceError } from './helpers/api.js';
import { DEFAULT_MAX_NODES } from '../lib/read.js';
import { parseXml } from '../lib/xml/parse.js';

function outcome(input: Uint8Array | string, options: { maxBytes?: number; maxNodes?: number }): string {
  try {
    readTaskSequence(input, options);
    return 'read';
  } catch (e) {
    if (e instanceof TaskSequenceError) return e.code;
    throw e;
  }
}

const seq = (n: number): string => `<sequence>${'<step/>'.repeat(n)}</sequence>`;

describe('input limits', () => {
  it('reads an input of exactly maxBytes and refuses one byte more', () => {
    const bytes = Buffer.from(seq(10));
    expect(outcome(bytes, { maxBytes: bytes.length })).toBe('read');
    expect(outcome(bytes, { maxBytes: bytes.length - 1 })).toBe('INPUT_TOO_LARGE');
  });

  it('reads an input of exactly maxNodes markup items and refuses one more, in UTF-8 and UTF-16', () => {
    const text = seq(10); // 12 markup items: 10 steps, the start and the end tag of the sequence
    for (const bytes of [Buffer.from(text), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])]) {
      expect(outcome(bytes, { maxNodes: 12 })).toBe('read');
      expect(outcome(bytes, { maxNodes: 11 })).toBe('INPUT_TOO_LARGE');
    }
    expect(outcome(text, { maxNodes: 11 })).toBe('INPUT_TOO_LARGE');
  });

  it('refuses 64 MiB of <b/> lines by their markup count, before building anything', () => {
    const line = Buffer.from('<b/>\n');
    const bytes = Buffer.alloc(64 * 1024 * 1024 - 64);
    for (let i = 0; i + line.length <= bytes.length; i += line.length) line.copy(bytes, i);
    bytes.fill(0x20, bytes.length - ((bytes.length % line.length) || 0));
    expect(outcome(bytes, {})).toBe('INPUT_TOO_LARGE');
    expect(DEFAULT_MAX_NODES).toBeLessThan(bytes.length / line.length);
  });

  it('bounds a parse the caller could not count first (markup inside escaped text) with the same code', () => {
    expect(() => parseXml('<a><b/><b/></a>', { maxNodes: 3 })).toThrow(expect.objectContaining({ code: 'INPUT_TOO_LARGE' }));
    expect(parseXml('<a><b/><b/></a>', { maxNodes: 4 }).root.tag).toBe('a');
  });
});
