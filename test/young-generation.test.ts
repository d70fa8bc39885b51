// A large read or write keeps V8's young generation at the size it has (xml/young-generation.ts): the tree it builds
// all survives, and V8 grew the young generation to 2 × 16 MiB while it was built, pages the process then kept (the
// bench's 20 MB round trip peaked at 5.4–6.0 × its input; held, 4.6–4.8 ×). Each test runs a fresh process of the
// library's build and watches the young generation's size: the capacity of its semi-space, `new_space`'s used and
// available bytes in V8's heap statistics (its `space_size` is what is committed, which moves between one and two
// semi-spaces at each collection).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './helpers/cli-process.js';
import { makeZip } from './helpers/make-zip.js';
import { DEFAULT_GROWTH_FACTOR, hostChoseFactor } from '../lib/xml/young-generation.js';
// @ts-expect-error: the bench's generator is plain JavaScript, with no types
import { generateSequence } from './bench/generate.mjs';

const dir = mkdtempSync(join(tmpdir(), 'cmts-young-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A 6 MB sequence: its tree, all surviving, grows an unheld young generation to its largest. */
const LARGE = join(dir, 'large.xml');
writeFileSync(LARGE, generateSequence(8000) as string);
/** The same cut short: not well-formed, refused at its end. */
const BROKEN = join(dir, 'broken.xml');
writeFileSync(BROKEN, (generateSequence(8000) as string).slice(0, -20));
/** An export of eight sequences of 0.7 MB each: none alone is large, together they are. */
const PART = generateSequence(1000) as string;
const ZIP = join(dir, 'export.zip');
writeFileSync(
  ZIP,
  makeZip(Array.from({ length: 8 }, (_, i) => ({ name: `SMS_TaskSequencePackage/CM10000${i}/object.xml`, data: `<INSTANCE CLASSNAME="SMS_TaskSequencePackage"><PROPERTY NAME="Sequence" TYPE="string"><VALUE><![CDATA[${PART}]]></VALUE></PROPERTY></INSTANCE>` }))),
);

/** A Current Branch object.xml of 6 MB: its sequence is a second tree, printed in its holder's place when edited. */
const OBJECT = join(dir, 'object.xml');
writeFileSync(OBJECT, `<INSTANCE CLASSNAME="SMS_TaskSequencePackage"><PROPERTY NAME="Sequence" TYPE="string"><VALUE><![CDATA[${generateSequence(8000) as string}]]></VALUE></PROPERTY></INSTANCE>`);

/** The built modules a script imports. */
const url = (path: string) => JSON.stringify(pathToFileURL(resolve(path)).href);
/** A script's opening: `v8`, and `young()`, the semi-space's capacity (used and available bytes of `new_space`). */
const YOUNG = `const v8 = await import('node:v8');
const young = () => { const s = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space'); return s.space_used_size + s.space_available_size; };`;

/** Runs the ES module `script` in a fresh process with `flags`; the last line it prints is read as JSON. */
function runScript<T>(script: string, flags: string[] = []): T {
  ensureBuilt();
  const r = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as T;
}

interface Sizes {
  before: number;
  afterRead: number;
  afterEdit: number;
  afterWrite: number;
  afterSurvivors: number;
  /** Whether the written bytes hold the edit (so the writer printed the text anew). */
  edited?: boolean;
  code?: string;
}

/**
 * In a fresh process (with `flags`): the young generation's size before reading `file`, after reading it, after
 * writing it, and after the script then keeps 400,000 small objects of its own (a young generation free to grow
 * grows for them).
 */
function sizesIn(file: string, flags: string[] = [], read = 'lib.readTaskSequence(bytes)'): Sizes {
  return runScript<Sizes>(
    `${YOUNG}
    const { readFileSync } = await import('node:fs');
    const lib = { ...(await import(${url('dist/lib/index.js')})), ...(await import(${url('dist/lib/api/zip.js')})) };
    const bytes = readFileSync(${JSON.stringify(file)});
    const out = { before: young() };
    let doc;
    try {
      doc = ${read};
    } catch (e) {
      out.code = e.code;
    }
    out.afterRead = young();
    // An edit, so that the writer prints the text anew rather than copying it. It walks down to the first step
    // itself: a query such as doc.steps() builds a list of all 8,000 (the script's own work, not held, which may
    // grow the young generation before the write is measured).
    let first = doc?.sequence;
    while (first && first.kind !== 'step') first = first.children.find((n) => n.kind === 'step' || n.kind === 'group');
    if (first) first.attributes.description = 'edited';
    out.afterEdit = young();
    const written = doc ? lib.writeTaskSequence(doc) : undefined;
    out.afterWrite = young();
    if (written) out.edited = Buffer.from(written.buffer, written.byteOffset, written.length).includes('"edited"');
    const keep = [];
    for (let i = 0; i < 400000; i++) keep.push({ i, s: 'x' + i });
    out.afterSurvivors = young();
    console.log(JSON.stringify(out));`,
    flags,
  );
}

describe('a large read or write holds the young generation at its size', () => {
  it('a 6 MB read and the write of an edit of it leave it as it was, and it grows again for what the host keeps', () => {
    const s = sizesIn(LARGE);
    expect(s.edited).toBe(true);
    expect(s.afterRead).toBe(s.before);
    expect(s.afterEdit).toBe(s.before);
    expect(s.afterWrite).toBe(s.before);
    // The flag is set back: the host's own survivors grow it as they did before.
    expect(s.afterSurvivors).toBeGreaterThanOrEqual(2 * s.before);
  });

  it('so do the read of a 6 MB object.xml and the write of an edit of its sequence (printed as a tree of its own)', () => {
    const s = sizesIn(OBJECT);
    expect(s.edited).toBe(true);
    expect(s.afterRead).toBe(s.before);
    expect(s.afterWrite).toBe(s.before);
  });

  it('without the hold the same read grows it (the host chose the growth factor: left as the host set it)', () => {
    const s = sizesIn(LARGE, [`--semi-space-growth-factor=${DEFAULT_GROWTH_FACTOR}`]);
    expect(s.afterRead).toBeGreaterThanOrEqual(2 * s.before);
  });

  it('a read that fails sets the flag back all the same', () => {
    const s = sizesIn(BROKEN);
    expect(s.code).toBe('XML_MALFORMED');
    expect(s.afterRead).toBe(s.before);
    expect(s.afterSurvivors).toBeGreaterThanOrEqual(2 * s.before);
  });

  it('an export of parts each under 1 MiB, 5.6 MB together, holds it for the parts it reads', () => {
    const s = sizesIn(ZIP, [], "lib.readExportZip(bytes).sequences[0].doc");
    expect(s.afterRead).toBe(s.before);
    const free = sizesIn(ZIP, [`--semi-space-growth-factor=${DEFAULT_GROWTH_FACTOR}`], "lib.readExportZip(bytes).sequences[0].doc");
    expect(free.afterRead).toBeGreaterThanOrEqual(2 * free.before);
  });

  it('a worker thread does not hold it: the flag is the whole process\'s, and only the main thread sets it', () => {
    // The worker reads the file and says how its own young generation changed.
    const worker = `${YOUNG}
      const { readFileSync } = await import('node:fs');
      const { parentPort } = await import('node:worker_threads');
      const lib = await import(${url('dist/lib/index.js')});
      const bytes = readFileSync(${JSON.stringify(LARGE)});
      const before = young();
      lib.readTaskSequence(bytes);
      parentPort.postMessage({ before, after: young() });`;
    const s = runScript<{ before: number; after: number }>(`
      const { Worker } = await import('node:worker_threads');
      const w = new Worker(${JSON.stringify(`import(${JSON.stringify(`data:text/javascript,${encodeURIComponent(worker)}`)})`)}, { eval: true });
      w.on('message', (m) => { console.log(JSON.stringify(m)); w.terminate(); });`);
    expect(s.after).toBeGreaterThanOrEqual(2 * s.before);
  });

  it("V8's default growth factor is the one a hold sets back", () => {
    // What this Node's V8 says of the flag: a V8 whose default changed would have it set back to another value.
    const r = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    const m = /--semi-space-growth-factor[^\n]*\n[^\n]*default: --semi-space-growth-factor=(\d+)/.exec(r.stdout);
    expect(m?.[1]).toBe(String(DEFAULT_GROWTH_FACTOR));
  });
});

describe('when the young generation is held', () => {
  /** In a fresh process: the young generation's size before and after a million small objects kept inside `hold`. */
  function grewDuring(hold: string): { before: number; after: number } {
    return runScript(`${YOUNG}
      const { withYoungGenerationHeld: hold, HELD_FROM } = await import(${url('dist/lib/xml/young-generation.js')});
      const keep = [];
      const survivors = () => { for (let i = 0; i < 1000000; i++) keep.push({ i, s: 'x' + i }); };
      const before = young();
      ${hold};
      console.log(JSON.stringify({ before, after: young() }));`);
  }

  it('from HELD_FROM on', () => {
    const held = grewDuring('hold(HELD_FROM, survivors)');
    expect(held.after).toBe(held.before);
    const small = grewDuring('hold(HELD_FROM - 1, survivors)');
    expect(small.after).toBeGreaterThanOrEqual(4 * small.before);
  });

  it('a hold inside a hold leaves setting the flag back to the outer one', () => {
    const nested = grewDuring('hold(HELD_FROM, () => { hold(HELD_FROM, () => 0); survivors(); })');
    expect(nested.after).toBe(nested.before);
  });

  it('the host chose the factor when its command line names it, in either spelling', () => {
    expect(hostChoseFactor(['--semi-space-growth-factor=4'])).toBe(true);
    expect(hostChoseFactor(['--max-old-space-size=512', '--semi_space_growth_factor', '4'])).toBe(true);
    expect(hostChoseFactor(['--max-semi-space-size=1', '--semi-space-growth-factors=2'])).toBe(false);
    expect(hostChoseFactor([])).toBe(false);
  });
});
