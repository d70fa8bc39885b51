// The --dry-run diff is a patch: applied by `git apply` and by GNU patch to the file it was made from, it gives exactly
// the bytes the real run writes, whatever the file holds (CRLF line ends, no final newline, characters beyond ASCII, a
// C1 control character) and whatever its name (spaces, characters beyond ASCII, a quote). On a terminal the same diff
// is shown with what could drive the terminal escaped.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { memoryIo } from './helpers/memory-io.js';

const ARGS = ['--certfix-package', 'ABC00010'];
const REFRESH = readFileSync(join(FIXTURES_DIR, 'kb977203', 'refresh-2007-crlf', 'input.xml'), 'latin1');

/**
 * The CRLF fixture with a description beyond ASCII (a C1 control among it) beside the DependentProgram the preset
 * fills, and its end drawn in so that the last line, which has no line end, is context of the last hunk.
 */
const INPUT = Buffer.from(
  REFRESH.replace('Refresh with USMT', 'Refresh with USMT \u2014 caf\u00e9 \u{1F680} \u009b31m')
    .replace(/\r\n  <SourceDate>[^]*<\/IconSize>/, '')
    .replace('      </group>\r\n    </sequence>\r\n  </SequenceData>\r\n</SmsTaskSequencePackage>', '      </group></sequence></SequenceData></SmsTaskSequencePackage>'),
  'utf8',
);

const work = mkdtempSync(join(tmpdir(), 'cmts-patch-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The dry run's standard output and the bytes the real run writes, for the input at `name`. */
async function dryRunAndRun(name: string, input: Uint8Array, tty = false): Promise<{ patch: Buffer; written: Buffer }> {
  const m = memoryIo({ [name]: input });
  if (tty) m.io.stdout.isTTY = true;
  expect(await main(['kb977203', name, '--dry-run', ...ARGS], m.io)).toBe(0);
  const r = memoryIo({ [name]: input });
  expect(await main(['kb977203', name, '-o', 'out.xml', ...ARGS], r.io)).toBe(0);
  return { patch: m.stdoutBytes, written: Buffer.from(r.fs.get('out.xml')!) };
}

/** Writes `input` at `name` in a fresh folder, applies `patch` there with `command`, and gives the file's bytes. */
function applied(command: string[], name: string, input: Uint8Array, patch: Buffer): Buffer {
  const dir = mkdtempSync(join(work, 'case-'));
  mkdirSync(dirname(join(dir, name)), { recursive: true });
  writeFileSync(join(dir, name), input);
  const r = spawnSync(command[0] as string, command.slice(1), { cwd: dir, input: patch, encoding: 'utf8' });
  expect(r.status, `${command.join(' ')}: ${r.stdout}${r.stderr}`).toBe(0);
  return readFileSync(join(dir, name));
}

describe('the --dry-run diff as a patch', () => {
  for (const name of ['ts.xml', 'my ts \u00e9.xml', 'sub dir/na\u00efve "quoted" \u{1F680}.xml']) {
    it(`applies with git apply and GNU patch to give the bytes the run writes (${JSON.stringify(name)})`, async () => {
      const { patch, written } = await dryRunAndRun(name, INPUT);
      expect(written.equals(INPUT)).toBe(false);
      // The CRs, the character beyond ASCII and the marker of the missing final newline are in the patch.
      expect(patch.toString('utf8')).toContain('\r\n+  <DependentProgram>ABC00010;;CCMCertFix</DependentProgram>\r\n');
      expect(patch.toString('utf8')).toMatch(/\n {7}<\/group><\/sequence><\/SequenceData><\/SmsTaskSequencePackage>\n\\ No newline at end of file\n$/);
      expect(applied(['git', 'apply', '-'], name, INPUT, patch).equals(written)).toBe(true);
      expect(applied(['patch', '-p1', '--batch', '--no-backup-if-mismatch'], name, INPUT, patch).equals(written)).toBe(true);
    });
  }

  it('applies to a file with a byte order mark', async () => {
    const input = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), INPUT]);
    const { patch, written } = await dryRunAndRun('bom.xml', input);
    expect(applied(['git', 'apply', '-'], 'bom.xml', input, patch).equals(written)).toBe(true);
  });

  it('on a terminal escapes what could drive it; to a pipe it writes the exact patch', async () => {
    const { patch } = await dryRunAndRun('ts.xml', INPUT);
    const shown = (await dryRunAndRun('ts.xml', INPUT, true)).patch.toString('utf8');
    expect(patch.toString('utf8')).toContain('\u009b31m');
    expect(shown).not.toMatch(/[\u0080-\u009f]/);
    expect(shown).toContain('caf\u00e9 \u{1F680} \\u009b31m</Description>\r\n');
    expect(shown).toBe(patch.toString('utf8').replace('\u009b', '\\u009b'));
  });
});
