import { describe, expect, it } from 'vitest';
import { readTaskSequence, writeTaskSequence } from './helpers/api.js';
import { CORPUS_SKIPPED, corpusFiles, fixtureFiles, variants } from './helpers/corpus.js';

const corpus = corpusFiles();

// Thousands of runs or every corpus file: well over the 5 s default on a busy machine, so the limit is explicit.
describe('round trip with no edit gives back the exact bytes', { timeout: 60_000 }, () => {
  it('finds the shared corpus (required in CI; skipped, not passed, without it)', (ctx) => {
    if (CORPUS_SKIPPED !== undefined) ctx.skip(CORPUS_SKIPPED);
    expect(corpus.length).toBeGreaterThanOrEqual(12);
  });

  for (const { name, bytes } of corpus) {
    if (name.includes('.not-well-formed.')) {
      // Published as a reference that ConfigMgr will not import: its XML declaration follows three comments.
      it(`corpus ${name} is refused as not well-formed, with its place`, () => {
        expect(() => readTaskSequence(bytes)).toThrow(expect.objectContaining({ code: 'XML_MALFORMED', linePos: expect.objectContaining({ line: 4 }) }));
      });
      continue;
    }
    for (const v of variants(bytes)) {
      it(`corpus ${name} (${v.label})`, () => {
        const doc = readTaskSequence(v.bytes);
        expect(Buffer.from(writeTaskSequence(doc)).equals(v.bytes)).toBe(true);
      });
    }
  }

  for (const { name, bytes } of fixtureFiles()) {
    if (name.includes('/invalid/') || name.startsWith('invalid/')) continue;
    it(`fixture ${name}`, () => {
      expect(Buffer.from(writeTaskSequence(readTaskSequence(bytes))).equals(bytes)).toBe(true);
    });
  }
});
