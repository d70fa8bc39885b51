// `cmts help help` and `cmts help --help` print cmts's own help with status 0, as `cmts help` does: they were an
// unknown command "help" / "--help" (status 2), though the help lists `cmts help <command>` and help as a command.
import { describe, expect, it } from 'vitest';
import { main, mainHelp } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

describe('cmts help about help', () => {
  it('cmts help help, cmts help --help and cmts help -h print the help on standard output, status 0', async () => {
    for (const argv of [['help', 'help'], ['help', '--help'], ['help', '-h']]) {
      const m = memoryIo();
      expect(await main(argv, m.io), argv.join(' ')).toBe(0);
      expect(m.stdout, argv.join(' ')).toBe(mainHelp());
      expect(m.stderr, argv.join(' ')).toBe('');
    }
  });
});
