// The command line lets an export .zip be larger than --max-bytes (its parts are held to the flag once unpacked), but
// told an archive from a task sequence file by its first two bytes, before reading it: an archive behind a
// self-extractor's stub, which it reads, was held to --max-bytes as a whole and refused (INPUT_TOO_LARGE). A file over
// --max-bytes that an end record ends is now held to the archive's limit, as one that starts with `PK` is.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { makeZip, withStub } from './helpers/make-zip.js';
import { runCli } from './helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cmts-stub-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OBJ = readFileSync('examples/replace-restore.object.xml');
/** An export whose sequence is under 4,000 bytes beside a stored part of 10,000, so the archive is over 4,000. */
const archive = () => makeZip([{ name: 'SMS_TaskSequencePackage/CM100031/object.xml', data: OBJ }, { name: 'payload.bin', data: randomBytes(10_000), stored: true }]);

describe('an export .zip behind a stub, over --max-bytes as a whole', () => {
  it('is read within the archive limit, as the same archive without the stub is', async () => {
    expect(OBJ.length).toBeLessThan(4000);
    writeFileSync(join(dir, 'plain.zip'), archive());
    writeFileSync(join(dir, 'sfx.zip'), withStub(archive(), Buffer.from('MZ\x90\x00 a self-extractor stub')));
    const plain = await runCli(['inspect', join(dir, 'plain.zip'), '--max-bytes', '4000']);
    expect(plain.status, plain.stderr).toBe(0);
    const sfx = await runCli(['inspect', join(dir, 'sfx.zip'), '--max-bytes', '4000']);
    expect(sfx.stderr).not.toContain('INPUT_TOO_LARGE');
    expect(sfx.status, sfx.stderr).toBe(0);
  });

  it('a task sequence file over --max-bytes is still refused before it is read', async () => {
    writeFileSync(join(dir, 'ts.xml'), OBJ);
    const r = await runCli(['inspect', join(dir, 'ts.xml'), '--max-bytes', '1000']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('INPUT_TOO_LARGE');
  });
});
