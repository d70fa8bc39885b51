// Every command's --help is a manual page of the same form, its options are options the command takes, and its
// examples run: each example line is run by a shell, as a reader would paste it, on copies of the files in examples/.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optionsSection } from '../lib/cli/completion.js';
import { COMMANDS, main, mainHelp } from '../lib/cli/main.js';
import { BIN, ensureBuilt } from './helpers/cli-process.js';
import { memoryIo } from './helpers/memory-io.js';

const SECTIONS = ['NAME', 'SYNOPSIS', 'DESCRIPTION', 'OPTIONS', 'EXAMPLES', 'EXIT STATUS'];
const commands = Object.keys(COMMANDS);
const helpOf = async (c: string): Promise<string> => (await COMMANDS[c]!.load()).HELP;

/** The lines of a section: from its heading to the next unindented line. */
function section(help: string, name: string): string[] {
  const lines = help.split('\n');
  const start = lines.indexOf(name);
  const end = lines.findIndex((l, i) => i > start && /^\S/.test(l));
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

/** The example lines a POSIX shell can run: commands, not comments, notes or PowerShell. */
function runnableExamples(help: string, haveJq: boolean): string[] {
  return section(help, 'EXAMPLES')
    .filter((l) => /^ {4}\S/.test(l))
    .map((l) => l.trim())
    .filter((l) => !l.startsWith('#') && !l.startsWith('('))
    .filter((l) => !/Get-Content|Out-String|Invoke-Expression|\$PROFILE/.test(l))
    .filter((l) => haveJq || !/\bjq\b/.test(l));
}

describe('--help as a manual page', () => {
  it('every command, and cmts itself, has NAME, SYNOPSIS, DESCRIPTION, OPTIONS, EXAMPLES and EXIT STATUS, in that order', async () => {
    const pages: [string, string][] = [['cmts', mainHelp()]];
    for (const c of commands) pages.push([c, await helpOf(c)]);
    for (const [name, help] of pages) {
      const headings = help.split('\n').filter((l) => /^\S/.test(l));
      expect(headings, name).toEqual(SECTIONS);
      expect(section(help, 'NAME'), name).toEqual([expect.stringMatching(new RegExp(`^    cmts${name === 'cmts' ? '' : ` ${name}`} - \\S`)) as unknown, '']);
      for (const s of ['SYNOPSIS', 'EXAMPLES']) expect(section(help, s).some((l) => l.startsWith(`    cmts${name === 'cmts' ? '' : ` ${name}`}`)), `${name} ${s}`).toBe(true);
      expect(section(help, 'EXIT STATUS').join(' '), name).toMatch(/\b0 .*\b2 /s);
      expect(help.split('\n').filter((l) => l.length > 120), `${name}: lines over 120 characters`).toEqual([]);
      expect(help.endsWith('\n') && !help.endsWith('\n\n'), name).toBe(true);
    }
  });

  it('every option in a command’s OPTIONS section is one the command takes', async () => {
    for (const c of commands) {
      const options = [...new Set(optionsSection(await helpOf(c)).match(/(?<![\w-])--[a-z][a-z0-9-]*/g) ?? [])];
      expect(options, c).toContain('--help');
      for (const option of options) {
        const m = memoryIo();
        await main([c, option], m.io);
        expect(m.stderr, `${c} ${option}`).not.toMatch(/Unknown option/);
      }
      const m = memoryIo();
      expect(await main([c, '--surely-not-an-option'], m.io)).toBe(2);
      expect(m.stderr).toMatch(/Unknown option '--surely-not-an-option'/);
    }
  });

  it('cmts help is cmts --help, on standard output (cmts alone prints it on standard error and exits 2)', async () => {
    const m = memoryIo();
    expect(await main(['help'], m.io)).toBe(0);
    expect(m.stdout).toBe(mainHelp());
    const alone = memoryIo();
    expect(await main([], alone.io)).toBe(2);
    expect(alone.stderr).toBe(mainHelp());
  });
});

describe('the examples in --help run', { timeout: 600_000 }, () => {
  let dir: string;
  let bin: string;
  const haveJq = spawnSync('sh', ['-c', 'command -v jq'], { encoding: 'utf8' }).status === 0;

  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'cmts-help-'));
    // `cmts` on the PATH, as an installed package puts it there.
    bin = join(dir, '.bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'cmts'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(bin, 'cmts'), 0o755);
    const copy = (from: string, to: string) => {
      mkdirSync(join(dir, to, '..'), { recursive: true });
      copyFileSync(resolve(from), join(dir, to));
    };
    // The file names the examples use, each a copy of a file in examples/ (the export .zip from the fixtures).
    copy('examples/refresh-2007.xml', 'ts.xml');
    copy('examples/replace-restore.object.xml', 'ts.object.xml');
    copy('examples/refresh-2007.xml', 'before.xml');
    copy('examples/replace-capture-2007.xml', 'after.xml');
    copy('examples/osd-as-code.yaml', 'osd.yaml');
    for (const folder of ['exports', 'exports-2024', 'exports-2025']) {
      copy('examples/refresh-2007.xml', `${folder}/refresh.xml`);
      copy('examples/replace-capture-2007.xml', `${folder}/capture.xml`);
    }
    copy('examples/replace-restore.object.xml', 'exports/restore.object.xml');
    copy('examples/new-computer-bare-utf16le.xml', 'exports-2025/new-computer.xml');
    copy('test/fixtures/zip/export.zip', 'exports/export.zip');
    writeFileSync(join(dir, 'ref.json'), '{"packageId": "ABC00010"}');
    writeFileSync(join(dir, 'dependent.json'), '{"packageId": "ABC00010", "programName": "CCMCertFix"}');
    mkdirSync(join(dir, '.local/share/bash-completion/completions'), { recursive: true });
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const name of ['cmts', ...commands]) {
    it(`cmts ${name === 'cmts' ? '--help' : `${name} --help`}: each example runs without a usage error`, async () => {
      const help = name === 'cmts' ? mainHelp() : await helpOf(name);
      const examples = runnableExamples(help, haveJq);
      expect(examples.length, `${name} has an example a shell can run`).toBeGreaterThan(0);
      for (const example of examples) {
        const r = spawnSync('bash', ['-c', `set -o pipefail; ${example}`], {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`, HOME: dir },
        });
        expect([0, 1], `${example}\n${r.stderr}`).toContain(r.status);
        expect(r.stderr, example).not.toMatch(/Run 'cmts .*--help'|internal error|command not found/);
      }
    });
  }
});
