// An export .zip behind a self-extractor's stub (bytes before its first local header) is held to the archive's limit
// when it is a file (cli-zip-with-stub-size-limit.test.ts): its parts are held to --max-bytes once unpacked. From
// standard input it was held to --max-bytes as a whole, since only its first two bytes (not `PK`) were looked at, so
// `cmts inspect - < sfx.zip` refused what `cmts inspect sfx.zip` read. Standard input cannot be measured before it is
// read, so an input that does not start with `PK` is still read no further than --max-bytes unless a local header
// stands in what was read by then (an archive's first entry after a stub; never in XML text, nor /dev/zero); then it
// is read on within the archive's limit, refused (INPUT_TOO_LARGE) as soon as it passes it, and kept only if a zip end
// record ends it, as a file's is.
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { readFdBounded } from '../lib/cli/bounded-read.js';
import { makeZip, withStub } from './helpers/make-zip.js';
import { cmts } from './helpers/cli-process.js';
import { thrown } from './helpers/thrown.js';
import type { TaskSequenceError } from '../lib/index.js';

const dir = mkdtempSync(join(tmpdir(), 'cmts-stdin-stub-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OBJ = readFileSync('examples/replace-restore.object.xml');
const STUB = Buffer.from('MZ\x90\x00 a self-extractor stub');
/** An export whose sequence is under 4,000 bytes beside a stored part of 10,000, so the archive is over 10,000. */
const archive = () => makeZip([{ name: 'SMS_TaskSequencePackage/CM100031/object.xml', data: OBJ }, { name: 'payload.bin', data: randomBytes(10_000), stored: true }]);

describe('an export .zip behind a stub, on standard input', { timeout: 120_000 }, () => {
  it('over --max-bytes as a whole, reads as the same file does', () => {
    expect(OBJ.length).toBeLessThan(4000);
    const sfx = withStub(archive(), STUB);
    expect(sfx.length).toBeGreaterThan(10_000);
    writeFileSync(join(dir, 'sfx.zip'), sfx);
    const fromFile = cmts(['inspect', join(dir, 'sfx.zip'), '--max-bytes', '4000']);
    expect(fromFile.status, fromFile.stderr).toBe(0);
    const fromStdin = cmts(['inspect', '-', '--max-bytes', '4000'], { input: sfx });
    expect(fromStdin.stderr).not.toContain('INPUT_TOO_LARGE');
    expect(fromStdin.status, fromStdin.stderr).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout.replaceAll(join(dir, 'sfx.zip'), '-'));
  });

  it('under --max-bytes, reads', () => {
    const r = cmts(['inspect', '-', '--max-bytes', '100000'], { input: withStub(archive(), STUB) });
    expect(r.status, r.stderr).toBe(0);
  });

  it('its parts are still held to --max-bytes once unpacked', () => {
    const r = cmts(['inspect', '-', '--max-bytes', '1000'], { input: withStub(archive(), STUB) });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^cmts inspect: -!SMS_TaskSequencePackage\/CM100031\/object\.xml: INPUT_TOO_LARGE The part is \d+ bytes once unpacked; the limit is 1000 \(--max-bytes\)/);
  });

  it('a task sequence over --max-bytes is still refused at --max-bytes, not read on', () => {
    const r = cmts(['inspect', '-', '--max-bytes', '1000'], { input: OBJ });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('INPUT_TOO_LARGE (standard input) is over 1000 bytes (and was not read to its end); the limit is 1000 bytes (--max-bytes).');
  });

  it('bytes with a local header but no end record, over --max-bytes, are refused naming --max-bytes', () => {
    const sfx = withStub(archive(), STUB);
    const noEnd = sfx.subarray(0, sfx.length - 22);
    const r = cmts(['inspect', '-', '--max-bytes', '4000'], { input: noEnd });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`INPUT_TOO_LARGE (standard input) is ${noEnd.length} bytes, and no zip archive (no end record ends it); the limit is 4000 bytes (--max-bytes).`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("standard input held to the archive's limit", () => {
  /** Reads `bytes` as readFdBounded reads standard input, with an archive limit of `archiveLimit`; and what was left unread. */
  function read(bytes: Buffer, maxBytes: number, archiveLimit: number): { bytes?: Uint8Array; error?: TaskSequenceError; unread: number } {
    const path = join(dir, `in-${bytes.length}-${maxBytes}-${archiveLimit}`);
    writeFileSync(path, bytes);
    const fd = openSync(path, 'r');
    try {
      let out: { bytes?: Uint8Array; error?: TaskSequenceError } = {};
      try {
        out = { bytes: readFdBounded(fd, '(standard input)', undefined, maxBytes, archiveLimit) };
      } catch (e) {
        out = { error: thrown(() => {
          throw e;
        }) };
      }
      // What the reader did not take is still there to read.
      let unread = 0;
      const rest = Buffer.alloc(64 * 1024);
      for (let n = readSync(fd, rest, 0, rest.length, null); n > 0; n = readSync(fd, rest, 0, rest.length, null)) unread += n;
      return { ...out, unread };
    } finally {
      closeSync(fd);
    }
  }

  const MiB = 1024 * 1024;
  // Past the 1 MiB a read takes at a time, so that a refusal leaves some of it unread.
  const big = (stub = STUB) => withStub(makeZip([{ name: 'SMS_TaskSequencePackage/CM100031/object.xml', data: OBJ }, { name: 'payload.bin', data: randomBytes(3 * MiB), stored: true }]), stub);

  it('one over it is refused (INPUT_TOO_LARGE) as soon as it passes it, before the whole is read and kept', () => {
    const { bytes, error, unread } = read(big(), 4000, 2 * MiB);
    expect(bytes).toBeUndefined();
    expect(error?.code).toBe('INPUT_TOO_LARGE');
    expect(error?.message).toBe(`(standard input) is over ${2 * MiB} bytes (and was not read to its end); the limit is ${2 * MiB} bytes (an export .zip's).`);
    expect(error?.file).toBe('-');
    expect(unread).toBeGreaterThan(0);
  });

  it('one under it is read whole', () => {
    const sfx = big();
    const { bytes, error, unread } = read(sfx, 4000, 4 * MiB);
    expect(error).toBeUndefined();
    expect(Buffer.from(bytes ?? []).equals(sfx)).toBe(true);
    expect(unread).toBe(0);
  });

  it('a local header split across two reads is found', () => {
    // A stub of 1 MiB less 2 bytes: the first read ends with `PK`, the second starts with 03 04, and the one entry's
    // data (no other local header) fills the reads after them.
    const sfx = withStub(makeZip([{ name: 'payload.bin', data: Buffer.alloc(3 * MiB, 0x41), stored: true }]), Buffer.alloc(MiB - 2, 0x20));
    expect(sfx.subarray(MiB - 2, MiB + 2).equals(Buffer.from([0x50, 0x4b, 3, 4]))).toBe(true);
    const { bytes, error } = read(sfx, MiB + 10, 8 * MiB);
    expect(error).toBeUndefined();
    expect(bytes?.length).toBe(sfx.length);
  });
});
