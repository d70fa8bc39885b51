// `cmts --json lint ts.xml`: an option written before the command, as some tools take global options. It was refused
// as "unknown option --json." alone, though --json is lint's own option; the refusal now says options follow the
// command, with the command line that works.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

describe('an option given before the command', () => {
  it('is a usage error that says the options follow the command, naming it', async () => {
    const m = memoryIo();
    expect(await main(['--json', 'lint', 'ts.xml'], m.io)).toBe(2);
    expect(m.stderr).toBe("cmts: unknown option --json. Options follow the command: cmts lint --json …\nRun 'cmts --help' for the commands.\n");
    // Under --json, the refusal is still the report.
    expect((JSON.parse(m.stdout) as { results: { error: { code: string; message: string } }[] }).results[0]?.error.message).toMatch(/Options follow the command: cmts lint --json/);
    const strict = memoryIo();
    expect(await main(['--strict', '--max-bytes=5', 'lint', 'ts.xml'], strict.io)).toBe(2);
    expect(strict.stderr).toMatch(/^cmts: unknown option --strict\. Options follow the command: cmts lint --strict …\n/);
  });

  it('with no command after it, the refusal is as it was', async () => {
    const m = memoryIo();
    expect(await main(['--versoin'], m.io)).toBe(2);
    expect(m.stderr).toMatch(/^cmts: unknown option --versoin\. Did you mean --version\?\n/);
    const file = memoryIo();
    expect(await main(['--json', 'ts.xml'], file.io)).toBe(2);
    expect(file.stderr).toMatch(/^cmts: unknown option --json\.\n/);
  });
});
