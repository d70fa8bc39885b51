// The bash completion script, run in bash. An input file: a name with a space was offered as two names ('my' and
// 'file.xml'), and a name with glob characters was taken as a glob (`[a].xml` offered as `a.xml`), since compgen's
// output was split into words and expanded again; each file name is one candidate, as it is. `cmts transform --he`
// offered nothing, the word being taken for a transform's name; it gets the options, as in PowerShell. A value given
// with = (`--to=j`) was completed as a file name; it gets the option's values, as after a space.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bashScript } from '../lib/cli/completion.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cmts-completion-'));
  for (const name of ['my file.xml', 'other.xml', 'a.xml', '[a].xml']) writeFileSync(join(dir, name), '');
  writeFileSync(join(dir, 'cmts.bash'), bashScript());
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the script offers for the last of `words`, one candidate a line, run in the folder of the test files. */
function candidates(words: string[]): string[] {
  const quoted = words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('bash', ['-c', `source ./cmts.bash; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _cmts; printf '%s\\n' "\${COMPREPLY[@]}"`], { cwd: dir, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter((l) => l !== '').sort();
}

describe('bash completion of file names', () => {
  it('offers a name with a space as one name', () => {
    expect(candidates(['cmts', 'lint', 'my'])).toEqual(['my file.xml']);
    expect(candidates(['cmts', 'inspect', 'ts.xml', 'm'])).toEqual(['my file.xml']);
  });

  it('offers a name with glob characters as it is, not the files it would match', () => {
    expect(candidates(['cmts', 'lint', '['])).toEqual(['[a].xml']);
  });

  it('still offers every file for an empty word, and options for a word with a dash', () => {
    expect(candidates(['cmts', 'lint', ''])).toEqual(['[a].xml', 'a.xml', 'cmts.bash', 'my file.xml', 'other.xml']);
    expect(candidates(['cmts', 'lint', '--st'])).toEqual(['--strict']);
  });
});

describe('bash completion of transform', () => {
  it('offers the transform options, not only the transform names, for a word with a dash where the name goes', () => {
    expect(candidates(['cmts', 'transform', '--he'])).toEqual(['--help']);
    expect(candidates(['cmts', 'transform', 'add-r'])).toEqual(['add-reference']);
  });
});

// bash splits `--to=j` at the = (COMP_WORDBREAKS): the words are `--to`, `=` and `j`, or `--to` and `=` right after it.
describe('bash completion of a value given with =', () => {
  it('offers the option values after --opt= as after --opt and a space', () => {
    expect(candidates(['cmts', 'convert', '--to', '=', 'j'])).toEqual(['json']);
    expect(candidates(['cmts', 'convert', '--to', '='])).toEqual(['json', 'xml', 'yaml']);
    expect(candidates(['cmts', 'kb977203', 'ts.xml', '--scenario', '=', 're'])).toEqual(['refresh', 'replace-capture', 'replace-restore']);
    expect(candidates(['cmts', 'convert', '--to', ''])).toEqual(['json', 'xml', 'yaml']);
  });
});
