// The command line as administrators' scripts run it: a real process on real files, for every command.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../lib/cli/main.js';
import { validatorFor, type SchemaFile } from './helpers/api.js';
import { BIN, cmts, ensureBuilt } from './helpers/cli-process.js';

const EXAMPLE_2007 = resolve('examples/refresh-2007.xml');
const EXAMPLE_OBJECT = resolve('examples/replace-restore.object.xml');
const EXAMPLE_BARE = resolve('examples/new-computer-bare-utf16le.xml');
const EXPORT_ZIP = resolve('test/fixtures/zip/export.zip');
const PATCH = ['--certfix-package', 'ABC00010'];

let dir: string;
/** A fresh folder with the given files copied in (name → source path, or text). */
function folder(name: string, files: Record<string, string | Buffer>): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  for (const [f, src] of Object.entries(files)) {
    mkdirSync(join(d, f, '..'), { recursive: true });
    if (typeof src === 'string' && existsSync(src)) copyFileSync(src, join(d, f));
    else writeFileSync(join(d, f), src);
  }
  return d;
}

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'cmts-cli-'));
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cmts as a process', { timeout: 120_000 }, () => {
  it('never overwrites an input unless --in-place: -o naming it, or --out-dir its own folder, is a usage error', () => {
    const d = folder('overwrite', { 'ts.xml': EXAMPLE_2007 });
    const before = readFileSync(join(d, 'ts.xml'));
    for (const args of [
      ['kb977203', join(d, 'ts.xml'), '-o', join(d, 'ts.xml'), ...PATCH],
      ['kb977203', join(d, 'ts.xml'), '-o', join(d, '.', 'sub', '..', 'ts.xml'), ...PATCH],
      ['kb977203', join(d, 'ts.xml'), '--out-dir', d, ...PATCH],
      ['convert', join(d, 'ts.xml'), '--to', 'json', '-o', join(d, 'ts.xml')],
    ]) {
      const r = cmts(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(args[0] === 'convert' ? /is the input .*ts\.xml: this command never writes over an input\./ : /is the input .*ts\.xml: cmts overwrites an input only with --in-place\./);
    }
    expect(readFileSync(join(d, 'ts.xml')).equals(before)).toBe(true);
    expect(cmts(['kb977203', join(d, 'ts.xml'), '--in-place', ...PATCH]).status).toBe(0);
    expect(readFileSync(join(d, 'ts.xml'), 'utf8')).toContain('ABC00010;;CCMCertFix');
  });

  it('-o into a missing folder is an error (no mkdir -p); --out-dir naming a file is a clear error; a missing --out-dir is created', () => {
    const d = folder('targets', { 'ts.xml': EXAMPLE_2007, 'file.txt': 'x' });
    const missing = cmts(['convert', join(d, 'ts.xml'), '--to', 'json', '-o', join(d, 'no', 'such', 'ts.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/the folder .*no\/such does not exist \(cmts does not create it\)/);
    expect(existsSync(join(d, 'no'))).toBe(false);
    const file = cmts(['kb977203', join(d, 'ts.xml'), '--out-dir', join(d, 'file.txt'), ...PATCH]);
    expect(file.status).toBe(2);
    expect(file.stderr).toMatch(/--out-dir .*file\.txt is a file, not a folder\./);
    expect(file.stderr).not.toMatch(/internal error|ENOTDIR/);
    expect(cmts(['convert', join(d, 'ts.xml'), '--to', 'json', '--out-dir', join(d, 'new', 'json')]).status).toBe(0);
    expect(readdirSync(join(d, 'new', 'json'))).toEqual(['ts.json']);
  });

  it('- reads the sequence from standard input for every command', () => {
    const xml = readFileSync(EXAMPLE_2007);
    const inspect = cmts(['inspect', '-'], { input: xml });
    expect(inspect.status).toBe(0);
    expect(inspect.stdout).toMatch(/^Windows 7 Refresh — - \(ConfigMgr 2007 export/);
    expect(cmts(['lint', '-', '--json'], { input: xml }).status).toBe(0);
    expect(cmts(['diff', EXAMPLE_2007, '-'], { input: xml }).status).toBe(0);
    const json = cmts(['convert', '-', '--to', 'json'], { input: xml });
    expect(JSON.parse(json.stdout)).toMatchObject({ container: 'sms-package', properties: { Name: 'Windows 7 Refresh' } });
    expect(cmts(['convert', '-', '--to', 'xml'], { input: json.stdout }).stdout).toContain('<SmsTaskSequencePackage');
    const patched = cmts(['kb977203', '-', '-o', '-', ...PATCH], { input: xml });
    expect(patched.status).toBe(0);
    expect(patched.stdout).toContain('ABC00010;;CCMCertFix');
    const piped = spawnSync('sh', ['-c', `cat "${EXAMPLE_2007}" | "${process.execPath}" "${BIN}" kb977203 - -o - ${PATCH.join(' ')} | "${process.execPath}" "${BIN}" diff "${EXAMPLE_2007}" -`], { encoding: 'utf8' });
    expect(piped.status).toBe(1);
    expect(piped.stdout).toContain('~ property DependentProgram:\n    - (empty)\n    + ABC00010;;CCMCertFix');
    expect(cmts(['kb977203', '-', '--in-place', ...PATCH], { input: xml }).status).toBe(2);
  });

  it('--json has one shape per command, one input or many: {results: [{input, …}], summary}, failures included', () => {
    const d = folder('json', { 'a.xml': EXAMPLE_2007, 'b.xml': EXAMPLE_OBJECT, 'bad.xml': '<sequence' });
    const runs: [string, string[], SchemaFile | undefined][] = [
      ['inspect', ['inspect', '--json'], 'inspect.report.schema.json'],
      ['lint', ['lint', '--json'], 'lint.report.schema.json'],
      ['kb977203', ['kb977203', '--json', '--dry-run', ...PATCH], 'kb977203.report.schema.json'],
      ['transform', ['transform', 'add-reference', '--options', resolve('test/fixtures/transforms/add-reference/adds-to-existing-list/options.json'), '--check', '--json'], undefined],
    ];
    for (const [name, args, schema] of runs) {
      for (const inputs of [[join(d, 'a.xml')], [join(d, 'a.xml'), join(d, 'b.xml'), join(d, 'bad.xml')]]) {
        const r = cmts([...args, ...inputs]);
        const json = JSON.parse(r.stdout) as { results: { input: string; error?: { code: string; file?: string } }[]; summary: Record<string, number> };
        if (schema) {
          const validate = validatorFor(schema);
          expect(validate(json), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
        }
        expect(Object.keys(json).sort(), name).toEqual(['results', 'summary']);
        expect(json.results.map((x) => x.input), name).toEqual(inputs);
        if (inputs.length === 3) expect(json.results[2]!.error, name).toMatchObject({ code: 'XML_MALFORMED', file: join(d, 'bad.xml') });
      }
    }
    const diff = JSON.parse(cmts(['diff', join(d, 'a.xml'), join(d, 'b.xml'), '--json']).stdout) as unknown;
    expect(validatorFor('diff.report.schema.json')(diff)).toBe(true);
    expect(diff).toMatchObject({ results: [{ input: join(d, 'a.xml'), status: 'different' }], summary: { pairs: 1, different: 1 } });
  });

  it('a folder or glob that matches no input is a usage error naming the extensions; convert --to xml over a folder takes its .json files', () => {
    const d = folder('nothing', { 'notes.txt': 'x', 'ts.json': '' });
    const empty = cmts(['lint', d]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/has no input file \(looked for \*\.xml, \*\.zip\)/);
    const glob = cmts(['inspect', join(d, '*')]);
    expect(glob.status).toBe(2);
    expect(glob.stderr).toMatch(/matches no input file \(looked for \*\.xml, \*\.zip\)/);
    const conv = folder('to-xml', { 'a.xml': EXAMPLE_2007 });
    writeFileSync(join(conv, 'a.json'), cmts(['convert', join(conv, 'a.xml'), '--to', 'json']).stdout);
    const r = cmts(['convert', conv, '--to', 'xml', '--out-dir', join(conv, 'out')]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(conv, 'out'))).toEqual(['a.xml']);
    expect(cmts(['convert', d, '--to', 'xml', '--out-dir', join(d, 'out')]).status).toBe(1);
    expect(cmts(['convert', join(dir, 'json'), '--to', 'xml']).stderr).toMatch(/has no input file \(looked for \*\.json\)/);
  });

  it('an option without the one it depends on, or given twice, is a usage error', () => {
    const cases: [string[], RegExp][] = [
      [['inspect', EXAMPLE_2007, '--whitespace'], /--whitespace means something only with --json/],
      [['convert', EXAMPLE_2007, '--to', 'xml', '--whitespace'], /--whitespace means something only with --to json/],
      [['convert', EXAMPLE_2007, '--to', 'json', '--bare'], /--bare means something only with --to xml/],
      [['inspect', EXAMPLE_2007, '--json', '--json'], /--json is given twice/],
      [['kb977203', EXAMPLE_2007, '--dry-run', '--drive', 'C:', '--drive', 'D:', ...PATCH], /--drive is given twice/],
    ];
    for (const [args, message] of cases) {
      const r = cmts(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });

  it('folders are compared like diff -r: a file on one side only is reported and is a difference (exit 1)', () => {
    const l = folder('dl', { 'a.xml': EXAMPLE_2007, 'sub/o.xml': EXAMPLE_OBJECT });
    const r0 = folder('dr', { 'a.xml': EXAMPLE_2007, 'only-right.xml': EXAMPLE_2007 });
    const r = cmts(['diff', l, r0]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`Only in ${r0}: only-right.xml`);
    expect(r.stdout).toContain(`Only in ${l}/sub: o.xml`);
    const json = JSON.parse(cmts(['diff', l, r0, '--json']).stdout) as { results: { input: string; status: string }[] };
    expect(json.results.map((x) => [x.input, x.status])).toEqual([
      ['a.xml', 'same'],
      ['only-right.xml', 'only-in-b'],
      ['sub/o.xml', 'only-in-a'],
    ]);
    expect(cmts(['diff', l, l]).status).toBe(0);
    expect(cmts(['diff', l, EXAMPLE_2007]).status).toBe(2);
  });

  it('convert XML → JSON → XML gives back the same container, properties and sequence; --bare gives a bare <sequence>', () => {
    const d = folder('roundtrip', { '2007.xml': EXAMPLE_2007, 'object.xml': EXAMPLE_OBJECT, 'bare.xml': EXAMPLE_BARE });
    for (const f of ['2007.xml', 'object.xml', 'bare.xml']) {
      const first = cmts(['convert', join(d, f), '--to', 'json', '-o', join(d, `${f}.json`)]);
      expect(first.status, first.stderr).toBe(0);
      const back = cmts(['convert', join(d, `${f}.json`), '--to', 'xml', '-o', join(d, `${f}.back.xml`)]);
      expect(back.status, back.stderr).toBe(0);
      const again = JSON.parse(cmts(['convert', join(d, `${f}.back.xml`), '--to', 'json']).stdout) as Record<string, unknown>;
      const original = JSON.parse(readFileSync(join(d, `${f}.json`), 'utf8')) as Record<string, unknown>;
      expect(again, f).toEqual(original);
      expect(cmts(['diff', join(d, f), join(d, `${f}.back.xml`)]).status, f).toBe(0);
    }
    const object = JSON.parse(readFileSync(join(d, 'object.xml.json'), 'utf8')) as { container: string; properties: Record<string, string>; propertyTypes: Record<string, string> };
    expect(object.container).toBe('cim-instance');
    expect(object.properties.PackageID).toBe('CM100031');
    expect(object.propertyTypes.ProgramFlags).toBe('uint32');
    const bare = cmts(['convert', join(d, '2007.xml.json'), '--to', 'xml', '--bare']);
    expect(bare.stdout).toMatch(/^<sequence version="3\.00">/);
  });

  it('with --whitespace the container comes back byte for byte, qualifiers and all; an edited property changes only itself', () => {
    const d = folder('bytes', { '2007.xml': EXAMPLE_2007, 'object.xml': EXAMPLE_OBJECT });
    for (const f of ['2007.xml', 'object.xml']) {
      expect(cmts(['convert', join(d, f), '--to', 'json', '--whitespace', '-o', join(d, `${f}.json`)]).status).toBe(0);
      expect(cmts(['convert', join(d, `${f}.json`), '--to', 'xml', '-o', join(d, `${f}.back.xml`)]).status).toBe(0);
      expect(readFileSync(join(d, `${f}.back.xml`)).equals(readFileSync(join(d, f))), f).toBe(true);
    }
    const model = JSON.parse(readFileSync(join(d, 'object.xml.json'), 'utf8')) as { properties: Record<string, string> };
    model.properties.Name = 'Renamed & <checked>';
    writeFileSync(join(d, 'edited.json'), JSON.stringify(model));
    const edited = cmts(['convert', join(d, 'edited.json'), '--to', 'xml']);
    expect(edited.status, edited.stderr).toBe(0);
    const original = readFileSync(join(d, 'object.xml'), 'utf8');
    expect(edited.stdout).toBe(original.replace('<VALUE>Windows 7 Replace - Restore (new computer)</VALUE>', '<VALUE>Renamed &amp; &lt;checked&gt;</VALUE>'));
  });

  it('every command names the file in its errors, zip errors included', () => {
    const zip = readFileSync(EXPORT_ZIP);
    const d = folder('trunc', { 'trunc.zip': zip.subarray(0, zip.length - 30) });
    const t = join(d, 'trunc.zip');
    for (const args of [['inspect', t], ['lint', t], ['diff', t, EXAMPLE_2007], ['convert', t, '--to', 'json'], ['kb977203', t, '--dry-run', ...PATCH]]) {
      const r = cmts(args);
      expect(r.stderr, args[0]).toContain(`cmts ${args[0]}: ${t}: ZIP_INVALID `);
      expect(r.status, args[0]).toBe(args[0] === 'diff' ? 2 : 1);
    }
  });

  it('diff prints values as written and an added group as a group', () => {
    const a = '<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="Run"><action>cmd /c "C:\\Tools\\x.cmd"</action></step></sequence>';
    const b = a
      .replace('C:\\Tools\\x.cmd', 'D:\\Tools\\y.cmd')
      .replace('</sequence>', '<group name="New"><step type="SMS_TaskSequence_RunCommandLineAction" name="One"><action>one</action></step><group name="Inner"><step type="SMS_TaskSequence_RebootAction" name="Two"/></group></group></sequence>');
    const d = folder('values', { 'a.xml': a, 'b.xml': b });
    const r = cmts(['diff', join(d, 'a.xml'), join(d, 'b.xml')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('~ step Run command line:\n    - cmd /c "C:\\Tools\\x.cmd"\n    + cmd /c "D:\\Tools\\y.cmd"\n');
    expect(r.stdout).toContain('+ group New\n    + step One (Run Command Line)\n    + group Inner\n        + step Two (Restart Computer)\n');
  });

  it('cmts help <command> is cmts <command> --help; misspellings get "did you mean"', () => {
    for (const c of Object.keys(COMMANDS)) {
      const help = cmts(['help', c]);
      expect(help.status).toBe(0);
      expect(help.stdout).toBe(cmts([c, '--help']).stdout);
    }
    const command = cmts(['inspcet', EXAMPLE_2007]);
    expect(command.status).toBe(2);
    expect(command.stderr).toMatch(/unknown command "inspcet"\. Did you mean inspect\?/);
    const option = cmts(['lint', EXAMPLE_2007, '--stirct']);
    expect(option.status).toBe(2);
    expect(option.stderr).toMatch(/Unknown option '--stirct'\. Did you mean --strict\?/);
    expect(cmts(['lint', EXAMPLE_2007, '--zzzzzz']).stderr).not.toMatch(/Did you mean/);
  });

  it('completion: the bash script completes commands, options and values in bash; the PowerShell script lists them', () => {
    const bash = cmts(['completion', 'bash']);
    expect(bash.status).toBe(0);
    const script = join(dir, 'cmts-completion.bash');
    writeFileSync(script, bash.stdout);
    const complete = (words: string[]) =>
      spawnSync('bash', ['-c', `source "${script}"; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _cmts; echo "\${COMPREPLY[*]}"`], { encoding: 'utf8' }).stdout.trim();
    expect(complete(['cmts', 'ins'])).toBe('inspect');
    expect(complete(['cmts', '']).split(' ').sort()).toEqual([...Object.keys(COMMANDS), 'help', '--help', '--version'].sort());
    expect(complete(['cmts', 'lint', '--st'])).toBe('--strict');
    expect(complete(['cmts', 'convert', '--to', ''])).toBe('json xml yaml');
    expect(complete(['cmts', 'kb977203', '--scenario', 're'])).toBe('refresh replace-capture replace-restore');
    expect(complete(['cmts', 'transform', 'add-r'])).toBe('add-reference');
    expect(complete(['cmts', 'transform', 'kb'])).toBe('kb977203');
    expect(complete(['cmts', 'build', '--'])).toBe('--container --help --max-bytes --max-depth --max-nodes --output');
    expect(complete(['cmts', 'transform', 'add-reference', 'ts.xml', '--opt'])).toBe('--options');
    const ps = cmts(['completion', 'powershell']);
    expect(ps.stdout).toContain('Register-ArgumentCompleter -Native -CommandName cmts');
    for (const o of ['--whitespace', '--strict', '--certfix-package', '--out-dir', '--bare']) expect(ps.stdout).toContain(`'${o}'`);
    expect(cmts(['completion', 'fish']).status).toBe(2);
  });

  it('each command has a man-page-like --help with examples and its exit statuses', () => {
    for (const c of Object.keys(COMMANDS)) {
      const help = cmts([c, '--help']).stdout;
      for (const section of ['NAME', 'SYNOPSIS', 'DESCRIPTION', 'OPTIONS', 'EXAMPLES', 'EXIT STATUS']) expect(help, `${c} ${section}`).toMatch(new RegExp(`^${section}$`, 'm'));
      expect(help).toMatch(new RegExp(`^    cmts ${c} `, 'm'));
    }
  });
});

describe('exit statuses, as the README table gives them', { timeout: 120_000 }, () => {
  const readme = readFileSync(resolve('README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('### Exit status'));
  // For each command, a run that must give 0, one that must give 1 (null: none), one that must give 2.
  const scenarios: Record<string, [string[], string[] | null, string[]]> = {
    inspect: [['inspect', EXAMPLE_2007], ['inspect', 'missing.xml'], ['inspect']],
    lint: [['lint', EXAMPLE_2007], ['lint', resolve('test/fixtures/lint/violations.xml')], ['lint', EXAMPLE_2007, '--nope']],
    diff: [['diff', EXAMPLE_2007, EXAMPLE_2007], ['diff', EXAMPLE_2007, EXAMPLE_OBJECT], ['diff', EXAMPLE_2007, 'missing.xml']],
    convert: [['convert', EXAMPLE_2007, '--to', 'json'], ['convert', 'missing.xml', '--to', 'json'], ['convert', EXAMPLE_2007]],
    kb977203: [['kb977203', EXAMPLE_2007, '--dry-run', ...PATCH], ['kb977203', 'missing.xml', '--dry-run', ...PATCH], ['kb977203', EXAMPLE_2007, ...PATCH]],
    transform: [
      ['transform', 'add-reference', resolve('test/fixtures/transforms/add-reference/adds-to-existing-list/input.xml'), '--options', resolve('test/fixtures/transforms/add-reference/adds-to-existing-list/options.json'), '-o', '-'],
      ['transform', 'add-reference', resolve('test/fixtures/transforms/add-reference/adds-to-existing-list/input.xml'), '--options', resolve('test/fixtures/transforms/add-reference/adds-to-existing-list/options.json'), '--check'],
      ['transform', 'add-reference', EXAMPLE_2007, '--options', resolve('test/fixtures/transforms/add-reference/adds-to-existing-list/options.json'), '-o', EXAMPLE_2007],
    ],
    render: [['render', EXAMPLE_2007], ['render', 'missing.xml'], ['render', EXAMPLE_2007, '--format', 'pdf']],
    build: [['build', resolve('examples/osd-as-code.yaml')], ['build', 'missing.yaml'], ['build', resolve('examples/osd-as-code.yaml'), '-o', resolve('examples/osd-as-code.yaml')]],
    completion: [['completion', 'bash'], null, ['completion']],
  };

  it('every command has its scenarios here (so a new command cannot skip the table)', () => {
    expect(Object.keys(scenarios).sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  for (const [command, [ok, failed, usage]] of Object.entries(scenarios)) {
    it(`cmts ${command}: 0, 1 and 2 mean what the table says`, () => {
      expect(table, 'README has one exit status table with a row for every command').toMatch(new RegExp(`^\\| \`cmts ${command}\` \\|`, 'm'));
      expect(cmts(ok).status).toBe(0);
      if (failed) expect(cmts(failed).status).toBe(1);
      expect(cmts(usage).status).toBe(2);
    });
  }
});
