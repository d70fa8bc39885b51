// Every option of every command given values it may refuse, and every key of an options file (kb977203 --config,
// transform --options) too: no refusal ends a sentence and then adds the value given (`upper case (ABC00010). (got
// "ABC0001").`, a schema description's full stop followed by the value), and each shows the value it refuses in
// double quotes, as most did (`(got "D")`); --jobs, the read limits, --to, --format, --container and an empty name
// showed it in single quotes.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_OPTIONS } from '../lib/cli/completion.js';
import { main } from '../lib/cli/main.js';
import { loadSchema } from '../lib/schemas.js';
import { memoryIo } from './helpers/memory-io.js';

const TS = readFileSync(resolve('examples', 'refresh-2007.xml'));

/** What each command is given besides the option swept (an option swept is taken out of it). */
const ARGS: Record<string, string[]> = {
  kb977203: ['ts.xml', '--dry-run', '--certfix-package', 'ABC00010'],
  inspect: ['ts.xml'],
  lint: ['ts.xml'],
  diff: ['ts.xml', 'ts.xml'],
  convert: ['ts.xml', '--to', 'json'],
  transform: ['kb977203', 'ts.xml', '--options', 'o.json', '--check'],
  render: ['ts.xml'],
  build: ['ts.yaml'],
};

/** Values an option may refuse: a package ID one digit short, a letter, numbers out of range, an empty one, … */
const VALUES = ['ABC0001', 'D', '0', '-1', '1.5', 'zz', '', 'a;b', 'C:\\x', '99999999999999999999'];

/** The lines a run printed on standard error, but the hint that follows a usage error. */
async function refusals(argv: string[], files: Record<string, string | Uint8Array> = {}): Promise<string[]> {
  const m = memoryIo({ 'ts.xml': TS, 'ts.yaml': 'steps: []\n', 'o.json': '{"certfixPackage": "ABC00010"}', ...files });
  await main(argv, m.io);
  return m.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('Run '));
}

/** Every line of `lines` that shows `value` in single quotes. */
const singleQuoted = (lines: string[], value: string) => lines.filter((line) => line.includes(`'${value}'`));

/** Every line of `lines` that ends a sentence and then adds the value given. */
const twoEnds = (lines: string[]) => lines.filter((line) => /\.\s*\(got /.test(line));

describe('option errors say the value given once, after one sentence', () => {
  it('every option of every command', async () => {
    const bad: string[] = [];
    let said = 0;
    for (const [name, options] of Object.entries(COMMAND_OPTIONS)) {
      for (const option of options) {
        if (option === '--help') continue;
        const given = ARGS[name] ?? [];
        const args = given.filter((a, i) => a !== option && given[i - 1] !== option);
        for (const value of VALUES) {
          const lines = await refusals([name, ...args, `${option}=${value}`]);
          said += lines.filter((line) => line.includes('(got ')).length;
          bad.push(...twoEnds(lines), ...singleQuoted(lines, value));
        }
      }
    }
    // The sweep reaches the refusals that name the value given (the schema's, the preset's).
    expect(said).toBeGreaterThan(10);
    expect(bad).toEqual([]);
  }, 120_000);

  it('a refused value is shown in double quotes, also a command\'s word and an empty name', async () => {
    expect(await refusals(['kb977203', 'ts.xml', '--dry-run', '--certfix-package', 'ABC00010', '--jobs', 'D'])).toEqual(['cmts kb977203: --jobs takes a whole number from 1 to 9999, not "D".']);
    expect(await refusals(['inspect', 'ts.xml', '--max-bytes', '0'])).toEqual(['cmts inspect: --max-bytes takes a positive whole number, not "0".']);
    expect(await refusals(['completion', 'zsh'])).toEqual(['cmts completion: There is no completion for the shell "zsh": give bash, powershell or pwsh.']);
    expect(await refusals(['completion', 'bash', 'x'])).toEqual(['cmts completion: completion takes one shell, not 2 words: leave out "x".']);
    expect(await refusals(['convert', 'ts.xml', '--to', 'json', '-o=x.json'])).toEqual(['cmts convert: -o=x.json gives -o the value "=x.json": write -o \'x.json\', or --output=x.json.']);
    for (const argv of [['inspect', ''], ['diff', '', 'ts.xml'], ['convert', 'ts.xml', '--to', 'json', '-o', ''], ['convert', 'ts.xml', '--to', 'json', '--out-dir', ''], ['transform', 'kb977203', 'ts.xml', '--options', '']]) {
      const lines = await refusals(argv);
      expect(lines[0], argv.join(' ')).toMatch(/"" names no/);
      expect(singleQuoted(lines, ''), argv.join(' ')).toEqual([]);
    }
  });

  it('the key said as kb977203 --certfix-package is (the case the review found)', async () => {
    const lines = await refusals(['kb977203', 'ts.xml', '--dry-run', '--certfix-package', 'ABC0001']);
    expect(lines[0]).toBe('cmts kb977203: --certfix-package: The package that holds CCMCertFix.exe (R11): a ConfigMgr package ID, a three-character site code and five hexadecimal digits, upper case (ABC00010) (got "ABC0001").');
  });

  it('every key of a kb977203 options file, in --config and transform --options', async () => {
    const schema = loadSchema('kb977203.options.schema.json') as { properties: Record<string, unknown> };
    const bad: string[] = [];
    for (const key of Object.keys(schema.properties)) {
      for (const value of [...VALUES, 5]) {
        const file = { 'c.json': JSON.stringify({ certfixPackage: 'ABC00010', [key]: value }) };
        for (const argv of [['kb977203', 'ts.xml', '--dry-run', '--config', 'c.json'], ['transform', 'kb977203', 'ts.xml', '--check', '--options', 'c.json']]) {
          const lines = await refusals(argv, file);
          bad.push(...twoEnds(lines), ...singleQuoted(lines, String(value)));
        }
      }
    }
    expect(bad).toEqual([]);
  }, 120_000);
});
