import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt } from './helpers/cli-process.js';

// One finding per file (a description over the console's limit), so the report lists the files in their order.
const xml = `<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="a" description="${'d'.repeat(300)}"><action>cmd /c a</action></step></sequence>`;
const dir = mkdtempSync(join(tmpdir(), 'cmts-lint-locale-'));
for (const name of ['Zeta.xml', 'Älv.xml', 'Alpha.xml', 'Beta.xml']) writeFileSync(join(dir, name), xml);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lint(locale: string): string {
  const r = spawnSync(process.execPath, [BIN, 'lint', '.', '--json'], { cwd: dir, env: { ...process.env, LANG: locale, LC_ALL: locale } });
  expect(r.status).toBe(1);
  return r.stdout.toString('utf8');
}

describe('cmts lint of a folder reports its files in one order whatever the locale', () => {
  it('English, Swedish and C collation give the same report', { timeout: 120_000 }, () => {
    ensureBuilt();
    const english = lint('en_US.UTF-8');
    expect((JSON.parse(english) as { results: { input: string }[] }).results.map((r) => r.input)).toEqual(['Alpha.xml', 'Älv.xml', 'Beta.xml', 'Zeta.xml']);
    expect(lint('sv_SE.UTF-8')).toBe(english);
    expect(lint('C')).toBe(english);
  });
});
