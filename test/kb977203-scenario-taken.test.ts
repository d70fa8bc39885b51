// R15 gives the capture half of a replace "Run another program first" (R11-R12). Under the default scenario
// (refresh) such a sequence was "not applicable (MISSING_SETUP_WINDOWS_STEP)" and a fleet's --check exited 0 without
// it. With no scenario given, a sequence that captures user state and has no Setup step is now taken for
// replace-capture, said as information; a scenario given still wins. And replace-capture given to a sequence that
// restores user state (a refresh) only said KB977203_CAPTURE_SETUP_UNCHANGED and left Setup unfixed: it is refused
// (a warning under force).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyKb977203, checkKb977203, readTaskSequence, revertKb977203, writeTaskSequence } from './helpers/api.js';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';
import { thrown } from './helpers/thrown.js';

const example = (name: string) => readFileSync(join(import.meta.dirname, '..', 'examples', name));
const CAPTURE = example('replace-capture-2007.xml');
const REFRESH = example('refresh-2007.xml');
const PACKAGE = { certfixPackage: 'ABC00010' };

describe('the capture half of a replace under the default scenario', () => {
  it('is taken for replace-capture with no scenario given: DependentProgram is needed (R12), and the report says so', () => {
    const report = checkKb977203(readTaskSequence(CAPTURE), PACKAGE);
    expect(report.scenario).toBe('replace-capture');
    expect(report.changes.map((c) => c.requirement)).toEqual(['R12']);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: 'KB977203_SCENARIO_CAPTURE', severity: 'info', message: expect.stringContaining('replace-capture') }));
    // Nothing of PATCH is assumed for a sequence that gets none.
    expect(report.diagnostics.map((d) => d.code)).not.toContain('KB977203_ASSUMED_DRIVE');
    expect(report.diagnostics.map((d) => d.code)).not.toContain('KB977203_ASSUMED_VERSION');
  });

  it('apply then revert, both with no scenario, give the input back; a second apply changes nothing', () => {
    const doc = readTaskSequence(CAPTURE);
    applyKb977203(doc, PACKAGE);
    const out = writeTaskSequence(doc);
    expect(applyKb977203(readTaskSequence(out), PACKAGE).changed).toBe(false);
    const back = readTaskSequence(out);
    expect(revertKb977203(back, PACKAGE).scenario).toBe('replace-capture');
    expect(Buffer.from(writeTaskSequence(back)).equals(CAPTURE)).toBe(true);
  });

  it('a scenario given wins: refresh refuses it for want of a Setup step, as before', () => {
    expect(thrown(() => checkKb977203(readTaskSequence(CAPTURE), { ...PACKAGE, scenario: 'refresh' })).code).toBe('MISSING_SETUP_WINDOWS_STEP');
  });

  it('a sequence with neither Setup nor a capture is still not applicable', () => {
    const bare = '<sequence version="3.00"><step type="SMS_TaskSequence_RunCommandLineAction" name="x" description="" runIn="WinPEandFullOS" successCodeList="0"><action>cmd /c exit 0</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd /c exit 0</variable></defaultVarList></step></sequence>';
    expect(thrown(() => checkKb977203(readTaskSequence(bare), PACKAGE)).code).toBe('MISSING_SETUP_WINDOWS_STEP');
  });

  it('cmts kb977203 --check on a folder with both halves exits 1 until the capture half has its DependentProgram', async () => {
    const m = memoryIo({ 'fleet/capture.xml': CAPTURE, 'fleet/refresh.xml': REFRESH });
    expect(await main(['kb977203', 'fleet', '--check', '--certfix-package', 'ABC00010', '--client-version', 'sp2', '--drive', 'C:'], m.io)).toBe(1);
    expect(m.stderr).toContain('KB977203 (replace-capture) on fleet/capture.xml');
    expect(m.stderr).toContain('needed [R12]');
    expect(m.stderr).not.toMatch(/capture\.xml\s+not applicable/);
    expect(m.stderr).toContain('0 not applicable');
  });
});

describe('replace-capture given to a sequence that restores user state', () => {
  it('is refused, naming the restore step with its line, and what scenario to use', () => {
    const e = thrown(() => checkKb977203(readTaskSequence(REFRESH), { ...PACKAGE, scenario: 'replace-capture' }));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain('restores it too ("Restore/Restore User State")');
    expect(e.message).toContain('Use the refresh or replace-restore scenario');
    expect(e.linePos?.line).toBeGreaterThan(1);
  });

  it('under force, applies DependentProgram only and warns', () => {
    const report = applyKb977203(readTaskSequence(REFRESH), { ...PACKAGE, scenario: 'replace-capture', force: true });
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: 'KB977203_CAPTURE_RESTORES', severity: 'warning' }));
  });

  it('a disabled restore step does not make it one that restores', () => {
    const text = CAPTURE.toString('utf8').replace('</sequence>', '<step type="SMS_TaskSequence_RestoreUserStateAction" name="Restore" description="" disable="true" runIn="FullOS" successCodeList="0"><action>osdmigrateuserstate.exe /apply</action></step></sequence>');
    expect(checkKb977203(readTaskSequence(text), { ...PACKAGE, scenario: 'replace-capture' }).changes.map((c) => c.requirement)).toEqual(['R12']);
  });

  it('cmts kb977203 --check fails on it (exit 1)', async () => {
    const m = memoryIo({ 'ts.xml': REFRESH });
    expect(await main(['kb977203', 'ts.xml', '--check', '--scenario', 'replace-capture', '--certfix-package', 'ABC00010'], m.io)).toBe(1);
    expect(m.stderr).toContain('restores it too');
  });
});
