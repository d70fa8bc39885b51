// An archive cmts writes is one cmts reads, with the contents it was given: for generated archives (stored and
// deflated entries at every zlib level, data descriptors, a stub before the first entry, a central directory in
// another order than the data, a comment) and a random subset of entries replaced, the written archive reads under the
// limits it was written with, every replaced entry holds its new bytes, and every other entry is copied as it was.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readEntry, readZip, writeZip, type ZipArchive, type ZipEntry, type ZipLimits } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { makeZip } from './helpers/make-zip.js';

const MiB = 1024 * 1024;

/** One entry as generated: what makeZip writes, how the archive is then laid out, and what replaces it (if anything). */
interface Gen {
  name: string;
  data: Buffer;
  stored: boolean;
  level: number;
  /** Whether the entry gets a data descriptor (bit 3), with or without its signature, and zero CRC and sizes in its local header. */
  descriptor: 'none' | 'signed' | 'bare';
  zeroLocal: boolean;
  replacement: Buffer | undefined;
  /** Whether writeZip is given the entry itself as key rather than its name. */
  byEntry: boolean;
}

interface GenArchive {
  entries: Gen[];
  prefix: string;
  comment: string;
  /** Sort keys: the central directory lists the entries in this order, their data stays in generation order. */
  order: number[];
  limits: { ratio: number | undefined; entrySlack?: number; totalSlack?: number; entriesSlack?: number } | undefined;
}

// Names from a safe alphabet (lower case only, so two distinct names never compare equal as Windows compares them),
// in nested folders; none a device Windows reserves (`nul`, `com1`: the reader refuses them).
const segment = fc
  .string({ unit: fc.constantFrom(...Array.from('abcdefghijklmnopqrstuvwxyz0123456789-_é')), minLength: 1, maxLength: 8 })
  .filter((s) => !/^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/.test(s));
const fileName = fc.tuple(fc.array(segment, { minLength: 0, maxLength: 3 }), segment, fc.constantFrom('', '.xml', '.txt', '.bin')).map(([dirs, base, ext]) => [...dirs, base + ext].join('/'));

const text = fc.string({ unit: 'binary', maxLength: 1000 }).map((s) => Buffer.from(s, 'utf8'));
const binary = fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b));
const empty = fc.constant(Buffer.alloc(0));
// One short line repeated to 1–3 MiB: zlib packs it well past 200:1 at its default level (checked below), the ratio
// the reader refuses in an entry over 1 MiB. A counterexample shows how such contents are made, not their megabytes.
const repetitive = fc
  .tuple(fc.string({ minLength: 1, maxLength: 64 }), fc.integer({ min: MiB + 1, max: 3 * MiB }))
  .map(([line, size]) => Object.assign(Buffer.alloc(size, line), { [fc.toStringMethod]: () => `Buffer.alloc(${size}, ${JSON.stringify(line)})` }));

const small = fc.oneof({ arbitrary: text, weight: 3 }, { arbitrary: binary, weight: 2 }, { arbitrary: empty, weight: 1 });
const withLarge = fc.oneof(small, repetitive);

function archive(contents: fc.Arbitrary<Buffer>): fc.Arbitrary<GenArchive> {
  const entry = fc.record({
    name: fileName,
    data: contents,
    stored: fc.constantFrom(false, false, true), // deflated more often: that is where the ratio is in question
    level: fc.integer({ min: 1, max: 9 }),
    descriptor: fc.constantFrom<Gen['descriptor']>('none', 'signed', 'bare'),
    zeroLocal: fc.boolean(),
    replacement: fc.option(contents, { nil: undefined, freq: 2 }),
    byEntry: fc.boolean(),
  });
  // A folder's entry: empty, stored, never replaced. Its name is compared without the '/', as a file of that name
  // would be the same name.
  const folder = fc.record({ name: fileName.map((n) => `${n}/`), byEntry: fc.boolean() }).map((f): Gen => ({ ...f, data: Buffer.alloc(0), stored: true, level: 6, descriptor: 'none', zeroLocal: false, replacement: undefined }));
  return fc.record({
    entries: fc.uniqueArray(fc.oneof({ arbitrary: entry, weight: 5 }, { arbitrary: folder, weight: 1 }), { minLength: 1, maxLength: 6, selector: (e) => e.name.replace(/\/$/, '') }),
    prefix: fc.oneof(fc.constant(''), fc.string({ minLength: 1, maxLength: 40 })),
    comment: fc.oneof(fc.constant(''), fc.string({ maxLength: 80 })),
    order: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
    // Default limits or explicit ones, half and half; an explicit ratio below 200 makes the writer store more, one above
    // lets it keep what deflates past 200:1.
    limits: fc.oneof(
      fc.constant(undefined),
      fc.record(
        { ratio: fc.option(fc.double({ min: 1, max: 2000, noNaN: true }), { nil: undefined, freq: 4 }), entrySlack: fc.nat(1000), totalSlack: fc.nat(1000), entriesSlack: fc.nat(3) },
        { requiredKeys: ['ratio'] },
      ),
    ),
  });
}

/** The reader's ratio rule as ZipLimits documents it: an entry over 1 MiB may unpack to at most maxRatio × its packed size. */
const refusedRatio = (size: number, packed: number, maxRatio: number) => size > MiB && size > packed * maxRatio;

/** Explicit limits that the input and the intended output both fit, some of them exactly (a limit is at least 1). */
function limitsFor(g: GenArchive): ZipLimits | undefined {
  if (!g.limits) return undefined;
  const sizes = g.entries.flatMap((e) => [e.data.length, (e.replacement ?? e.data).length]);
  const total = (pick: (e: Gen) => Buffer) => g.entries.reduce((n, e) => n + pick(e).length, 0);
  const { ratio, entrySlack, totalSlack, entriesSlack } = g.limits;
  return {
    ...(ratio === undefined ? {} : { maxRatio: ratio }),
    ...(entrySlack === undefined ? {} : { maxEntrySize: Math.max(1, ...sizes) + entrySlack }),
    ...(totalSlack === undefined ? {} : { maxTotalSize: Math.max(1, total((e) => e.data), total((e) => e.replacement ?? e.data)) + totalSlack }),
    ...(entriesSlack === undefined ? {} : { maxEntries: g.entries.length + entriesSlack }),
  };
}

/**
 * The generated archive's bytes. makeZip writes the entries; they are then laid out again as the generation says:
 * data descriptors, the stub before them, the central directory's order. An original entry the reader would refuse
 * for its ratio under `limits` is stored instead, as the property is about archives cmts reads.
 */
function build(g: GenArchive, limits: ZipLimits | undefined): Buffer {
  const maxRatio = limits?.maxRatio ?? 200;
  const specs = g.entries.map((e) => ({ name: e.name, data: e.data, level: e.level, stored: e.stored || refusedRatio(e.data.length, deflateRawSync(e.data, { level: e.level }).length, maxRatio) }));
  const plain = makeZip(specs, { comment: Buffer.from(g.comment, 'utf8') });
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let at = 0;
  for (const e of g.entries) {
    const end = at + 30 + plain.readUInt16LE(at + 26) + plain.readUInt16LE(at + 28) + plain.readUInt32LE(at + 18);
    const local = Buffer.from(plain.subarray(at, end));
    if (e.descriptor !== 'none') {
      const d = Buffer.alloc(16);
      d.writeUInt32LE(0x08074b50, 0);
      local.copy(d, 4, 14, 26); // CRC, packed and unpacked sizes
      local.writeUInt16LE(local.readUInt16LE(6) | 0x8, 6);
      if (e.zeroLocal) local.fill(0, 14, 26);
      locals.push(Buffer.concat([local, e.descriptor === 'signed' ? d : d.subarray(4)]));
    } else locals.push(local);
    at = end;
  }
  for (const e of g.entries) {
    const end = at + 46 + plain.readUInt16LE(at + 28) + plain.readUInt16LE(at + 30) + plain.readUInt16LE(at + 32);
    const central = Buffer.from(plain.subarray(at, end));
    if (e.descriptor !== 'none') central.writeUInt16LE(central.readUInt16LE(8) | 0x8, 8);
    centrals.push(central);
    at = end;
  }
  const prefix = Buffer.from(g.prefix, 'utf8');
  let offset = prefix.length;
  for (const [i, local] of locals.entries()) {
    (centrals[i] as Buffer).writeUInt32LE(offset, 42);
    offset += local.length;
  }
  const order = g.entries.map((_, i) => i).sort((a, b) => (g.order[a] as number) - (g.order[b] as number));
  const cd = Buffer.concat(order.map((i) => centrals[i] as Buffer));
  const eocd = Buffer.from(plain.subarray(at));
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([prefix, ...locals, cd, eocd]);
}

const byName = (zip: ZipArchive, name: string) => zip.entries.find((e) => e.name === name) as ZipEntry;
const localRecord = (zip: ZipArchive, e: ZipEntry) => Buffer.from(zip.bytes.subarray(e.localOffset, e.localEnd));
/** An entry's central record but for its local header's offset, which moves when an entry before it changes size. */
const centralRecord = (zip: ZipArchive, e: ZipEntry) => {
  const rec = Buffer.from(zip.bytes.subarray(e.centralOffset, e.centralOffset + e.centralLength));
  rec.fill(0, 42, 46);
  return rec;
};
const localOrder = (zip: ZipArchive) => [...zip.entries].sort((a, b) => a.localOffset - b.localOffset).map((e) => e.name);

function roundTrip(g: GenArchive): void {
  const limits = limitsFor(g);
  const input = build(g, limits);
  const zip = readZip(input, limits);
  // The input is what was generated: the reader sees it as built, so what follows tests the writer.
  expect(zip.entries.map((e) => e.name).sort()).toEqual(g.entries.map((e) => e.name).sort());
  expect(localOrder(zip)).toEqual(g.entries.map((e) => e.name));
  for (const e of g.entries) expect(Buffer.from(readEntry(zip, byName(zip, e.name), limits)).equals(e.data)).toBe(true);

  // Nothing to replace: the input's bytes come back.
  expect(Buffer.from(writeZip(zip, new Map(), limits)).equals(input)).toBe(true);

  const replace = new Map<ZipEntry | string, Uint8Array>();
  for (const e of g.entries) if (e.replacement) replace.set(e.byEntry ? byName(zip, e.name) : e.name, e.replacement);
  const out = writeZip(zip, replace, limits);
  const back = readZip(out, limits);
  expect(back.entries.map((e) => e.name)).toEqual(zip.entries.map((e) => e.name));
  expect(localOrder(back)).toEqual(localOrder(zip));
  for (const e of g.entries) {
    const was = byName(zip, e.name);
    const now = byName(back, e.name);
    const read = Buffer.from(readEntry(back, now, limits));
    if (e.replacement) expect(read.equals(e.replacement), `${e.name} holds its new contents`).toBe(true);
    else {
      expect(read.equals(e.data), `${e.name} holds its old contents`).toBe(true);
      expect(localRecord(back, now).equals(localRecord(zip, was)), `${e.name}'s local record is copied`).toBe(true);
      expect(centralRecord(back, now).equals(centralRecord(zip, was)), `${e.name}'s central record is copied`).toBe(true);
    }
  }
  // The stub before the first entry and the archive's comment are kept.
  expect(Buffer.from(out.subarray(0, Buffer.byteLength(g.prefix))).toString('utf8')).toBe(g.prefix);
  expect(Buffer.from(out.subarray(back.eocdOffset + 22)).toString('utf8')).toBe(g.comment);
  // Written under an explicit ratio no looser than the default, it reads under the default limits too.
  if (limits && (limits.maxRatio ?? 200) <= 200) expect(() => readZip(out)).not.toThrow();
}

describe('an archive cmts writes is one cmts reads, with the contents it was given', () => {
  it('the repetitive contents generated deflate past the 200:1 the reader refuses, so the properties below reach that case', () => {
    for (const b of fc.sample(repetitive, { numRuns: 20, seed: 200 })) expect(b.length / deflateRawSync(b).length).toBeGreaterThan(200);
  });

  it('small entries: any layout, any subset replaced, default or explicit limits', () => {
    fc.assert(fc.property(archive(small), roundTrip), { numRuns: 300 });
  });

  // Each run deflates and inflates several MiB, so fewer runs.
  it('entries of 1–3 MiB that deflate past 200:1, as originals and as new contents', { timeout: 60_000 }, () => {
    fc.assert(fc.property(archive(withLarge), roundTrip), { numRuns: 40 });
  });

  it('replacing entries with the bytes they hold gives an archive that reads back the same, and writing it so again gives the same bytes', () => {
    const step = '  <step type="SMS_TaskSequence_RebootAction" name="Restart Computer"><action>smsboot.exe /target:WinPE</action></step>\r\n';
    const big = Buffer.from(step.repeat(20_000));
    expect(refusedRatio(big.length, deflateRawSync(big).length, 200)).toBe(true);
    const g: GenArchive = {
      entries: [
        { name: 'a/stored.txt', data: Buffer.from('stored text'), stored: true, level: 6, descriptor: 'none', zeroLocal: false, replacement: undefined, byEntry: false },
        { name: 'a/b/deflated.xml', data: Buffer.from('<x>deflated</x>'.repeat(50)), stored: false, level: 9, descriptor: 'signed', zeroLocal: true, replacement: undefined, byEntry: false },
        { name: 'empty.bin', data: Buffer.alloc(0), stored: false, level: 6, descriptor: 'bare', zeroLocal: false, replacement: undefined, byEntry: false },
        // Packed at level 1, as a fast exporter packs it, it reads; deflated again at zlib's default level it would not.
        { name: 'big.xml', data: big, stored: false, level: 1, descriptor: 'none', zeroLocal: false, replacement: undefined, byEntry: false },
      ],
      prefix: 'stub',
      comment: 'comment',
      order: [3, 1, 2, 0],
      limits: undefined,
    };
    const fixture = readFileSync(join(FIXTURES_DIR, 'zip', 'export-data-descriptors.zip'));
    for (const bytes of [build(g, undefined), fixture]) {
      const zip = readZip(bytes);
      const contents = zip.entries.map((e) => Buffer.from(readEntry(zip, e)));
      // Each entry alone, then all of them at once.
      const maps = [...zip.entries.map((e, i) => new Map([[e.name, contents[i] as Buffer]])), new Map(zip.entries.map((e, i) => [e.name, contents[i] as Buffer]))];
      for (const replace of maps) {
        const out = writeZip(zip, replace);
        const back = readZip(out);
        expect(back.entries.map((e) => e.name)).toEqual(zip.entries.map((e) => e.name));
        back.entries.forEach((e, i) => expect(Buffer.from(readEntry(back, e)).equals(contents[i] as Buffer), e.name).toBe(true));
        expect(Buffer.from(writeZip(back, replace)).equals(Buffer.from(out))).toBe(true);
      }
    }
  });
});
