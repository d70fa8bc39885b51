import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP } from '../lib/cli/kb977203.js';
import { main } from '../lib/cli/main.js';
import { validatorFor } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { memoryIo } from './helpers/memory-io.js';
import { BIN, ensureBuilt } from './helpers/cli-process.js';

const fixture = (name: string, file = 'input.xml') => readFileSync(join(FIXTURES_DIR, 'kb977203', name, file));
const REFRESH = fixture('refresh-2007-crlf');
const EXPECTED = fixture('refresh-2007-crlf', 'output.xml');

describe('cmts kb977203', () => {
  it('writes the patched file, reports on stderr and nothing on stdout', async () => {
    const m = memoryIo({ 'in.xml': REFRESH });
    expect(await main(['kb977203', 'in.xml', '-o', 'out.xml', '--certfix-package', 'ABC00010'], m.io)).toBe(0);
    expect(Buffer.from(m.fs.get('out.xml')!).equals(EXPECTED)).toBe(true);
    expect(Buffer.from(m.fs.get('in.xml')!).equals(REFRESH)).toBe(true);
    expect(m.stdout).toBe('');
    expect(m.stderr).toMatch(/changed \[R4\] Install\/Setup Windows and ConfigMgr/);
    expect(m.stderr).toMatch(/wrote out\.xml \(4 change\(s\)\)/);
  });

  it('--in-place rewrites the input; a second run finds everything in place and writes nothing', async () => {
    const m = memoryIo({ 'ts.xml': REFRESH });
    expect(await main(['kb977203', 'ts.xml', '--in-place', '--certfix-package', 'ABC00010'], m.io)).toBe(0);
    expect(Buffer.from(m.fs.get('ts.xml')!).equals(EXPECTED)).toBe(true);
    expect(await main(['kb977203', 'ts.xml', '--in-place', '--certfix-package', 'ABC00010'], m.io)).toBe(0);
    expect(m.writes).toEqual(['ts.xml']);
    expect(m.stderr).toMatch(/already in place; nothing to write/);
  });

  it('--dry-run writes nothing and prints a diff of the changed lines', async () => {
    const m = memoryIo({ 'in.xml': REFRESH });
    expect(await main(['kb977203', 'in.xml', '--certfix-package', 'ABC00010', '--dry-run'], m.io)).toBe(0);
    expect(m.writes).toEqual([]);
    expect(m.stdout).toContain('-  <DependentProgram />\r\n+  <DependentProgram>ABC00010;;CCMCertFix</DependentProgram>\r\n');
    expect(m.stdout).toContain('+        <step type="SMS_TaskSequence_InstallSoftwareAction" name="Run CCMCertFix (KB977203)"');
    expect(m.stdout).not.toContain('<IconSize>');
    expect(m.stdout.match(/^[-+] /gm)).toHaveLength(19);
  });

  it('--json prints a report that matches its schema; the diff rides along with --dry-run', async () => {
    const m = memoryIo({ 'in.xml': REFRESH });
    expect(await main(['kb977203', 'in.xml', '--certfix-package', 'ABC00010', '--dry-run', '--json'], m.io)).toBe(0);
    const envelope = JSON.parse(m.stdout) as { results: { report: { changes: { requirement?: string }[] }; diff: string; written: boolean }[] };
    const validate = validatorFor('kb977203.report.schema.json');
    expect(validate(envelope), JSON.stringify(validate.errors)).toBe(true);
    expect(envelope.results).toHaveLength(1);
    const json = envelope.results[0]!;
    expect(json.report.changes.map((c) => c.requirement)).toEqual(['R4', 'R13', 'R14', 'R12']);
    expect(json.written).toBe(false);
    expect(json.diff).toMatch(/^--- a\/in\.xml\n\+\+\+ b\/in\.xml\n@@ /);
  });

  it('-o - writes the bytes to stdout in the input encoding (UTF-16LE stays UTF-16LE)', async () => {
    const input = fixture('new-computer-bare-utf16le-two-setup-steps');
    const m = memoryIo({ 'in.xml': input });
    expect(await main(['kb977203', 'in.xml', '-o', '-', '--certfix-package', 'ABC00010', '--scenario', 'new-computer'], m.io)).toBe(0);
    expect(m.stdoutBytes.equals(fixture('new-computer-bare-utf16le-two-setup-steps', 'output.xml'))).toBe(true);
  });

  it('bad XML: exit 1, file:line:col and a code, no stack trace, nothing written', async () => {
    const m = memoryIo({ 'bad.xml': '<sequence version="3.00">\n  <step>\n</sequence>' });
    expect(await main(['kb977203', 'bad.xml', '-o', 'out.xml', '--certfix-package', 'ABC00010'], m.io)).toBe(1);
    expect(m.stderr).toBe('cmts kb977203: bad.xml:3:1: XML_MALFORMED End tag </sequence> does not match start tag <step> (line 2, column 3).\n');
    expect(m.writes).toEqual([]);
  });

  it('a refused option: a usage error (exit 2) with the reason, said once before any input; --json puts it on stdout', async () => {
    // Exit 1 would say "changes needed" to a --check: a misspelt or refused flag is the command line's fault.
    for (const extra of [['--drive', '%_SMSTSMDataPath%'], ['--scenario', 'refrsh'], ['--drive', 'D:', '--source', '\\\\srv\\SMS_ABC\\Client']]) {
      const m = memoryIo({ 'in.xml': REFRESH, 'two.xml': REFRESH });
      expect(await main(['kb977203', 'in.xml', 'two.xml', '--check', '--certfix-package', 'ABC00010', ...extra, '--json'], m.io)).toBe(2);
      const json = JSON.parse(m.stdout) as { results: { error: { code: string; message: string } }[] };
      expect(validatorFor('kb977203.report.schema.json')(json)).toBe(true);
      expect(json.results).toHaveLength(1);
      expect(json.results[0]?.error.code).toBe('USAGE_ERROR');
      // Said with the flags' names, once.
      expect(json.results[0]?.error.message).toMatch(/--(drive|scenario)/);
      expect(m.stderr.match(/kb977203/g)?.length).toBeLessThanOrEqual(2);
      expect(m.writes).toEqual([]);
    }
  });

  it('a flag overrides --config, one of a pair too: --source replaces the file\'s drive', async () => {
    const m = memoryIo({ 'in.xml': REFRESH, 'c.json': '{"certfixPackage":"ABC00010","drive":"D:"}' });
    expect(await main(['kb977203', 'in.xml', '--dry-run', '--config', 'c.json', '--source', '\\\\srv\\SMS_ABC\\Client'], m.io)).toBe(0);
    expect(m.stdout).toContain('\\\\srv\\SMS_ABC\\Client');
    // A fault of the file's own is the file's (exit 1), said once with its name.
    const bad = memoryIo({ 'in.xml': REFRESH, 'two.xml': REFRESH, 'c.json': '{"certfixPackage":"ABC00010","drive":"%X%"}' });
    expect(await main(['kb977203', 'in.xml', 'two.xml', '--check', '--config', 'c.json'], bad.io)).toBe(1);
    expect(bad.stderr.match(/VARIABLE_IN_PATH/g)).toHaveLength(1);
    expect(bad.stderr).toContain('c.json');
    // A fault only the two together have (a flag naming the file's CCMCertFix package as the client package) is the
    // command line's: a usage error that names the file.
    const clash = memoryIo({ 'in.xml': REFRESH, 'c.json': '{"certfixPackage":"ABC00010"}' });
    expect(await main(['kb977203', 'in.xml', '--check', '--config', 'c.json', '--client-package', 'ABC00010'], clash.io)).toBe(2);
    expect(clash.stderr).toMatch(/cannot be the CCMCertFix package ABC00010.*\(with the options in c\.json\)/);
  });

  it('several refused flags are each named as a flag', async () => {
    const m = memoryIo({ 'in.xml': REFRESH });
    expect(await main(['kb977203', 'in.xml', '--check', '--certfix-package', 'ABC00010', '--scenario', 'bad', '--client-version', 'sp9'], m.io)).toBe(2);
    expect(m.stderr).toMatch(/--scenario: must be .*; --client-version: must be /);
    expect(m.stderr).not.toMatch(/clientVersion|KB977203 options/);
  });

  it('a missing input file: exit 1, IO_ERROR', async () => {
    const m = memoryIo();
    expect(await main(['kb977203', 'nope.xml', '-o', 'o.xml', '--certfix-package', 'ABC00010'], m.io)).toBe(1);
    expect(m.stderr).toMatch(/IO_ERROR Cannot read nope\.xml/);
  });

  const usage: [string, string[]][] = [
    ['no input', ['kb977203', '--certfix-package', 'ABC00010', '-o', 'x']],
    ['no certfix package', ['kb977203', 'in.xml', '-o', 'x']],
    ['no output', ['kb977203', 'in.xml', '--certfix-package', 'ABC00010']],
    ['both -o and --in-place', ['kb977203', 'in.xml', '-o', 'x', '--in-place', '--certfix-package', 'ABC00010']],
    ['unknown option', ['kb977203', 'in.xml', '--certfix', 'ABC00010']],
    ['option without value', ['kb977203', 'in.xml', '-o']],
    ['unknown command', ['frobnicate']],
    ['nothing at all', []],
  ];
  for (const [what, argv] of usage) {
    it(`usage error (${what}): exit 2 and a pointer to help`, async () => {
      const m = memoryIo({ 'in.xml': REFRESH });
      expect(await main(argv, m.io)).toBe(2);
      expect(m.stderr).toMatch(/help|Usage/);
      expect(m.writes).toEqual([]);
    });
  }

  it('--help documents every option', async () => {
    const m = memoryIo();
    expect(await main(['kb977203', '--help'], m.io)).toBe(0);
    for (const flag of ['--output', '--in-place', '--certfix-package', '--certfix-program', '--scenario', '--client-version', '--msp', '--drive', '--source', '--client-package', '--force', '--dry-run', '--json', '--help']) {
      expect(m.stdout).toContain(flag);
    }
    expect(m.stdout).toBe(HELP);
  });

  it('--version prints the package version', async () => {
    const m = memoryIo();
    expect(await main(['--version'], m.io)).toBe(0);
    expect(m.stdout.trim()).toBe((JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { version: string }).version);
  });

  it('the built binary runs end to end on real files and writes atomically (no temporary file left)', () => {
    ensureBuilt();
    const bin = BIN;
    expect(existsSync(bin), 'dist is built by npm install (prepare); run npm run build').toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'cmts-cli-'));
    writeFileSync(join(dir, 'in.xml'), REFRESH);
    const r = spawnSync(process.execPath, [bin, 'kb977203', join(dir, 'in.xml'), '-o', join(dir, 'out.xml'), '--certfix-package', 'ABC00010'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'out.xml')).equals(EXPECTED)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['in.xml', 'out.xml']);
    const bad = spawnSync(process.execPath, [bin, 'kb977203', join(dir, 'missing.xml'), '-o', join(dir, 'x.xml'), '--certfix-package', 'ABC00010'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const batch = spawnSync(process.execPath, [bin, 'kb977203', dir, '--out-dir', join(dir, 'new', 'folder'), '--certfix-package', 'ABC00010'], { encoding: 'utf8' });
    expect(batch.status).toBe(0);
    expect(readdirSync(join(dir, 'new', 'folder')).sort()).toEqual(['in.xml', 'out.xml']);
  });
});

describe('cmts kb977203 on several files', () => {
  const files = () => ({
    'in/a.xml': REFRESH,
    'in/b.xml': fixture('new-computer-bare-utf16le-two-setup-steps'),
    'in/broken.xml': '<sequence><step></sequence>',
    'in/notes.txt': 'not a task sequence',
    'in/sub/c.xml': fixture('sp1-client-drive-d'),
  });

  it('--out-dir: every file is processed, a failure does not stop the others, a summary follows, exit 1', async () => {
    const m = memoryIo(files());
    expect(await main(['kb977203', 'in', '--out-dir', 'out', '--certfix-package', 'ABC00010'], m.io)).toBe(1);
    expect(m.writes.sort()).toEqual(['out/a.xml', 'out/b.xml']);
    expect(Buffer.from(m.fs.get('out/a.xml')!).equals(EXPECTED)).toBe(true);
    expect(m.stderr).toMatch(/in\/broken\.xml:1:17: XML_MALFORMED/);
    expect(m.stderr).toMatch(/file\s+result\s+changes\s+notes\n/);
    expect(m.stderr).toMatch(/in\/a\.xml\s+patched\s+4\s*\n/);
    expect(m.stderr).toMatch(/in\/broken\.xml\s+FAILED\s+-\s+XML_MALFORMED/);
    expect(m.stderr).toMatch(/3 sequence\(s\), 0 not applicable, 1 failed\.\n$/);
  });

  it('globs with ** reach subfolders; all good means exit 0', async () => {
    const m = memoryIo(files());
    expect(await main(['kb977203', 'in/**/*.xml', '--out-dir', 'out', '--certfix-package', 'ABC00010', '--json'], m.io)).toBe(1);
    const json = JSON.parse(m.stdout) as { results: { input: string }[]; summary: { files: number; failed: number } };
    expect(validatorFor('kb977203.report.schema.json')(json)).toBe(true);
    expect(json.results.map((r) => r.input)).toEqual(['in/a.xml', 'in/b.xml', 'in/broken.xml', 'in/sub/c.xml']);
    expect(json.summary).toEqual({ files: 4, changed: 3, notApplicable: 0, failed: 1 });
    const ok = memoryIo(files());
    expect(await main(['kb977203', 'in/?.xml', 'in/sub/c.xml', '--out-dir', 'out', '--certfix-package', 'ABC00010'], ok.io)).toBe(0);
    expect(ok.writes.sort()).toEqual(['out/a.xml', 'out/b.xml', 'out/c.xml']);
  });

  it('shows a progress line on a terminal when there are many files', async () => {
    const many = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`in/f${i}.xml`, REFRESH]));
    const m = memoryIo(many, true);
    expect(await main(['kb977203', 'in', '--dry-run', '--certfix-package', 'ABC00010'], m.io)).toBe(0);
    // Each input's report is written when it is done, the line cleared for it; then the progress line says how far.
    expect(m.stderr).toContain('\r\x1b[KKB977203 (refresh) on in/f5.xml');
    expect(m.stderr.indexOf('KB977203 (refresh) on in/f5.xml')).toBeLessThan(m.stderr.indexOf('[6/6] in/f5.xml'));
    expect(m.stderr.indexOf('[5/6] in/f4.xml')).toBeLessThan(m.stderr.indexOf('KB977203 (refresh) on in/f5.xml'));
    // Cleared before the table at the end.
    expect(m.stderr).toContain('[6/6] in/f5.xml\r\x1b[K\nfile ');
    const quiet = memoryIo(many, false);
    await main(['kb977203', 'in', '--dry-run', '--certfix-package', 'ABC00010'], quiet.io);
    expect(quiet.stderr).not.toContain('[6/6]');
  });

  it('-o with several inputs and two inputs with one output name are usage errors', async () => {
    const m = memoryIo(files());
    expect(await main(['kb977203', 'in/a.xml', 'in/b.xml', '-o', 'x.xml', '--certfix-package', 'ABC00010'], m.io)).toBe(2);
    const clash = memoryIo({ 'x/a.xml': REFRESH, 'y/a.xml': REFRESH });
    expect(await main(['kb977203', 'x/a.xml', 'y/a.xml', '--out-dir', 'o', '--certfix-package', 'ABC00010'], clash.io)).toBe(2);
    expect(clash.writes).toEqual([]);
  });

  it('--config supplies options, validated by the options schema; flags override it', async () => {
    const m = memoryIo({ 'in.xml': fixture('sp1-client-drive-d'), 'cfg.json': JSON.stringify({ certfixPackage: 'ABC00010', drive: 'D:', clientVersion: 'sp1' }) });
    expect(await main(['kb977203', 'in.xml', '--config', 'cfg.json', '--drive', 'E:', '--dry-run', '--json'], m.io)).toBe(0);
    const json = JSON.parse(m.stdout) as { results: { report: { setupSteps: { patch: string }[] } }[] };
    expect(json.results[0]!.report.setupSteps[0]!.patch).toBe('E:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP1-KB977203-x86.msp');
    const bad = memoryIo({ 'in.xml': REFRESH, 'cfg.json': JSON.stringify({ certfixPackage: 'ABC00010', scenario: 'upgrade' }) });
    expect(await main(['kb977203', 'in.xml', '--config', 'cfg.json', '--dry-run'], bad.io)).toBe(1);
    expect(bad.stderr).toMatch(/cfg\.json:1:\d+: OPTIONS_INVALID The options in cfg\.json are invalid: scenario/);
    const notJson = memoryIo({ 'in.xml': REFRESH, 'cfg.json': '{certfix' });
    expect(await main(['kb977203', 'in.xml', '--config', 'cfg.json', '--dry-run'], notJson.io)).toBe(1);
  });
});
