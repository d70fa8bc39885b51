// --json as scripts read it: every command that has it prints its one envelope {results, summary} on standard
// output whatever happens (success, a failed input, a usage error, trouble before the first input), valid against
// the command's schema, with the exit status it would have without --json. Run as a process, as CI runs it.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, main } from '../lib/cli/main.js';
import { TaskSequenceError } from '../lib/errors.js';
import { startCommand } from '../lib/cli/start-command.js';
import { reportInternalError } from '../lib/cli/json-report.js';
import { isSchemaFile, validatorFor } from '../lib/schemas.js';
import { cmts, ensureBuilt, type CliRun } from './helpers/cli-process.js';
import { memoryIo } from './helpers/memory-io.js';

const EXAMPLE_2007 = resolve('examples/refresh-2007.xml');
const EXAMPLE_OBJECT = resolve('examples/replace-restore.object.xml');
const EXPORT_ZIP = resolve('test/fixtures/zip/export.zip');
const PATCH = ['--certfix-package', 'ABC00010'];

interface Envelope {
  results: { input: string; error?: { code: string; message: string; file?: string }; [k: string]: unknown }[];
  summary: Record<string, number>;
}

let dir: string;
let ts: string;
let other: string;
let empty: string;
let refOptions: string;

/** The commands whose --help lists --json among its options (read from the help, not a list kept here). */
async function jsonCommands(): Promise<string[]> {
  const out: string[] = [];
  for (const [name, c] of Object.entries(COMMANDS)) {
    const help = (await c.load()).HELP;
    const options = help.slice(help.indexOf('\nOPTIONS\n'), help.indexOf('\nEXAMPLES\n'));
    if (/(?<![\w-])--json\b/.test(options)) out.push(name);
  }
  return out;
}

/** Parses a run's standard output and checks it against the command's report schema. */
function envelope(command: string, r: CliRun, what: string): Envelope {
  let json: unknown;
  try {
    json = JSON.parse(r.stdout);
  } catch {
    throw new Error(`${what}: standard output is not JSON: ${JSON.stringify(r.stdout.slice(0, 200))} (stderr: ${r.stderr})`);
  }
  const file = `${command}.report.schema.json`;
  if (!isSchemaFile(file)) throw new Error(`${file} has no validator`);
  const validate = validatorFor(file);
  expect(validate(json), `${what}: ${JSON.stringify(validate.errors)}`).toBe(true);
  const env = json as Envelope;
  expect(Object.keys(env).sort(), what).toEqual(['results', 'summary']);
  expect(env.summary.failed, `${what}: summary.failed counts the error records`).toBe(env.results.filter((x) => x.error).length);
  return env;
}

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'cmts-json-'));
  ts = join(dir, 'ts.xml');
  other = join(dir, 'other.object.xml');
  copyFileSync(EXAMPLE_2007, ts);
  copyFileSync(EXAMPLE_OBJECT, other);
  empty = join(dir, 'empty');
  mkdirSync(empty);
  writeFileSync(join(empty, 'notes.txt'), 'not a task sequence');
  refOptions = join(dir, 'ref.json');
  writeFileSync(refOptions, '{"packageId": "ABC00010"}');
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * For each command with --json: the words before the inputs and after them that make a valid run, and command
 * lines it refuses as usage errors (each must print the envelope with one USAGE_ERROR record and exit 2).
 */
function usageCases(command: string): [string, string[]][] {
  const before: Record<string, string[]> = { transform: ['add-reference'] };
  const after: Record<string, string[]> = { kb977203: ['--dry-run', ...PATCH], transform: ['--options', refOptions, '--check'] };
  const run = (inputs: string[], ...extra: string[]) => [command, ...(before[command] ?? []), ...inputs, ...(after[command] ?? []), '--json', ...extra];
  const inputs = command === 'diff' ? [ts, other] : [ts];
  const cases: [string, string[]][] = [
    ['an unknown option', run(inputs, '--no-such-option')],
    ['a misspelled option', run(inputs, '--jsno')],
    ['a missing value', run(inputs, '--max-bytes')],
    ['a bad value', run(inputs, '--max-bytes', '10k')],
    ['an option given twice', run(inputs, '--json')],
    ['no input', run([])],
    ['a folder with no input file', run(command === 'diff' ? [empty] : [empty])],
  ];
  if (command !== 'diff') cases.push(['a glob that matches nothing', run([join(empty, '*.xml')])]);
  const conflicting: Record<string, string[]> = {
    kb977203: [command, ts, ...PATCH, '--check', '--revert', '--json'],
    transform: [command, 'add-reference', ts, '--options', refOptions, '--in-place', '-o', join(dir, 'out.xml'), '--json'],
    inspect: [command, ts, '--json', '--whitespace', '--max-nodes', '0'],
    lint: [command, ts, '--json', '--max-nodes', '-1'],
    diff: [command, ts, empty, '--json'],
  };
  cases.push(['conflicting or impossible options', conflicting[command] ?? []]);
  if (command === 'transform') cases.push(['an unknown transform', [command, 'add-refrence', ts, '--options', refOptions, '--check', '--json']]);
  if (command === 'kb977203' || command === 'transform') {
    cases.push(['an output onto the input', [command, ...(before[command] ?? []), ts, ...(command === 'kb977203' ? PATCH : ['--options', refOptions]), '-o', ts, '--json']]);
  }
  return cases;
}

describe('--json errors are the command’s own report', { timeout: 300_000 }, () => {
  it('every command with --json has a report schema in schemas/', async () => {
    const commands = await jsonCommands();
    expect(commands.sort()).toEqual(['diff', 'inspect', 'kb977203', 'lint', 'transform']);
    for (const c of commands) expect(existsSync(resolve('schemas', `${c}.report.schema.json`)), c).toBe(true);
  });

  it('a usage error under --json: exit 2, the envelope on standard output with one USAGE_ERROR record, the message on standard error', async () => {
    for (const command of await jsonCommands()) {
      for (const [what, args] of usageCases(command)) {
        const r = cmts(args);
        const label = `${command}: ${what} (${args.slice(1).join(' ')})`;
        expect(r.status, `${label}: ${r.stderr}`).toBe(2);
        const env = envelope(command, r, label);
        expect(env.results, label).toHaveLength(1);
        const [record] = env.results;
        expect(record!.error!.code, label).toBe('USAGE_ERROR');
        expect(r.stderr, label).toContain(`cmts ${command}: ${record!.error!.message}`);
        expect(Object.entries(env.summary).filter(([k, v]) => k !== 'failed' && v !== 0), label).toEqual([]);
      }
    }
  });

  it('a usage error names the inputs that were given; without --json it stays plain text', () => {
    const env = envelope('lint', cmts(['lint', ts, other, '--json', '--stirct']), 'lint');
    expect(env.results[0]).toMatchObject({ input: `${ts} ${other}`, error: { code: 'USAGE_ERROR', message: "Unknown option '--stirct'. Did you mean --strict?" } });
    const transform = envelope('transform', cmts(['transform', 'add-reference', ts, '--json', '--check']), 'transform');
    expect(transform.results[0]).toMatchObject({ input: ts, error: { code: 'USAGE_ERROR', message: '--options <file.json> is required.' } });
    const plain = cmts(['lint', ts, '--stirct']);
    expect(plain.status).toBe(2);
    expect(plain.stdout).toBe('');
    // After --, "--json" is an input's name, not the option.
    expect(cmts(['lint', '--nope', '--', '--json']).stdout).toBe('');
  });

  it('an unknown command or top-level option under --json: the envelope with summary {failed: 1}, exit 2', () => {
    for (const args of [['inspcet', ts, '--json'], ['--jsno', '--json']]) {
      const r = cmts(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(JSON.parse(r.stdout), args.join(' ')).toEqual({ results: [{ input: '', error: { code: 'USAGE_ERROR', severity: 'error', message: expect.stringMatching(/^unknown (command|option)/) as unknown } }], summary: { failed: 1 } });
    }
  });

  it('trouble before the first input (an options file that cannot be read or is not valid) is the envelope too, exit 1', () => {
    writeFileSync(join(dir, 'broken.json'), '{ "packageId": ');
    const cases: [string, string[], string][] = [
      ['transform', ['transform', 'add-reference', ts, '--options', join(dir, 'missing.json'), '--check', '--json'], 'IO_ERROR'],
      ['transform', ['transform', 'add-reference', ts, '--options', join(dir, 'broken.json'), '--check', '--json'], 'OPTIONS_INVALID'],
      ['kb977203', ['kb977203', ts, '--config', join(dir, 'broken.json'), '--check', '--json'], 'OPTIONS_INVALID'],
    ];
    for (const [command, args, code] of cases) {
      const r = cmts(args);
      expect(r.status, args.join(' ')).toBe(1);
      const env = envelope(command, r, args.join(' '));
      expect(env.results, args.join(' ')).toEqual([{ input: ts, error: expect.objectContaining({ code }) as unknown }]);
      expect(env.results[0]!.error!.file, args.join(' ')).toMatch(/(missing|broken)\.json$/);
      expect(Object.entries(env.summary).filter(([k, v]) => k !== 'failed' && v !== 0), args.join(' ')).toEqual([]);
    }
  });

  it('a flag the preset refuses is a usage error in the envelope, exit 2, said with the flag\'s name', () => {
    const args = ['kb977203', ts, '--dry-run', ...PATCH, '--drive', '%_SMSTSMDataPath%', '--json'];
    const r = cmts(args);
    expect(r.status).toBe(2);
    const env = envelope('kb977203', r, args.join(' '));
    expect(env.results).toEqual([{ input: ts, error: expect.objectContaining({ code: 'USAGE_ERROR', message: expect.stringMatching(/^--drive .*%variable%/) as unknown }) as unknown }]);
  });

  it('a folder that cannot be listed is trouble (exit 2) reported in the envelope, naming the folder', async () => {
    // Run in process with a folder whose listing fails: as root (CI containers) no folder on disk can be made unreadable.
    for (const [command, args] of [
      ['inspect', ['inspect', 'locked', '--json']],
      ['lint', ['lint', 'locked/*.xml', '--json']],
      ['diff', ['diff', 'locked', 'open', '--json']],
    ] as const) {
      const m = memoryIo({ 'open/a.xml': readFileSync(EXAMPLE_2007), 'locked/a.xml': readFileSync(EXAMPLE_2007) });
      const list = m.io.listDir.bind(m.io);
      m.io.listDir = (path) => {
        if (path.startsWith('locked')) throw new TaskSequenceError('IO_ERROR', `Cannot list ${path}: permission denied.`, { file: path });
        return list(path);
      };
      expect(await main([...args], m.io), command).toBe(2);
      expect(m.stderr, command).toMatch(/IO_ERROR Cannot list locked: permission denied\./);
      const env = envelope(command, { status: 2, stdout: m.stdout, stderr: m.stderr, stdoutBytes: Buffer.from(m.stdout) }, command);
      expect(env.results, command).toEqual([{ input: args.slice(1, -1).join(' '), error: { code: 'IO_ERROR', severity: 'error', message: 'Cannot list locked: permission denied.', file: 'locked' } }]);
    }
  });

  it('a bug (an error cmts did not expect) is reported without a stack trace, and under --json as an INTERNAL_ERROR record', async () => {
    COMMANDS.buggy = {
      summary: 'starts like lint, then meets a bug',
      load: () =>
        Promise.resolve({
          HELP: '',
          run: (argv, io) => {
            const p = startCommand({ name: 'buggy', help: '', options: { json: { type: 'boolean' } }, jsonSummary: { inputs: 0, failed: 0, errors: 0, warnings: 0 } }, argv, io);
            if (typeof p === 'number') return p;
            throw new TypeError("Cannot read properties of undefined (reading 'x')");
          },
        }),
    };
    try {
      for (const json of [true, false]) {
        const m = memoryIo();
        const e = await main(['buggy', 'a.xml', ...(json ? ['--json'] : [])], m.io).then(() => undefined, (x: unknown) => x);
        expect(reportInternalError(e, m.io)).toBe(1);
        expect(m.stderr).toBe("cmts: internal error: Cannot read properties of undefined (reading 'x')\n");
        if (!json) expect(m.stdout).toBe('');
        else {
          const env = envelope('lint', { status: 1, stdout: m.stdout, stderr: m.stderr, stdoutBytes: Buffer.from(m.stdout) }, 'bug');
          expect(env.results).toEqual([{ input: 'a.xml', error: { code: 'INTERNAL_ERROR', severity: 'error', message: "Cannot read properties of undefined (reading 'x')" } }]);
        }
      }
    } finally {
      delete COMMANDS.buggy;
    }
  });

  it('a failed input is a record among the others, for every command (diff: exit 2, as diff(1))', async () => {
    const bad = join(dir, 'bad.xml');
    writeFileSync(bad, '<sequence');
    for (const command of await jsonCommands()) {
      const args: Record<string, string[]> = {
        inspect: ['inspect', ts, bad, '--json'],
        lint: ['lint', ts, bad, '--json'],
        diff: ['diff', ts, bad, '--json'],
        kb977203: ['kb977203', ts, bad, '--dry-run', ...PATCH, '--json'],
        transform: ['transform', 'add-reference', ts, bad, '--options', refOptions, '--check', '--json'],
      };
      const r = cmts(args[command]!);
      expect(r.status, command).toBe(command === 'diff' ? 2 : 1);
      const env = envelope(command, r, command);
      expect(env.results.at(-1)!.error, command).toMatchObject({ code: 'XML_MALFORMED', file: bad });
    }
  });
});

describe('transform --json', { timeout: 300_000 }, () => {
  it('matches schemas/transform.report.schema.json: one file, several, an export .zip, --check, -o and a refusal', () => {
    const d = join(dir, 'transform');
    mkdirSync(d);
    const zip = join(d, 'export.zip');
    copyFileSync(EXPORT_ZIP, zip);
    const lower = join(d, 'lower.json');
    writeFileSync(lower, '{"packageId": "abc00010"}');
    const one = envelope('transform', cmts(['transform', 'add-reference', ts, '--options', refOptions, '--check', '--json']), 'one');
    expect(one.results).toEqual([{ input: ts, written: false, report: expect.objectContaining({ transform: 'add-reference', changed: expect.any(Boolean) as unknown }) as unknown }]);
    expect(one.summary).toEqual({ files: 1, changed: (one.results[0]!.report as { changed: boolean }).changed ? 1 : 0, failed: 0 });

    const written = cmts(['transform', 'add-reference', ts, '--options', refOptions, '-o', join(d, 'out.xml'), '--json']);
    expect(written.status, written.stderr).toBe(0);
    const w = envelope('transform', written, '-o');
    expect(w.results[0]).toMatchObject({ input: ts, written: true });
    expect(existsSync(join(d, 'out.xml'))).toBe(true);

    const many = cmts(['transform', 'set-dependent-program', ts, other, zip, '--options', join(d, 'dep.json'), '--check', '--json']);
    expect(many.status).toBe(1);
    expect(envelope('transform', many, 'missing options').results[0]!.error!.code).toBe('IO_ERROR');
    writeFileSync(join(d, 'dep.json'), '{"packageId": "ABC00010", "programName": "CCMCertFix"}');
    const batch = envelope('transform', cmts(['transform', 'set-dependent-program', ts, other, zip, '--options', join(d, 'dep.json'), '--check', '--json']), 'batch');
    expect(batch.results.slice(0, 2).map((x) => x.input)).toEqual([ts, other]);
    expect(batch.results.length).toBeGreaterThan(2);
    expect(batch.results.slice(2).every((x) => x.input.startsWith(`${zip}!`))).toBe(true);
    expect(batch.summary.files).toBe(batch.results.length);

    const refused = cmts(['transform', 'add-reference', ts, '--options', lower, '--check', '--json']);
    expect(refused.status).toBe(1);
    expect(envelope('transform', refused, 'refused').results).toEqual([{ input: ts, error: expect.objectContaining({ code: 'OPTIONS_INVALID', file: lower }) as unknown }]);
    expect(readFileSync(ts).equals(readFileSync(EXAMPLE_2007))).toBe(true);
  });
});

describe('kb977203 --json', { timeout: 300_000 }, () => {
  it('matches schemas/kb977203.report.schema.json: one file, a folder, --check, --revert, errors', () => {
    const d = join(dir, 'kb');
    mkdirSync(join(d, 'in'), { recursive: true });
    copyFileSync(EXAMPLE_2007, join(d, 'in', 'refresh.xml'));
    copyFileSync(EXAMPLE_OBJECT, join(d, 'in', 'restore.object.xml'));
    writeFileSync(join(d, 'in', 'bad.xml'), '<sequence');

    const single = cmts(['kb977203', join(d, 'in', 'refresh.xml'), '-o', join(d, 'patched.xml'), ...PATCH, '--json']);
    expect(single.status, single.stderr).toBe(0);
    const s = envelope('kb977203', single, 'single');
    expect(s.results).toEqual([expect.objectContaining({ input: join(d, 'in', 'refresh.xml'), output: join(d, 'patched.xml'), written: true, dryRun: false }) as unknown]);
    expect(s.summary).toEqual({ files: 1, changed: 1, notApplicable: 0, failed: 0 });

    const folder = cmts(['kb977203', join(d, 'in'), '--out-dir', join(d, 'out'), ...PATCH, '--json']);
    expect(folder.status).toBe(1);
    const f = envelope('kb977203', folder, 'folder');
    expect(f.results.map((x) => [x.input.slice(d.length + 1), x.error ? 'error' : x.notApplicable ? 'not applicable' : 'result'])).toEqual([
      ['in/bad.xml', 'error'],
      ['in/refresh.xml', 'result'],
      ['in/restore.object.xml', 'not applicable'],
    ]);
    expect(f.summary).toEqual({ files: 3, changed: 1, notApplicable: 1, failed: 1 });

    const check = cmts(['kb977203', join(d, 'in', 'refresh.xml'), join(d, 'patched.xml'), '--check', ...PATCH, '--json']);
    expect(check.status).toBe(1);
    const c = envelope('kb977203', check, '--check');
    expect(c.results.map((x) => [x.output, (x.report as { changed: boolean }).changed])).toEqual([
      [null, true],
      [null, false],
    ]);

    const revert = cmts(['kb977203', join(d, 'patched.xml'), '--revert', '-o', join(d, 'reverted.xml'), ...PATCH, '--json']);
    expect(revert.status, revert.stderr).toBe(0);
    expect(envelope('kb977203', revert, '--revert').results[0]).toMatchObject({ written: true, report: { changed: true } });
    expect(readFileSync(join(d, 'reverted.xml')).equals(readFileSync(EXAMPLE_2007))).toBe(true);

    const missing = cmts(['kb977203', join(d, 'nope.xml'), '--dry-run', ...PATCH, '--json']);
    expect(missing.status).toBe(1);
    expect(envelope('kb977203', missing, 'missing').results[0]!.error!.code).toBe('IO_ERROR');
    const usage = cmts(['kb977203', join(d, 'in', 'refresh.xml'), '--json', '--dry-run']);
    expect(usage.status).toBe(2);
    expect(envelope('kb977203', usage, 'usage').results[0]!.error).toMatchObject({ code: 'USAGE_ERROR', message: expect.stringMatching(/^--certfix-package is required/) as unknown });
  });

  it('kb977203: a --report file that cannot be written is one more error record after every input\'s own', () => {
    const d = join(dir, 'kb-report');
    mkdirSync(join(d, 'in'), { recursive: true });
    copyFileSync(EXAMPLE_2007, join(d, 'in', 'a.xml'));
    copyFileSync(EXAMPLE_2007, join(d, 'in', 'b.xml'));
    // A link into a missing folder: a report named in a missing folder itself is a usage error before any input is
    // read (review2-cli-side-files.test.ts); this one is found out only as it is written, after the inputs.
    const report = join(d, 'report.json');
    symlinkSync(join(d, 'no-such-folder', 'report.json'), report);
    const r = cmts(['kb977203', join(d, 'in'), '--dry-run', '--report', report, ...PATCH, '--json']);
    expect(r.status).toBe(1);
    const e = envelope('kb977203', r, 'report not written');
    expect(e.results.map((x) => [x.input.slice(d.length + 1), x.error?.code ?? 'result'])).toEqual([
      ['in/a.xml', 'result'],
      ['in/b.xml', 'result'],
      ['report.json', 'IO_ERROR'],
    ]);
    expect(e.summary).toEqual({ files: 2, changed: 2, notApplicable: 0, failed: 1 });
    expect(existsSync(report)).toBe(false);
  });
});
