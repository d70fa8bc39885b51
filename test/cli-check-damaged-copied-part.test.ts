// An export .zip whose other part (notes.txt) no longer matches its CRC cannot be written back after an edit: the
// writer checks every part it copies (ZIP_INVALID). But `--check` and `--dry-run`, which write nothing, said "would
// change" and exited as if the run would succeed. They now fail the input as the run does.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeZip } from './helpers/make-zip.js';
import { runCli } from './helpers/run-cli.js';

// A sequence that captures user state: the replace-capture scenario refuses one that captures nothing.
const SEQ = '<sequence version="3.10"><step type="SMS_TaskSequence_CaptureUserStateAction" name="a"><action>osdmigrateuserstate.exe /collect</action></step></sequence>';
const OBJ = `<INSTANCE CLASSNAME="SMS_TaskSequencePackage"><PROPERTY NAME="DependentProgram" TYPE="string"><VALUE></VALUE></PROPERTY><PROPERTY NAME="Sequence" TYPE="string"><VALUE><![CDATA[${SEQ}]]></VALUE></PROPERTY></INSTANCE>`;
const archive = (crc?: number) => makeZip([{ name: 'SMS_TaskSequencePackage/CM100031/object.xml', data: OBJ }, { name: 'notes.txt', data: 'hello', stored: true, ...(crc === undefined ? {} : { crc }) }]);

describe('a check of an export .zip with a damaged part it would copy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cmts-check-copies-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, bytes: string | Uint8Array) => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };
  const options = file('options.json', JSON.stringify({ packageId: 'ABC00010', programName: 'CCMCertFix' }));
  const damaged = file('damaged.zip', archive(0x12345678));
  const sound = file('sound.zip', archive());

  it('transform --check fails the input as the run does (ZIP_INVALID, exit 1)', async () => {
    const run = await runCli(['transform', 'set-dependent-program', damaged, '--options', options, '-o', join(dir, 'out.zip')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('ZIP_INVALID');
    const check = await runCli(['transform', 'set-dependent-program', damaged, '--options', options, '--check']);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('ZIP_INVALID');
    expect(check.stderr).not.toContain('would change');
  });

  it('kb977203 --check and --dry-run fail it too, and a sound archive still checks as needing changes', async () => {
    for (const mode of ['--check', '--dry-run']) {
      const r = await runCli(['kb977203', damaged, '--certfix-package', 'ABC00010', '--force', '--scenario', 'replace-capture', mode]);
      expect(r.stderr, mode).toContain('ZIP_INVALID');
      expect(r.status, mode).toBe(1);
    }
    const ok = await runCli(['transform', 'set-dependent-program', sound, '--options', options, '--check']);
    expect(ok.status).toBe(1);
    expect(ok.stderr).toContain('would change');
    expect(ok.stderr).not.toContain('ZIP_INVALID');
  });
});
