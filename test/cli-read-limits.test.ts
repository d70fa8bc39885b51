// --max-bytes / --max-nodes / --max-depth on the command line: every command that reads task sequences takes them, a
// bad value is a usage error, and the limit is the reader's own (a file one byte over is refused before it is read,
// one at the limit reads); a refusal names the flag that raises it. `cmts build` takes them for its YAML text, and
// `render` (and `kb977203 --html`) take --max-items for a page.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliFiles } from './helpers/cli-files.js';
import { cmts } from './helpers/cli-process.js';
import { FIXTURES_DIR } from './helpers/corpus.js';

const INPUT = readFileSync(join(FIXTURES_DIR, 'kb977203', 'refresh-2007-crlf', 'input.xml'));
const COMMANDS = ['inspect', 'lint', 'diff', 'convert', 'render', 'kb977203', 'transform'];

// One folder for every test here, with the export they read; what they write has a name of its own.
const files = cliFiles({ 'ts.xml': INPUT });
let dir: string;
let file: string;
beforeAll(() => {
  dir = files.at();
  file = files.at('ts.xml');
});

describe('--max-bytes and --max-nodes', { timeout: 120_000 }, () => {

  it('a file one byte over --max-bytes is refused with INPUT_TOO_LARGE naming it (exit 1)', () => {
    const r = cmts(['inspect', file, '--max-bytes', String(INPUT.length - 1)]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`INPUT_TOO_LARGE ${file} is ${INPUT.length} bytes; the limit is ${INPUT.length - 1} bytes (--max-bytes).`);
    expect(r.stdout).toBe('');
  });

  it('a file exactly at --max-bytes reads, and so does standard input', () => {
    expect(cmts(['inspect', file, '--max-bytes', String(INPUT.length)]).status).toBe(0);
    expect(cmts(['lint', '-', '--max-bytes', String(INPUT.length)], { input: INPUT }).status).not.toBe(2);
    const over = cmts(['inspect', '-', '--max-bytes', String(INPUT.length - 1)], { input: INPUT });
    expect(over.status).toBe(1);
    expect(over.stderr).toMatch(/INPUT_TOO_LARGE \(standard input\) is over \d+ bytes/);
  });

  it('--max-nodes refuses a sequence with more markup items than it allows', () => {
    const r = cmts(['lint', file, '--max-nodes', '10']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/INPUT_TOO_LARGE .*markup items.*the limit is 10 \(--max-nodes\)/);
    expect(cmts(['inspect', file, '--max-nodes', '3000000']).status).toBe(0);
  });

  it('a value that is not a positive whole number is a usage error (exit 2) in every command', () => {
    for (const command of COMMANDS) {
      for (const bad of ['0', '-5', '10k', '1e3', '']) {
        const r = cmts([command, file, '--max-bytes', bad]);
        expect(r.status, `${command} --max-bytes '${bad}'`).toBe(2);
        // '-5' is refused by the parser itself (it looks like an option), the others by the check of the value.
        if (bad !== '-5') expect(r.stderr).toContain(`--max-bytes takes a positive whole number, not "${bad}".`);
      }
      const r = cmts([command, file, '--max-nodes', 'many']);
      expect(r.status, `${command} --max-nodes`).toBe(2);
      const d = cmts([command, file, '--max-depth', '0']);
      expect(d.status, `${command} --max-depth`).toBe(2);
      expect(d.stderr).toContain('--max-depth takes a positive whole number, not "0".');
    }
  });

  it('--max-depth refuses elements nested deeper, naming the flag, and the default reads an export', () => {
    const r = cmts(['inspect', file, '--max-depth', '3']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/XML_TOO_DEEP Elements are nested deeper than 3 levels \(--max-depth\)\./);
    expect(r.stderr).toMatch(/ts\.xml:\d+:\d+: /);
    expect(cmts(['inspect', file]).status).toBe(0);
    // The batch's worker threads read with the same limits and say the same.
    const folder = join(dir, 'many');
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder);
    for (const n of [1, 2, 3]) writeFileSync(join(folder, `ts${n}.xml`), INPUT);
    const batch = cmts(['kb977203', folder, '--certfix-package', 'ABC00010', '--dry-run', '--jobs', '2', '--max-depth', '3', '--json']);
    const results = JSON.parse(batch.stdout).results as { error?: { code: string; message: string } }[];
    expect(results).toHaveLength(3);
    for (const res of results) expect(res.error?.message).toBe('Elements are nested deeper than 3 levels (--max-depth).');
  });

  it('every command that reads sequences lists the flags and their defaults in --help', () => {
    for (const command of COMMANDS) {
      const help = cmts([command, '--help']).stdout;
      expect(help, command).toMatch(/--max-bytes <n>\s+refuse .*67108864/);
      expect(help, command).toMatch(/--max-nodes <n>\s+refuse .*3000000/);
      expect(help, command).toMatch(/--max-depth <n>\s+refuse .*256/);
    }
  });
});

describe('--max-items: the steps and groups a rendered page shows', { timeout: 120_000 }, () => {

  it('render refuses a sequence with more, naming the flag, and writes nothing; enough renders it', () => {
    const page = join(dir, 'page.html');
    const r = cmts(['render', file, '-o', page, '--max-items', '2']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('INPUT_TOO_LARGE The sequence has more than 2 steps and groups, more than a page shows (--max-items)');
    expect(existsSync(page)).toBe(false);
    const compare = cmts(['render', '--compare', file, file, '--max-items', '2']);
    expect(compare.status).toBe(1);
    expect(compare.stderr).toContain('(--max-items)');
    expect(cmts(['render', file, '-o', page, '--max-items', '200']).status).toBe(0);
    expect(readFileSync(page, 'utf8')).toContain('Setup Windows and ConfigMgr');
  });

  it('kb977203 takes it with --html only, and then refuses the page and writes none', () => {
    const page = join(dir, 'review.html');
    const alone = cmts(['kb977203', file, '--certfix-package', 'ABC00010', '--dry-run', '--max-items', '2']);
    expect(alone.status).toBe(2);
    expect(alone.stderr).toContain('--max-items means something only with --html.');
    const r = cmts(['kb977203', file, '--certfix-package', 'ABC00010', '--dry-run', '--html', page, '--max-items', '2']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('(--max-items)');
    expect(existsSync(page)).toBe(false);
    expect(cmts(['kb977203', file, '--certfix-package', 'ABC00010', '--dry-run', '--html', page, '--max-items', '200']).status).toBe(0);
    expect(existsSync(page)).toBe(true);
  });

  it('a value that is not a positive whole number is a usage error', () => {
    for (const argv of [['render', file, '--max-items', '0'], ['kb977203', file, '--certfix-package', 'ABC00010', '--dry-run', '--html', join(dir, 'x.html'), '--max-items', 'lots']]) {
      const r = cmts(argv);
      expect(r.status, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/--max-items takes a positive whole number/);
    }
  });
});

describe('cmts build: --max-bytes, --max-nodes and --max-depth for its YAML text', { timeout: 120_000 }, () => {
  let yaml: string;
  beforeAll(() => {
    yaml = files.at('ts.yaml');
    expect(cmts(['convert', file, '--to', 'yaml', '-o', yaml]).status).toBe(0);
  });

  it('each refuses a text over it, naming the flag, and writes nothing', () => {
    const out = join(dir, 'out.xml');
    const size = readFileSync(yaml).length;
    const cases: [string, string, RegExp][] = [
      ['--max-bytes', String(size - 1), new RegExp(`INPUT_TOO_LARGE .*is ${size} bytes; the limit is ${size - 1} bytes \\(--max-bytes\\)`)],
      ['--max-nodes', '10', /INPUT_TOO_LARGE The text has more than 10 places where a YAML item, tag, anchor or alias can start \(--max-nodes\)/],
      ['--max-depth', '3', /TEXT_TOO_DEEP The text nests mappings and lists deeper than 3 levels \(--max-depth\)/],
    ];
    for (const [flag, value, message] of cases) {
      const r = cmts(['build', yaml, '-o', out, flag, value]);
      expect(r.status, flag).toBe(1);
      expect(r.stderr, flag).toMatch(message);
      expect(existsSync(out), flag).toBe(false);
    }
    expect(cmts(['build', yaml, '-o', out, '--max-bytes', String(size), '--max-nodes', '100000', '--max-depth', '64']).status).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(cmts(['build', yaml, '--max-nodes', 'x']).status).toBe(2);
  });

  it('builds a text nested deeper than the XML reader\'s default when --max-depth allows it (the result is read back within what it is)', () => {
    // 300 groups, one in the next: 600 levels of YAML (a mapping and its steps list each), 302 of XML (over 256).
    let text = 'steps:\n';
    let indent = '';
    for (let i = 0; i < 300; i++) {
      text += `${indent}  - group: G${i}\n${indent}    steps:\n`;
      indent += '    ';
    }
    text += `${indent}  - step: Restart Computer\n${indent}    name: Innermost\n${indent}    settings:\n${indent}      target: WinPE\n`;
    const deep = join(dir, 'deep.yaml');
    writeFileSync(deep, text);
    const refused = cmts(['build', deep]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('(--max-depth)');
    const r = cmts(['build', deep, '--max-depth', '700']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('name="Innermost"');
    expect(r.stdout.split('<group ').length - 1).toBe(300);
    // Deeper than the YAML library's recursion goes, whatever --max-depth allows: TEXT_TOO_DEEP, not "invalid YAML".
    let deeper = 'steps:\n';
    let at = '';
    for (let i = 0; i < 1500; i++) {
      deeper += `${at}  - group: G${i}\n${at}    steps:\n`;
      at += '    ';
    }
    deeper += `${at}  - step: Restart Computer\n`;
    writeFileSync(deep, deeper);
    const beyond = cmts(['build', deep, '--max-depth', '100000']);
    expect(beyond.status).toBe(1);
    expect(beyond.stderr).toMatch(/TEXT_TOO_DEEP The text nests mappings and lists deeper than the YAML library can read/);
  });

  it('convert --to xml holds a JSON model to the flags: its file to --max-bytes, its sequence to --max-nodes and --max-depth', () => {
    const json = join(dir, 'ts.json');
    expect(cmts(['convert', join(dir, 'ts.xml'), '--to', 'json', '-o', json]).status).toBe(0);
    const size = readFileSync(json).length;
    const cases: [string, string, RegExp][] = [
      ['--max-bytes', String(size - 1), /INPUT_TOO_LARGE .*the limit is \d+ bytes \(--max-bytes\)/],
      ['--max-nodes', '10', /INPUT_TOO_LARGE .*the limit is 10 \(--max-nodes\)/],
      ['--max-depth', '3', /XML_TOO_DEEP .*deeper than 3 levels \(--max-depth\)/],
    ];
    for (const [flag, value, message] of cases) {
      const r = cmts(['convert', json, '--to', 'xml', flag, value]);
      expect(r.status, flag).toBe(1);
      expect(r.stderr, flag).toMatch(message);
    }
    expect(cmts(['convert', json, '--to', 'xml', '--max-bytes', String(size), '--max-depth', '64']).status).toBe(0);
    // A model deeper than the reader's default converts back when --max-depth allows it.
    const groups = Array.from({ length: 300 }, (_, i) => `<group name="g${i}">`).join('');
    const deepXml = join(dir, 'deep.xml');
    writeFileSync(deepXml, `<sequence version="3.10">${groups}<step type="SMS_TaskSequence_RebootAction" name="r"><action>smsboot.exe /target:HD</action></step>${'</group>'.repeat(300)}</sequence>`);
    const deepJson = join(dir, 'deep.json');
    expect(cmts(['convert', deepXml, '--to', 'json', '-o', deepJson, '--max-depth', '400']).status).toBe(0);
    expect(cmts(['convert', deepJson, '--to', 'xml']).stderr).toMatch(/XML_TOO_DEEP .*\(--max-depth\)/);
    const back = cmts(['convert', deepJson, '--to', 'xml', '--max-depth', '400']);
    expect(back.status).toBe(0);
    expect(back.stdout.split('<group ').length - 1).toBe(300);
    expect(back.stdout).toContain('name="g299"');
    // Refused from the JSON, before any XML is made: indented, 50,000 levels of XML would take gigabytes.
    const chain = (n: number) => {
      const open = '{"kind":"group","tag":"group","attributes":{"name":"x"},"children":['.repeat(n);
      return `{"format":"cmts.task-sequence","version":1,"container":"sequence","encoding":{"encoding":"utf-8","bom":false},"properties":{},"sequence":{"kind":"sequence","tag":"sequence","attributes":{"version":"3.00"},"children":[${open}${']}'.repeat(n)}]}}`;
    };
    const chainJson = join(dir, 'chain.json');
    writeFileSync(chainJson, chain(50_000));
    const refused = cmts(['convert', chainJson, '--to', 'xml', '--max-depth', '1000']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/XML_TOO_DEEP Elements are nested deeper than 1000 levels \(--max-depth\)/);
  });
});
