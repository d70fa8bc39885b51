// What a usage error echoes back of the command line. Before, an option's value was printed as given: a newline in it
// split the message over lines, an escape sequence (ESC [2J) went to the terminal as a command, and a long value (a
// file pasted, a password given to the wrong option) was printed whole, in the human message and in the --json report.
// Now a value is shown quoted, its control characters escaped, cut after 40 characters with its length; anything
// else in a usage error's message (a path, an unknown option's name) has its control characters escaped.
import { describe, expect, it } from 'vitest';
import { SHOWN_VALUE_CHARS, shownValue } from '../lib/cli/args.js';
import { printable } from '../lib/errors.js';
import { runCli } from './helpers/run-cli.js';

const run = runCli;

const ESC = '\u001b';
const SECRET = `p@ss-${'x'.repeat(200)}-tail`;

describe('values shown in usage errors', () => {
  it('shownValue: quoted, control characters escaped, cut after SHOWN_VALUE_CHARS characters with the length', () => {
    expect(shownValue('10k')).toBe("'10k'");
    expect(shownValue(`a\nb${ESC}[31m`)).toBe("'a\\nb\\u001b[31m'");
    expect(shownValue('say "hi"', '"')).toBe('"say \\"hi\\""');
    const long = 'é'.repeat(SHOWN_VALUE_CHARS + 5);
    expect(shownValue(long)).toBe(`'${'é'.repeat(SHOWN_VALUE_CHARS)}…' (${SHOWN_VALUE_CHARS + 5} characters)`);
    // Cut at a character: an astral one (two UTF-16 units) is never split in half.
    expect(shownValue('😀'.repeat(SHOWN_VALUE_CHARS + 1))).toBe(`'${'😀'.repeat(SHOWN_VALUE_CHARS)}…' (${SHOWN_VALUE_CHARS + 1} characters)`);
    // DEL, C1 controls, the line separator and a bidirectional override: none is printed as it is.
    expect(printable('a\u007fb\u0085c\u2028d\u202ee')).toBe('a\\u007fb\\u0085c\\u2028d\\u202ee');
  });

  it('a bad value with control characters: one line on standard error, no escape sequence; the same message in --json', async () => {
    const value = `12${ESC}[2J\nrm -rf`;
    const r = await run(['inspect', 'ts.xml', '--max-bytes', value, '--json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("cmts inspect: --max-bytes takes a positive whole number, not \"12\\u001b[2J\\nrm -rf\".\nRun 'cmts inspect --help' for the options.\n");
    const report = JSON.parse(r.stdout) as { results: { error: { code: string; message: string } }[] };
    expect(report.results[0]?.error).toMatchObject({ code: 'USAGE_ERROR', message: "--max-bytes takes a positive whole number, not \"12\\u001b[2J\\nrm -rf\"." });
  });

  it('a long value is cut: neither stream holds it whole', async () => {
    for (const argv of [
      ['kb977203', 'ts.xml', '--certfix-package', 'ABC00010', '--dry-run', '--jobs', SECRET, '--json'],
      ['convert', 'ts.xml', '--to', SECRET],
      ['render', 'ts.xml', '--format', SECRET],
      ['transform', SECRET, 'ts.xml', '--options', 'o.json'],
      ['lint', 'ts.xml', '--max-nodes', SECRET],
      [SECRET],
    ]) {
      const r = await run(argv);
      expect(r.status, argv[0]).toBe(2);
      expect(r.stderr + r.stdout, argv[0]).not.toContain('-tail');
      expect(r.stderr, argv[0]).toContain(`${SECRET.slice(0, SHOWN_VALUE_CHARS)}…`);
      expect(r.stderr, argv[0]).toContain(`(${SECRET.length} characters)`);
    }
  });

  it('the quoting each message had is kept for an ordinary value', async () => {
    expect((await run(['inspect', 'ts.xml', '--max-depth', '0'])).stderr).toContain('--max-depth takes a positive whole number, not "0".');
    expect((await run(['render', 'ts.xml', '--format', 'pdf'])).stderr).toContain('--format is html or md, not "pdf".');
    expect((await run(['inspcet'])).stderr).toContain('unknown command "inspcet". Did you mean inspect?');
  });

  it('a path or an option name with control characters is escaped too (human and --json)', async () => {
    const r = await run(['inspect', `no${ESC}[31mfolder/*.xml`, '--json']);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toContain(ESC);
    expect(r.stderr).toContain('no\\u001b[31mfolder/*.xml: the folder no\\u001b[31mfolder does not exist.');
    expect((JSON.parse(r.stdout) as { results: { error: { message: string } }[] }).results[0]?.error.message).toBe('no\\u001b[31mfolder/*.xml: the folder no\\u001b[31mfolder does not exist.');
    const option = await run(['lint', 'ts.xml', `--a${ESC}b\nc`]);
    expect(option.status).toBe(2);
    expect(option.stderr.split('\n')).toHaveLength(3);
    expect(option.stderr).not.toContain(ESC);
  });
});
