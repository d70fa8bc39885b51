// The shared option handling every command goes through, tested on its own.
import { describe, expect, it } from 'vitest';
import { parse, UsageError } from '../lib/cli/args.js';
import { startCommand } from '../lib/cli/start-command.js';
import { closest, editDistance } from '../lib/cli/did-you-mean.js';
import { planTargets } from '../lib/cli/output-targets.js';
import { memoryIo } from './helpers/memory-io.js';

const OPTIONS = { json: { type: 'boolean' }, whitespace: { type: 'boolean' }, output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } } as const;

describe('did you mean', () => {
  it('counts a swap of two neighbours as one edit', () => {
    expect(editDistance('stirct', 'strict')).toBe(1);
    expect(editDistance('inspect', 'inspect')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests a close candidate or a completion of a prefix, and nothing for a word far from all', () => {
    expect(closest('inpsect', ['inspect', 'lint', 'diff'])).toBe('inspect');
    expect(closest('conv', ['convert', 'completion'])).toBe('convert');
    expect(closest('zzz', ['inspect', 'lint', 'diff'])).toBeUndefined();
    expect(closest('x', ['diff'])).toBeUndefined();
  });
});

describe('option parsing', () => {
  it('an option given twice is refused, naming it', () => {
    expect(() => parse(['--json', 'a', '--json'], OPTIONS)).toThrow(new UsageError('--json is given twice; give it once.'));
    expect(() => parse(['-o', 'a', '--output', 'b'], OPTIONS)).toThrow(/--output is given twice/);
  });

  it('a short option written with = is refused, not given a value that starts with = (a file named "=out.xml")', () => {
    expect(() => parse(['-o=out.xml'], OPTIONS)).toThrow(/-o=out\.xml gives -o the value "=out\.xml": write -o 'out\.xml', or --output=out\.xml/);
    expect(() => parse(['-o=-'], OPTIONS)).toThrow(UsageError);
    // A value that starts with -: `-o '-x.json'` is the argv `-o -x.json` (the shell takes the quotes away), which is
    // refused; what is said to write instead is taken as it is said.
    let said = '';
    try {
      parse(['-o=-x.json'], OPTIONS);
    } catch (e) {
      said = (e as Error).message;
    }
    expect(said).toMatch(/^-o=-x\.json gives -o the value "=-x\.json": write /);
    const ways = said.replace(/^.*: write /, '').replace(/\.$/, '').split(', or ');
    expect(ways).toEqual(['--output=-x.json', '-o ./-x.json']);
    for (const way of ways) expect(parse(way.split(' '), OPTIONS).values.output).toMatch(/^(\.\/)?-x\.json$/);
    expect(() => parse(['-o', '-x.json'], OPTIONS)).toThrow(UsageError);
    // The long form, a value after a space, and one that merely holds = further on are as before.
    expect(parse(['--output=out.xml'], OPTIONS).values.output).toBe('out.xml');
    expect(parse(['-o', '=x'], OPTIONS).values.output).toBe('=x');
    expect(parse(['-oa=b'], OPTIONS).values.output).toBe('a=b');
  });

  it('an option that names a file or folder of its own refuses "-", which elsewhere is a standard stream', () => {
    const own = { ...OPTIONS, html: { type: 'string' }, 'out-dir': { type: 'string' } } as const;
    expect(() => parse(['--html', '-'], own)).toThrow(/--html names a file: "-" \(standard output\) cannot be one/);
    expect(() => parse(['--out-dir=-'], own)).toThrow(/--out-dir names a folder/);
    expect(parse(['--html', './-'], own).values.html).toBe('./-');
    expect(parse(['-o', '-'], own).values.output).toBe('-');
  });

  it('an unknown long option gets the nearest known one; a one-letter option gets no guess', () => {
    expect(() => parse(['--jsno'], OPTIONS)).toThrow("Unknown option '--jsno'. Did you mean --json?");
    expect(() => parse(['-x'], OPTIONS)).toThrow("Unknown option '-x'.");
  });

  it('an option without the one it depends on is a usage error (exit 2) printed with a pointer to --help', () => {
    const m = memoryIo();
    expect(startCommand({ name: 'inspect', help: 'HELP', options: OPTIONS, requires: { whitespace: 'json' } }, ['a.xml', '--whitespace'], m.io)).toBe(2);
    expect(m.stderr).toBe("cmts inspect: --whitespace means something only with --json.\nRun 'cmts inspect --help' for the options.\n");
    expect(startCommand({ name: 'inspect', help: 'HELP', options: OPTIONS, requires: { whitespace: 'json' } }, ['a.xml', '--whitespace', '--json'], m.io)).toMatchObject({ positionals: ['a.xml'] });
  });
});

describe('output targets', () => {
  const io = () => memoryIo({ 'in/a.xml': 'a', 'in/b.xml': 'b', 'file.txt': 'x' }).io;

  it('a target that is an input is refused unless --in-place', () => {
    expect(() => planTargets(['in/a.xml'], { output: 'in/a.xml' }, io())).toThrow(/in\/a\.xml is the input in\/a\.xml/);
    expect(() => planTargets(['in/a.xml', 'in/b.xml'], { outDir: 'in' }, io())).toThrow(/is the input/);
    expect(planTargets(['in/a.xml'], { inPlace: true }, io())('in/a.xml')).toBe('in/a.xml');
  });

  it('-o needs an existing folder and names one file; --out-dir must not be a file and is created when missing', () => {
    expect(() => planTargets(['in/a.xml'], { output: 'missing/out.xml' }, io())).toThrow(/the folder missing does not exist/);
    expect(() => planTargets(['in/a.xml', 'in/b.xml'], { output: 'out.xml' }, io())).toThrow(/-o names one file/);
    expect(() => planTargets(['in/a.xml'], { outDir: 'file.txt' }, io())).toThrow('--out-dir file.txt is a file, not a folder.');
    const m = io();
    expect(planTargets(['in/a.xml'], { outDir: 'new', nameFor: () => 'a.json' }, m)('in/a.xml')).toBe('new/a.json');
    expect(m.kindOf('new')).toBe('dir');
  });

  it('two results whose names differ only in letter case are refused, as one file where names ignore case', () => {
    const m = memoryIo({ 'x/TS.xml': 'a', 'y/ts.xml': 'b', 'y/other.xml': 'c' }).io;
    expect(() => planTargets(['x/TS.xml', 'y/ts.xml'], { outDir: 'out' }, m)).toThrow(
      'x/TS.xml and y/ts.xml would be written to out/TS.xml and out/ts.xml, names that differ only in letter case: one file where names ignore case (Windows, macOS).',
    );
    expect(planTargets(['x/TS.xml', 'y/other.xml'], { outDir: 'out' }, m)('y/other.xml')).toBe('out/other.xml');
  });

  it('standard input cannot be written back in place or named in --out-dir; -o - is standard output for one input, as the help says', () => {
    expect(() => planTargets(['-'], { inPlace: true }, io())).toThrow(/--in-place cannot write back to standard input/);
    expect(() => planTargets(['-'], { outDir: 'out' }, io())).toThrow(/standard input \(-\) has no name/);
    expect(planTargets(['in/a.xml'], { output: '-' }, io())('in/a.xml')).toBe('-');
    expect(() => planTargets(['in/a.xml', 'in/b.xml'], { output: '-' }, io())).toThrow(/-o - writes one result; for 2 inputs use --out-dir/);
  });
});

describe('a command that lets a usage error through', () => {
  it('still reports it as a usage error (exit 2), not an internal error', async () => {
    const { COMMANDS, main } = await import('../lib/cli/main.js');
    COMMANDS.leaky = {
      summary: 'throws a usage error from a shared check',
      load: () =>
        Promise.resolve({
          HELP: '',
          run: () => {
            throw new UsageError('The folder x has no input file (looked for *.xml, *.zip).');
          },
        }),
    };
    try {
      const m = memoryIo();
      expect(await main(['leaky'], m.io)).toBe(2);
      expect(m.stderr).toBe("cmts leaky: The folder x has no input file (looked for *.xml, *.zip).\nRun 'cmts leaky --help' for the options.\n");
    } finally {
      delete COMMANDS.leaky;
    }
  });
});
