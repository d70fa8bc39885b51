// A step named with a whole file: lint's text line gave its path whole for every finding (two million characters a
// line), although the message itself is cut at 40. The path is cut to its start and end, with its length; --json
// keeps it whole.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

describe('cmts lint: a long item path in a text line', () => {
  it('is cut, whole in --json', async () => {
    const name = `${'A'.repeat(100_000)}😀END`;
    const dir = mkdtempSync(join(tmpdir(), 'cmts-lint-path-'));
    const file = join(dir, 'long.xml');
    writeFileSync(file, `<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="${name}"><action>smsswd.exe /run: cmd /c echo x</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd /c echo y</variable></defaultVarList></step></sequence>`);
    const text = await runCli(['lint', file]);
    const lines = text.stdout.split('\n').filter((l) => l.includes('name-over-limit') || l.includes('action-line'));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) {
      expect(l.length).toBeLessThan(1000);
      expect(l).toContain('😀END');
      expect(l).toContain('(100004 characters)');
    }
    const json = await runCli(['lint', file, '--json']);
    const report = JSON.parse(json.stdout) as { results: { diagnostics: { path?: string }[] }[] };
    expect(report.results[0]?.diagnostics.some((d) => d.path === name)).toBe(true);
  });
});
