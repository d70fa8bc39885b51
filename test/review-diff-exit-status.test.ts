import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

const A = '<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="a"><action>cmd /c a</action></step></sequence>';

describe('cmts diff: a bug is trouble (status 2), never "different" (status 1)', () => {
  it('an unexpected error while comparing is reported without a stack trace, with status 2', async () => {
    const m = memoryIo({ 'a.xml': A, 'b.xml': A });
    m.io.readFile = () => {
      throw new RangeError('unexpected');
    };
    expect(await main(['diff', 'a.xml', 'b.xml'], m.io)).toBe(2);
    // Named with its file and code, as every command names a failed input.
    expect(m.stderr).toBe('cmts diff: a.xml: INTERNAL_ERROR cmts failed on this input: unexpected. This is a bug in cmts; the other inputs were still processed.\n');
  });

  it('under --json the report is one INTERNAL_ERROR record', async () => {
    const m = memoryIo({ 'a.xml': A, 'b.xml': A });
    m.io.readFile = () => {
      throw new RangeError('unexpected');
    };
    expect(await main(['diff', 'a.xml', 'b.xml', '--json'], m.io)).toBe(2);
    expect(JSON.parse(m.stdout)).toMatchObject({ results: [{ error: { code: 'INTERNAL_ERROR', message: 'cmts failed on this input: unexpected. This is a bug in cmts; the other inputs were still processed.' } }], summary: { failed: 1 } });
  });
});
