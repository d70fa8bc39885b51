// A report too long to write is a refusal, not a bug: `--json` reports whose text would pass the longest string there
// can be are refused with INPUT_TOO_LARGE (they were "internal error … This is a bug in cmts"), and a text diff is
// written a part at a time (the differences of 100,000 steps with long paths, joined whole, failed with "Invalid
// string length"; now 1.85 GB of text is written).
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { printJson, reportInternalError } from '../lib/cli/json-report.js';
import { formatDifferences, insideGroup } from '../lib/cli/diff-format.js';
import { diffWithPlaces } from '../lib/diff/semantic-diff.js';
import { printable } from '../lib/errors.js';
import { readTaskSequence, TaskSequenceError } from './helpers/api.js';
import { memoryIo } from './helpers/memory-io.js';
import { thrown } from './helpers/thrown.js';

describe('reports too long to write', () => {
  it('a JSON report longer than the limit is INPUT_TOO_LARGE, saying what to do, and nothing of it is printed', () => {
    const m = memoryIo();
    const report = { results: Array.from({ length: 50 }, (_, i) => ({ input: `f${i}.xml`, note: 'x'.repeat(100) })), summary: { inputs: 50 } };
    const e = thrown(() => printJson(m.io.stdout, report, 4000));
    expect([e.code, e.message]).toEqual(['INPUT_TOO_LARGE', expect.stringMatching(/^The JSON report would be over 4000 characters.*leave out --json/)]);
    expect(m.stdout).toBe('');
    printJson(m.io.stdout, report);
    expect(JSON.parse(m.stdout)).toEqual(report);
  });

  it('a refusal that stops the run is reported as what it is, with the command, not as a bug', () => {
    const m = memoryIo();
    const io = { ...m.io, jsonErrors: { summary: { inputs: 0, failed: 0 }, input: 'a.xml' } };
    expect(reportInternalError(new TaskSequenceError('INPUT_TOO_LARGE', 'The JSON report would be over 4000 characters.'), io, 'lint')).toBe(1);
    expect(m.stderr).toBe('cmts lint: INPUT_TOO_LARGE The JSON report would be over 4000 characters.\n');
    expect(JSON.parse(m.stdout).results[0].error.code).toBe('INPUT_TOO_LARGE');
    const bug = memoryIo();
    expect(reportInternalError(new RangeError('Invalid string length'), bug.io)).toBe(1);
    expect(bug.stderr).toBe('cmts: internal error: Invalid string length\n');
  });
});

describe('a text diff of many differences', () => {
  it('is written a part at a time, the same text as the whole joined', async () => {
    const seq = (v: string) => `<sequence version="3.00">${Array.from({ length: 3000 }, (_, i) => `<step type="SMS_TaskSequence_RunCommandLineAction" name="s${i}" x="${v}"><action>${v}</action></step>`).join('')}</sequence>`;
    const m = memoryIo({ 'a.xml': seq('1'), 'b.xml': seq('2') });
    let parts = 0;
    const write = m.io.stdout.write.bind(m.io.stdout);
    m.io.stdout.write = (c) => (parts++, write(c));
    expect(await main(['diff', 'a.xml', 'b.xml'], m.io)).toBe(1);
    const [a, b] = [readTaskSequence(seq('1')), readTaskSequence(seq('2'))];
    const d = diffWithPlaces(a, b);
    const lines = ['--- a.xml', '+++ b.xml', ...formatDifferences(d.entries, insideGroup(a, b, d))];
    expect(lines.length).toBeGreaterThan(4096 * 2);
    expect(m.stdout).toBe(`${lines.flatMap((l) => l.split('\n')).map(printable).join('\n')}\n`);
    expect(parts).toBeGreaterThan(2);
  });
});
