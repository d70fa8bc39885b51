// cmts transform with a folder that cannot be listed: trouble with the command line (exit 2), as every other command
// says it, and in the --json envelope too; it was status 1, a failed input.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { TaskSequenceError } from '../lib/errors.js';
import { memoryIo } from './helpers/memory-io.js';

const SEQUENCE = '<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="a"/></sequence>';

describe('cmts transform with a folder that cannot be listed', () => {
  it('exits 2 and says why, in the --json envelope too', async () => {
    for (const json of [false, true]) {
      const m = memoryIo({ 'locked/a.xml': SEQUENCE, 'ref.json': '{"packageId": "ABC00010"}' });
      const list = m.io.listDir.bind(m.io);
      m.io.listDir = (path) => {
        if (path.startsWith('locked')) throw new TaskSequenceError('IO_ERROR', `Cannot list ${path}: permission denied.`, { file: path });
        return list(path);
      };
      expect(await main(['transform', 'add-reference', 'locked', '--options', 'ref.json', '--check', ...(json ? ['--json'] : [])], m.io), m.stderr).toBe(2);
      expect(m.stderr).toMatch(/IO_ERROR Cannot list locked: permission denied\./);
      if (json) expect((JSON.parse(m.stdout) as { results: { error: { code: string } }[] }).results[0]?.error.code).toBe('IO_ERROR');
      else expect(m.stdout).toBe('');
    }
  });
});
