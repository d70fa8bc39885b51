import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** `../shared/corpus` beside the repository. */
export const CORPUS_DIR = resolve(here, '../../../shared/corpus');
export const FIXTURES_DIR = resolve(here, '../fixtures');

/**
 * Why the corpus cases are skipped, or undefined when the corpus is there. Suites call `ctx.skip(CORPUS_SKIPPED)` in a
 * test of their own, so a run without the corpus reports those cases as skipped instead of passing with none.
 */
export const CORPUS_SKIPPED: string | undefined = existsSync(CORPUS_DIR)
  ? undefined
  : 'the shared corpus (../shared/corpus beside the repository) is absent, so its cases are skipped';

/** The corpus files, or an empty list when the corpus is absent outside CI (in CI its absence is a failure). */
export function corpusFiles(): { name: string; bytes: Buffer }[] {
  if (!existsSync(CORPUS_DIR)) {
    if (process.env.CI === 'true') throw new Error(`The shared corpus is missing at ${CORPUS_DIR}; CI must test against it.`);
    return [];
  }
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((name) => ({ name, bytes: readFileSync(join(CORPUS_DIR, name)) }));
}

/**
 * One corpus file's text, or undefined when the corpus is absent outside CI (in CI its absence is a failure). A suite
 * built on one file uses `describe.skipIf(text === undefined)`, so a run without the corpus reports it as skipped.
 */
export function corpusText(name: string): string | undefined {
  if (!existsSync(CORPUS_DIR)) {
    if (process.env.CI === 'true') throw new Error(`The shared corpus is missing at ${CORPUS_DIR}; CI must test against it.`);
    return undefined;
  }
  return readFileSync(join(CORPUS_DIR, name), 'utf8');
}

/** Every file under test/fixtures with an .xml ending, recursively. */
export function fixtureFiles(dir = FIXTURES_DIR): { name: string; bytes: Buffer }[] {
  if (!existsSync(dir)) return [];
  const out: { name: string; bytes: Buffer }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...fixtureFiles(p).map((f) => ({ name: `${entry.name}/${f.name}`, bytes: f.bytes })));
    else if (entry.name.endsWith('.xml')) out.push({ name: entry.name, bytes: readFileSync(p) });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** The same text in the encodings and line ends cmts must round-trip. */
export function variants(bytes: Buffer): { label: string; bytes: Buffer }[] {
  const text = bytes.toString('utf8');
  const crlf = text.replace(/\r?\n/g, '\r\n');
  const le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
  const be = (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]);
  return [
    { label: 'as published', bytes },
    { label: 'CRLF', bytes: Buffer.from(crlf, 'utf8') },
    { label: 'UTF-8 BOM CRLF', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf, 'utf8')]) },
    { label: 'UTF-16LE BOM CRLF', bytes: le(crlf) },
    { label: 'UTF-16BE BOM', bytes: be(text) },
  ];
}

/**
 * The corpus as documents the reader accepts: a file published with comments before its XML declaration
 * (`*.not-well-formed.xml`, which the reader rightly refuses) is given with those comments dropped, as its MANIFEST
 * says it parses then. For tests of what the steps mean (catalog, lint, text form), not of bytes.
 */
export function wellFormedCorpusFiles(): { name: string; bytes: Buffer }[] {
  return corpusFiles().map((f) => {
    if (!f.name.includes('.not-well-formed.')) return f;
    const at = f.bytes.indexOf('<?xml');
    return { name: f.name, bytes: at > 0 ? f.bytes.subarray(at) : f.bytes };
  });
}
