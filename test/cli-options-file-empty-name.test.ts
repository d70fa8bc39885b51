// `--options ''` (a script's empty variable, `--options "$opts"`) was read as a file with no name: status 1 and
// "cmts transform: IO_ERROR Cannot read : no such file or folder.", a message that names nothing. An empty input, -o ''
// and --out-dir '' are usage errors that say so; an options file named by nothing is one too (kb977203's --config
// alike), said before any input is read.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

const SEQUENCE = '<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="a"/></sequence>';

describe('an options file given as an empty argument', () => {
  it("transform --options '' is a usage error that says the argument is empty, in the --json envelope too", async () => {
    for (const args of [['--options', ''], ['--options=']]) {
      const m = memoryIo({ 'a.xml': SEQUENCE });
      expect(await main(['transform', 'add-reference', 'a.xml', ...args, '--check'], m.io)).toBe(2);
      expect(m.stderr).toBe("cmts transform: --options needs a name: \"\" names no file.\nRun 'cmts transform --help' for the options.\n");
    }
    const j = memoryIo({ 'a.xml': SEQUENCE });
    expect(await main(['transform', 'add-reference', 'a.xml', '--options', '', '--check', '--json'], j.io)).toBe(2);
    expect((JSON.parse(j.stdout) as { results: { error: { code: string } }[] }).results[0]?.error.code).toBe('USAGE_ERROR');
  });

  it("kb977203 --config '' is the same usage error", async () => {
    const m = memoryIo({ 'a.xml': SEQUENCE });
    expect(await main(['kb977203', 'a.xml', '--config', '', '--check'], m.io)).toBe(2);
    expect(m.stderr).toMatch(/^cmts kb977203: --config needs a name: "" names no file\.\n/);
  });
});
