// `cmts transform` with an options file its transform's schema refuses: a run stopped before its inputs (README,
// JSON), one error naming the options file, as `cmts kb977203 --config` does. It was checked per input, so the error
// named each task sequence as the file at fault, once per input.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

const TS = '<sequence version="3.00"><step type="SMS_TaskSequence_RunCommandLineAction" name="A"><action>cmd</action></step></sequence>';

describe('cmts transform: an options file its schema refuses', () => {
  it('is one error about the options file, before any input, exit 1', async () => {
    const m = memoryIo({ 'a.xml': TS, 'b.xml': TS, 'opt.json': '{"packageId": "ABC00010", "programName": "x"}' });
    expect(await main(['transform', 'add-reference', 'a.xml', 'b.xml', '--options', 'opt.json', '--check', '--json'], m.io)).toBe(1);
    const report = JSON.parse(m.stdout);
    expect(report.results).toHaveLength(1);
    expect(report.results[0].input).toBe('a.xml b.xml');
    expect(report.results[0].error).toMatchObject({ code: 'OPTIONS_INVALID', file: 'opt.json' });
    expect(report.summary).toEqual({ files: 0, changed: 0, failed: 1 });
    expect(m.stderr.match(/OPTIONS_INVALID/g)).toHaveLength(1);
    expect(m.stderr).toMatch(/^cmts transform: opt\.json:\d+:\d+: OPTIONS_INVALID /);
  });

  it('the same for a preset run as a transform', async () => {
    const m = memoryIo({ 'a.xml': TS, 'kb.json': '{"certfixPackage": 5}' });
    expect(await main(['transform', 'kb977203', 'a.xml', '--options', 'kb.json', '--check'], m.io)).toBe(1);
    expect(m.stderr).toMatch(/^cmts transform: kb\.json:\d+:\d+: OPTIONS_INVALID /);
    expect(m.writes).toEqual([]);
  });
});
