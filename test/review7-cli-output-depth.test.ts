// What the command line prints for a sequence nested deep. Before, each line of `inspect`'s tree and of the JSON
// reports was indented by its depth, so 5,000 nested groups printed a 38 MB tree and a 451 MB `inspect --json` report
// (1 GB of memory, 18 s), and 20,000 were refused as longer than a string. Now the indentation stops at a fixed level
// (the tree says each deeper item's level), so the text grows with the items.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTaskSequence } from '../lib/index.js';
import { renderTree, TREE_INDENT_LEVELS } from '../lib/cli/inspect.js';
import { JSON_INDENT_LEVELS, jsonText } from '../lib/cli/json-text.js';
import { runCli } from './helpers/run-cli.js';

const run = runCli;

const STEP = '<step type="SMS_TaskSequence_RunCommandLineAction" name="s"><action>cmd</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd</variable></defaultVarList></step>';

/** A chain of `depth` groups around one step. */
function chain(depth: number): string {
  return `<sequence version="3.00">${'<group name="g">'.repeat(depth)}${STEP}${'</group>'.repeat(depth)}</sequence>`;
}

const dir = mkdtempSync(join(tmpdir(), 'cmts-review7-depth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('inspect at depth: the tree grows with the items', { timeout: 60_000 }, () => {
  const DEPTH = 3000;

  it('indents to TREE_INDENT_LEVELS and marks each deeper item with its level', () => {
    const lines = renderTree(readTaskSequence(chain(DEPTH), { maxDepth: DEPTH + 10 }), 'deep.xml').split('\n');
    expect(lines).toHaveLength(DEPTH + 4);
    const column = 3 * (TREE_INDENT_LEVELS - 1);
    expect(lines[TREE_INDENT_LEVELS]).toBe(`${' '.repeat(column)}└─ g  (group)`);
    expect(lines[TREE_INDENT_LEVELS + 1]).toBe(`${' '.repeat(column)}└─ [level ${TREE_INDENT_LEVELS + 1}] g  (group)`);
    expect(lines[DEPTH + 1]).toBe(`${' '.repeat(column)}└─ [level ${DEPTH + 1}] s  (Run Command Line)`);
    expect(lines[DEPTH + 2]).toBe(`${' '.repeat(column)}      command line: cmd`);
    // No line is longer than the deepest indentation and its label: the whole tree is linear in the items.
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(column + 60);
  });

  it('cmts inspect prints 3,000 nested groups in one line each, exit 0', async () => {
    const r = await run(['inspect', file('deep.xml', chain(DEPTH)), '--max-depth', String(DEPTH + 10)]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeLessThan((DEPTH + 4) * (3 * TREE_INDENT_LEVELS + 60));
  });
});

describe('--json at depth: the report grows with the values', { timeout: 60_000 }, () => {
  it('jsonText indents to JSON_INDENT_LEVELS, and the text is the same value', () => {
    let deep: unknown = 0;
    for (let i = 0; i < 7000; i++) deep = [deep];
    const text = jsonText(deep);
    const lines = text.split('\n');
    expect(lines).toHaveLength(2 * 7000 + 1);
    expect(lines[JSON_INDENT_LEVELS]).toBe(`${'  '.repeat(JSON_INDENT_LEVELS)}[`);
    expect(lines[JSON_INDENT_LEVELS + 1]).toBe(`${'  '.repeat(JSON_INDENT_LEVELS)}[`);
    expect(lines[7000]).toBe(`${'  '.repeat(JSON_INDENT_LEVELS)}0`);
    expect(Math.max(...lines.map((l) => l.length))).toBe(2 * JSON_INDENT_LEVELS + 1);
    expect(text.replace(/\s/g, '')).toBe(`${'['.repeat(7000)}0${']'.repeat(7000)}`);
  });

  it('jsonText of a value no deeper than JSON_INDENT_LEVELS is JSON.stringify(value, null, 2)', () => {
    let value: unknown = { a: [1, 'two', null] };
    for (let i = 0; i < JSON_INDENT_LEVELS - 2; i++) value = [value];
    expect(jsonText(value)).toBe(JSON.stringify(value, null, 2));
  });

  it('cmts inspect --json of 2,000 nested groups: the model at any depth, in a report that grows with it', async () => {
    const r = await run(['inspect', file('deep-json.xml', chain(2000)), '--json', '--max-depth', '2100']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { results: { model: { sequence: { children: unknown[] } } }[] };
    let node = report.results[0]?.model.sequence as { children: { kind: string; children?: unknown[] }[] };
    let groups = 0;
    for (let g = node.children.find((c) => c.kind === 'group'); g !== undefined; g = node.children.find((c) => c.kind === 'group')) {
      groups++;
      node = g as typeof node;
    }
    expect(groups).toBe(2000);
    // Indented by depth, the report was 72 MB.
    expect(r.stdout.length).toBeLessThan(4_000_000);
  });
});

