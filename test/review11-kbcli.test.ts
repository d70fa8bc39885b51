// cmts kb977203 as an administrator and a script run it: a folder that cannot be listed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { TaskSequenceError } from '../lib/errors.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { memoryIo } from './helpers/memory-io.js';

const fixture = (file: string) => readFileSync(join(FIXTURES_DIR, 'kb977203', 'refresh-2007-crlf', file));
const REFRESH = fixture('input.xml');
const ARGS = ['--certfix-package', 'ABC00010'];

describe('cmts kb977203 with a folder that cannot be listed', () => {
  it('is trouble with the command line (exit 2, as every command says it), in the --json envelope too', async () => {
    for (const json of [false, true]) {
      const m = memoryIo({ 'locked/a.xml': REFRESH });
      const list = m.io.listDir.bind(m.io);
      m.io.listDir = (path) => {
        if (path.startsWith('locked')) throw new TaskSequenceError('IO_ERROR', `Cannot list ${path}: permission denied.`, { file: path });
        return list(path);
      };
      expect(await main(['kb977203', 'locked', '--check', ...ARGS, ...(json ? ['--json'] : [])], m.io)).toBe(2);
      expect(m.stderr).toMatch(/IO_ERROR Cannot list locked: permission denied\./);
      if (json) {
        const env = JSON.parse(m.stdout) as { results: { input: string; error: { code: string; file: string } }[]; summary: Record<string, number> };
        expect(env.results).toEqual([{ input: 'locked', error: expect.objectContaining({ code: 'IO_ERROR', file: 'locked' }) as unknown }]);
        expect(env.summary).toEqual({ files: 0, changed: 0, notApplicable: 0, failed: 1 });
      } else expect(m.stdout).toBe('');
    }
  });
});
