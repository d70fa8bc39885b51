// Small points of the command line: `cmts -h inspect` gives inspect's help (it gave the top-level one), the top-level
// help says which commands take --json, `cmts completion bash extra` says the extra word (it asked for a shell), and
// the PowerShell script offers --help and --version as the first word, as the bash script does.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { HELP as INSPECT_HELP } from '../lib/cli/inspect.js';
import { memoryIo } from './helpers/memory-io.js';

describe('top-level help', () => {
  it('cmts -h inspect and cmts --help inspect give inspect\'s help', async () => {
    for (const flag of ['-h', '--help']) {
      const m = memoryIo();
      expect(await main([flag, 'inspect'], m.io)).toBe(0);
      expect(m.stdout).toBe(INSPECT_HELP);
    }
  });

  it('names the commands that take --json', async () => {
    const m = memoryIo();
    expect(await main(['--help'], m.io)).toBe(0);
    expect(m.stdout).toMatch(/The commands that take --json \(inspect, lint, diff, transform,\s+kb977203\)/);
  });
});

describe('cmts completion', () => {
  it('a shell and an extra word: the extra word is named', async () => {
    const m = memoryIo();
    expect(await main(['completion', 'bash', 'extra'], m.io)).toBe(2);
    expect(m.stderr).toMatch(/^cmts completion: completion takes one shell, not 2 words: leave out "extra"\./);
    expect(m.stderr).not.toMatch(/Give the shell/);
  });

  it('the PowerShell script offers --help and --version as the first word', async () => {
    const m = memoryIo();
    expect(await main(['completion', 'powershell'], m.io)).toBe(0);
    expect(m.stdout).toMatch(/\$commands = @\([^)]*'--help', '--version'\)/);
  });
});
