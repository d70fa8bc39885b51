// cmts kb977203 over a fleet: --check for nightly jobs, --revert, --report, "not applicable" skipping in batches,
// flag names in messages, and a zip whose child sequence has no Setup step.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { readExportZip, validatorFor } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { memoryIo } from './helpers/memory-io.js';

const fixture = (name: string, file = 'input.xml') => readFileSync(join(FIXTURES_DIR, 'kb977203', name, file));
const REFRESH = fixture('refresh-2007-crlf');
const PATCHED = fixture('refresh-2007-crlf', 'output.xml');
const OBJECT_XML = fixture('replace-restore-object-xml');
const MDT_TS = '<?xml version="1.0"?>\n<sequence version="3.00" name="Standard Client Task Sequence" description="MDT">\n  <step type="BDD_Gather" name="Gather local only" description="" runIn="WinPEandFullOS" successCodeList="0 3010">\n    <action>cscript.exe "%SCRIPTROOT%\\ZTIGather.wsf" /localonly</action>\n  </step>\n</sequence>\n';
const ARGS = ['--certfix-package', 'ABC00010'];

describe('cmts kb977203 --check', () => {
  it('exit 1 when changes are needed, listing them, and writes nothing', async () => {
    const m = memoryIo({ 'ts.xml': REFRESH });
    expect(await main(['kb977203', 'ts.xml', '--check', ...ARGS], m.io)).toBe(1);
    expect(m.writes).toEqual([]);
    expect(m.stderr).toMatch(/needed \[R4\] Install\/Setup Windows and ConfigMgr/);
    expect(m.stderr).toMatch(/check: 4 change\(s\) needed; nothing written\./);
  });

  it('exit 0 when everything is in place', async () => {
    const m = memoryIo({ 'ts.xml': PATCHED });
    expect(await main(['kb977203', 'ts.xml', '--check', ...ARGS], m.io)).toBe(0);
    expect(m.stderr).toMatch(/check: everything in place\./);
  });

  it('cannot be combined with an output', async () => {
    const m = memoryIo({ 'ts.xml': REFRESH });
    expect(await main(['kb977203', 'ts.xml', '--check', '--in-place', ...ARGS], m.io)).toBe(2);
  });
});

describe('cmts kb977203 --revert', () => {
  it('gives back the original bytes of a file the preset wrote from one without PATCH', async () => {
    const m = memoryIo({ 'ts.xml': REFRESH });
    expect(await main(['kb977203', 'ts.xml', '--in-place', ...ARGS], m.io)).toBe(0);
    expect(Buffer.from(m.fs.get('ts.xml')!).equals(PATCHED)).toBe(true);
    expect(await main(['kb977203', 'ts.xml', '--revert', '-o', 'back.xml', ...ARGS], m.io)).toBe(0);
    expect(Buffer.from(m.fs.get('back.xml')!).equals(REFRESH)).toBe(true);
  });

  it('says "nothing to revert" of a sequence that has nothing of KB977203, on its own and in the fleet report', async () => {
    const m = memoryIo({ 'ts.xml': REFRESH, 'in/a.xml': REFRESH, 'in/b.xml': PATCHED });
    expect(await main(['kb977203', 'ts.xml', '--revert', '--dry-run', ...ARGS], m.io)).toBe(0);
    expect(m.stderr).toMatch(/dry run: nothing to revert; nothing would change\./);
    expect(m.stderr).not.toMatch(/already in place/);
    expect(await main(['kb977203', 'in', '--revert', '--out-dir', 'out', '--report', 'fleet.json', ...ARGS], m.io)).toBe(0);
    const report = JSON.parse(Buffer.from(m.fs.get('fleet.json')!).toString('utf8')) as { rows: { file: string; status: string }[] };
    expect(validatorFor('kb977203.fleet.schema.json')(report)).toBe(true);
    expect(report.rows.map((r) => [r.file, r.status])).toEqual([['in/a.xml', 'nothing to revert'], ['in/b.xml', 'reverted']]);
    // An apply that finds everything in place still says so.
    const again = memoryIo({ 'ts.xml': PATCHED });
    expect(await main(['kb977203', 'ts.xml', '--dry-run', ...ARGS], again.io)).toBe(0);
    expect(again.stderr).toMatch(/dry run: already in place; nothing would change\./);
  });
});

describe('cmts kb977203 on a mixed folder', () => {
  const files = () => ({ 'in/a.xml': REFRESH, 'in/cb.object.xml': OBJECT_XML, 'in/ts.xml': MDT_TS, 'in/broken.xml': '<sequence><step></sequence>' });

  it('skips sequences the KB does not apply to as "not applicable" (not written), fails only the broken one', async () => {
    const m = memoryIo(files());
    expect(await main(['kb977203', 'in', '--out-dir', 'out', ...ARGS], m.io)).toBe(1);
    expect(m.writes).toEqual(['out/a.xml']);
    expect(m.stderr).toMatch(/in\/cb\.object\.xml\s+not applicable\s+-\s+NOT_CONFIGMGR_2007/);
    expect(m.stderr).toMatch(/in\/ts\.xml\s+not applicable\s+-\s+MISSING_SETUP_WINDOWS_STEP/);
    expect(m.stderr).toMatch(/4 sequence\(s\), 2 not applicable, 1 failed\./);
    // The reason names the flag, not the library's option.
    expect(m.stderr).toMatch(/cb\.object\.xml: not applicable \(NOT_CONFIGMGR_2007\): .*Current Branch object\.xml.*--force/);
  });

  it('exit 0 when nothing failed, even with sequences skipped as not applicable', async () => {
    const m = memoryIo({ 'in/a.xml': REFRESH, 'in/cb.object.xml': OBJECT_XML, 'in/ts.xml': MDT_TS });
    expect(await main(['kb977203', 'in', '--out-dir', 'out', ...ARGS, '--json'], m.io)).toBe(0);
    const json = JSON.parse(m.stdout) as { summary: unknown };
    expect(validatorFor('kb977203.report.schema.json')(json)).toBe(true);
    expect(json.summary).toEqual({ files: 3, changed: 1, notApplicable: 2, failed: 0 });
  });

  it('a single named file the KB does not apply to exits 1 with the reason and --force', async () => {
    const m = memoryIo({ 'cb.object.xml': OBJECT_XML });
    expect(await main(['kb977203', 'cb.object.xml', '-o', 'out.xml', ...ARGS], m.io)).toBe(1);
    expect(m.stderr).toMatch(/NOT_CONFIGMGR_2007 .*not a ConfigMgr 2007 task sequence.*use --force/);
    expect(m.writes).toEqual([]);
  });

  it('--report out.csv and out.json write one row per sequence with status and reason', async () => {
    const m = memoryIo(files());
    await main(['kb977203', 'in', '--out-dir', 'out', ...ARGS, '--report', 'fleet.csv'], m.io);
    const csv = Buffer.from(m.fs.get('fleet.csv')!).toString('utf8').split('\r\n');
    expect(csv[0]).toBe('file,name,packageId,container,status,changes,reason');
    expect(csv.find((l) => l.startsWith('in/a.xml,'))).toMatch(/^in\/a\.xml,Windows 7 Refresh,,sms-package,changed,"\[R4\] Install\/Setup Windows and ConfigMgr: PATCH in installation properties; /);
    expect(csv.find((l) => l.startsWith('in/cb.object.xml,'))).toMatch(/,cim-instance,not applicable,,"NOT_CONFIGMGR_2007: /);
    expect(csv.find((l) => l.startsWith('in/broken.xml,'))).toMatch(/^in\/broken\.xml,,,,failed,,"?in\/broken\.xml.*XML_MALFORMED|^in\/broken\.xml,,,,failed,,"?XML_MALFORMED: /);
    const j = memoryIo(files());
    await main(['kb977203', 'in', '--out-dir', 'out', ...ARGS, '--report', 'fleet.json'], j.io);
    const report = JSON.parse(Buffer.from(j.fs.get('fleet.json')!).toString('utf8')) as { rows: { file: string; status: string; name: string }[]; summary: Record<string, number> };
    expect(validatorFor('kb977203.fleet.schema.json')(report)).toBe(true);
    expect(report.summary).toEqual({ changed: 1, 'not applicable': 2, failed: 1 });
    expect(report.rows.find((r) => r.file === 'in/cb.object.xml')).toMatchObject({ status: 'not applicable', name: 'Windows 7 Replace - Restore' });
  });

  it('--report needs a .csv or .json name', async () => {
    const m = memoryIo(files());
    expect(await main(['kb977203', 'in', '--out-dir', 'out', ...ARGS, '--report', 'fleet.txt'], m.io)).toBe(2);
  });
});

describe('cmts kb977203 on an export .zip with a child sequence', () => {
  it('a child sequence without a Setup step is not applicable and does not fail the other sequence of the zip', async () => {
    const zip = readFileSync(join(FIXTURES_DIR, 'kb977203-cli', 'parent-and-child-export.zip'));
    const m = memoryIo({ 'ts.zip': zip });
    expect(await main(['kb977203', 'ts.zip', '--in-place', '--force', '--scenario', 'replace-restore', ...ARGS], m.io)).toBe(0);
    expect(m.stderr).toMatch(/CM100032\/object\.xml: not applicable \(MISSING_SETUP_WINDOWS_STEP\)/);
    const out = readExportZip(m.fs.get('ts.zip')!);
    const [parent, child] = out.sequences;
    expect(parent!.doc.getProperty('DependentProgram')).toBe('ABC00010;;CCMCertFix');
    expect(child!.doc.getProperty('DependentProgram')).not.toBe('ABC00010;;CCMCertFix');
  });
});

describe('cmts kb977203 messages', () => {
  it("reader warnings reach standard error and --json's report", async () => {
    // An object.xml whose embedded sequence has white space before its XML declaration: kept, with a warning.
    const input = OBJECT_XML.toString('utf8').replace('<![CDATA[<sequence', '<![CDATA[\n<?xml version="1.0"?><sequence');
    const m = memoryIo({ 'ts.xml': input });
    expect(await main(['kb977203', 'ts.xml', '--dry-run', '--force', ...ARGS], m.io)).toBe(0);
    expect(m.stderr).toMatch(/warning XML_DECLARATION_NOT_FIRST/);
    const j = memoryIo({ 'ts.xml': input });
    expect(await main(['kb977203', 'ts.xml', '--dry-run', '--force', '--json', ...ARGS], j.io)).toBe(0);
    const json = JSON.parse(j.stdout) as { results: { report: { diagnostics: { code: string }[] } }[] };
    expect(validatorFor('kb977203.report.schema.json')(json)).toBe(true);
    expect(json.results[0]!.report.diagnostics.map((d) => d.code)).toContain('XML_DECLARATION_NOT_FIRST');
  });

  it('name the flag to give, not the library option', async () => {
    const input = fixture('refuse-sp1-entry-with-defaulted-version');
    const m = memoryIo({ 'ts.xml': input });
    expect(await main(['kb977203', 'ts.xml', '--dry-run', ...ARGS], m.io)).toBe(1);
    expect(m.stderr).toMatch(/--client-version/);
    expect(m.stderr).not.toMatch(/clientVersion option/);
  });
});
