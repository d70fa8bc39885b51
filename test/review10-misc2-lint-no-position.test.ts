// A lint finding without a place in the file was printed as file:0:0:, a line and column no editor can go to; it is
// printed file: with no position, as the other commands print a message about a whole file (file: CODE message).
import { describe, expect, it, vi } from 'vitest';
import { main } from '../lib/cli/main.js';
import * as linter from '../lib/lint/index.js';
import { memoryIo } from './helpers/memory-io.js';

// The real linter, which places every finding it makes in a file it read; one without a place is given by the test.
vi.mock('../lib/lint/index.js', async (importOriginal) => {
  const actual = await importOriginal<typeof linter>();
  return { ...actual, lint: vi.fn(actual.lint) };
});

const SEQ = '<sequence version="3.10">\n<step type="SMS_TaskSequence_RunCommandLineAction" name="R"><action>cmd</action></step>\n</sequence>';

describe('cmts lint: a finding without a position', () => {
  it('is printed with the file name alone; one with a position keeps file:line:col', async () => {
    vi.mocked(linter.lint).mockReturnValueOnce([
      { code: 'policy-too-large', severity: 'error', message: 'Too big.' },
      { code: 'name-too-long', severity: 'warning', message: 'Long.', path: 'R', line: 2, col: 1 },
    ]);
    const m = memoryIo({ 'ts.xml': SEQ });
    expect(await main(['lint', 'ts.xml'], m.io)).toBe(1);
    expect(m.stdout.split('\n')).toEqual(['ts.xml: error policy-too-large: Too big.', 'ts.xml:2:1: warning name-too-long R: Long.', '']);
    expect(m.stdout).not.toContain(':0:0');
  });
});
