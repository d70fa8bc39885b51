// Builds small zip archives byte by byte, so tests can craft what real tools would never write.
import { crc32, deflateRawSync } from 'node:zlib';
import { readZip } from '../../lib/zip/zip.js';

/** One entry to write. */
export interface ZipSpec {
  name: string;
  data: Buffer | string;
  /** Extra field bytes for the central and local headers. */
  extra?: Buffer;
  /** Store instead of deflate. */
  stored?: boolean;
  /** zlib's deflate level (default 6); 1 packs as loosely as a fast exporter's compressor does. */
  level?: number;
  /** Write this CRC instead of the right one. */
  crc?: number;
  /** The name's bytes as written, with the UTF-8 flag (bit 11) clear: a name in code page 437, as old tools write it. */
  nameBytes?: Buffer;
}

/** An Info-ZIP Unicode path extra field (0x7075) naming `path`; its NameCRC32 is of `headerName` (a string as UTF-8). */
export function unicodePathExtra(path: string, headerName: string | Buffer): Buffer {
  const name = Buffer.from(path, 'utf8');
  const head = Buffer.alloc(9);
  head.writeUInt16LE(0x7075, 0);
  head.writeUInt16LE(5 + name.length, 2);
  head.writeUInt8(1, 4);
  head.writeUInt32LE(crc32(typeof headerName === 'string' ? Buffer.from(headerName, 'utf8') : headerName), 5);
  return Buffer.concat([head, name]);
}

/** A ZIP64 extended information extra field (0x0001) holding the two sizes. */
export function zip64Extra(size: number, csize: number): Buffer {
  const b = Buffer.alloc(20);
  b.writeUInt16LE(0x0001, 0);
  b.writeUInt16LE(16, 2);
  b.writeBigUInt64LE(BigInt(size), 4);
  b.writeBigUInt64LE(BigInt(csize), 12);
  return b;
}

/** The archive; `comment` is the end record's comment, `zip64Locator` puts a ZIP64 end locator before it. */
export function makeZip(entries: ZipSpec[], options: { comment?: Buffer; zip64Locator?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'utf8');
    const body = e.stored ? data : deflateRawSync(data, { level: e.level ?? 6 });
    const name = e.nameBytes ?? Buffer.from(e.name, 'utf8');
    const flags = e.nameBytes ? 0 : 0x800;
    const extra = e.extra ?? Buffer.alloc(0);
    const crc = e.crc ?? crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(e.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(e.stored ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, extra, body);
    centrals.push(central, name, extra);
    offset += 30 + name.length + extra.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const comment = options.comment ?? Buffer.alloc(0);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  eocd.writeUInt16LE(comment.length, 20);
  const locator = Buffer.alloc(options.zip64Locator ? 20 : 0);
  if (options.zip64Locator) locator.writeUInt32LE(0x07064b50, 0);
  return Buffer.concat([...locals, cd, locator, eocd, comment]);
}

/** `zip` behind a self-extractor's stub, its offsets moved past it (as `zip -A` does). */
export function withStub(zip: Buffer, stub: Buffer): Buffer {
  const read = readZip(zip);
  const out = Buffer.concat([stub, zip]);
  const eocd = read.eocdOffset + stub.length;
  out.writeUInt32LE(out.readUInt32LE(eocd + 16) + stub.length, eocd + 16);
  for (const e of read.entries) out.writeUInt32LE(e.localOffset + stub.length, e.centralOffset + stub.length + 42);
  return out;
}
