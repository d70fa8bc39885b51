// cmts transform with inputs that name nothing (a glob that matches no file, an empty folder) and an options file
// that cannot be used: the command line is wrong before any file is read, a usage error (exit 2) as cmts kb977203 says
// it with a bad --config. transform read the options file first and exited 1 with its error, so a script saw a failed
// input where the inputs it gave were wrong.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

const SEQUENCE = '<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="a"/></sequence>';

describe('cmts transform with inputs that name nothing and a bad options file', () => {
  it('is a usage error (exit 2) about the inputs, in the --json envelope too', async () => {
    for (const options of ['missing.json', 'bad.json']) {
      for (const json of [false, true]) {
        const m = memoryIo({ 'empty/notes.txt': 'x', 'a.xml': SEQUENCE, 'bad.json': '{"packageId": 5}' });
        expect(await main(['transform', 'add-reference', 'nomatch*.xml', '--options', options, '--check', ...(json ? ['--json'] : [])], m.io), m.stderr).toBe(2);
        expect(m.stderr).toMatch(/^cmts transform: nomatch\*\.xml matches no input file/);
        expect(m.stderr).not.toMatch(/IO_ERROR|OPTIONS_INVALID/);
        if (json) expect((JSON.parse(m.stdout) as { results: { error: { code: string } }[] }).results[0]?.error.code).toBe('USAGE_ERROR');
        const folder = memoryIo({ 'empty/notes.txt': 'x', 'bad.json': '{"packageId": 5}' });
        expect(await main(['transform', 'add-reference', 'empty', '--options', options, '--check'], folder.io)).toBe(2);
        expect(folder.stderr).toMatch(/The folder empty has no input file/);
      }
    }
  });

  it('with inputs that name files, a bad options file is still its own error (exit 1)', async () => {
    const m = memoryIo({ 'a.xml': SEQUENCE, 'bad.json': '{"packageId": 5}' });
    expect(await main(['transform', 'add-reference', 'a.xml', '--options', 'bad.json', '--check'], m.io)).toBe(1);
    expect(m.stderr).toMatch(/bad\.json:\d+:\d+: OPTIONS_INVALID/);
  });
});
