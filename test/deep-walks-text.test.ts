// The text form at depth: sequenceToText, buildSequence and toYaml walk with explicit stacks, so a sequence nested as
// deep as the reader's raised maxDepth allows converts both ways; fromYaml, whose YAML library composes by recursion,
// refuses nesting beyond its own maxDepth with a typed error (line and column), never a stack overflow.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readTaskSequence, writeTaskSequenceText, type Node, type TaskSequenceDocument } from './helpers/api.js';
import { cmts } from './helpers/cli-process.js';
import { thrown } from './helpers/thrown.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { buildSequence, fromYaml, sequenceToText, toYaml, type TextItem } from '../lib/api/text.js';
import { stringifyYaml } from '../lib/text/yaml-text.js';

const INNER =
  '<step type="SMS_TaskSequence_RunCommandLineAction" name="inner"><action>cmd</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd</variable></defaultVarList></step>';

/** A bare sequence of `n` nested groups named g0…g(n-1), the innermost holding one Run Command Line step. */
function nestedXml(n: number): string {
  let open = '';
  for (let i = 0; i < n; i++) open += `<group name="g${i}">`;
  return `<sequence version="3.00">${open}${INNER}${'</group>'.repeat(n)}</sequence>`;
}

/** The groups from the sequence down its first items, and the item below the last group. */
function chain(doc: TaskSequenceDocument): { names: string[]; innermost: Node | undefined } {
  const names: string[] = [];
  let node: Node | undefined = doc.sequence.children.find((c) => c.kind === 'group');
  while (node?.kind === 'group') {
    names.push(node.attributes.name ?? '');
    node = node.children.find((c) => c.kind === 'group' || c.kind === 'step');
  }
  return { names, innermost: node };
}

const expectChain = (doc: TaskSequenceDocument, n: number) => {
  const { names, innermost } = chain(doc);
  expect(names.length).toBe(n);
  expect(names.every((name, i) => name === `g${i}`)).toBe(true);
  expect(innermost?.kind).toBe('step');
  expect(innermost?.kind === 'step' && innermost.attributes).toMatchObject({ type: 'SMS_TaskSequence_RunCommandLineAction', name: 'inner' });
};

/** Text-form YAML in flow style (linear in size at any depth): `n` nested groups around one step. */
const flowYaml = (n: number) => `steps: ${'[{group: g, steps: '.repeat(n)}[{step: Run Command Line, name: s, settings: {commandLine: cmd}}]${'}]'.repeat(n)}\n`;

describe('the text form at depth', { timeout: 120_000 }, () => {
  it('5,000 nested groups: export → text form → buildSequence gives the same sequence, byte for byte', () => {
    const n = 5000;
    const xml = nestedXml(n);
    const doc = readTaskSequence(xml, { maxDepth: n + 10 });
    const text = sequenceToText(doc);
    let depth = 0;
    for (let items: TextItem[] | undefined = text.steps; items?.[0] && 'group' in items[0]; items = items[0].steps) depth++;
    expect(depth).toBe(n);
    const built = buildSequence(text);
    expectChain(built, n);
    // Groups written without a description keep exactly their attributes, so the build writes the input again.
    expect(writeTaskSequenceText(built)).toBe(xml);
  });

  it('buildSequence builds 20,000 nested groups of plain text data', () => {
    const n = 20_000;
    const root: TextItem = { group: 'g0' };
    let group = root as { group: string; steps?: TextItem[] };
    for (let i = 1; i < n; i++) {
      const child = { group: `g${i}` };
      group.steps = [child];
      group = child;
    }
    group.steps = [{ step: 'Run Command Line', name: 'inner', settings: { commandLine: 'cmd' } }];
    expectChain(buildSequence({ steps: [root] }), n);
  });

  it('toYaml writes a long list a few items at a time, and the pieces join into the text the library writes in one', () => {
    // Lists at every level: steps, groups' steps, variables, successCodes, and a list of lists.
    const doc = readTaskSequence(readFileSync(join(FIXTURES_DIR, 'kb977203', 'refresh-2007-crlf', 'input.xml')));
    const text = { ...sequenceToText(doc), extra: [[1, 2, 3], [], [{ a: [4, 5] }], 'x'] };
    const whole = stringify(text, { lineWidth: 0, minContentWidth: 0 });
    expect(whole.split('\n').filter((l) => /^ *- /.test(l)).length).toBeGreaterThan(10);
    for (const chunk of [1, 2, 3, 7]) for (const depth of [1, 2, 64]) expect(stringifyYaml(text, depth, chunk), `chunk ${chunk}, depth ${depth}`).toBe(whole);
    const list = Array.from({ length: 25 }, (_, i) => ({ step: `s${i}`, codes: [i, i + 1] }));
    expect(stringifyYaml(list, 64, 4)).toBe(stringify(list, { lineWidth: 0, minContentWidth: 0 }));
  });

  it('toYaml writes 1,000 nested groups (beyond the YAML library writer), each level as the library writes one', () => {
    // Written in slices joined by indentation, the text is what the library writes in one piece, slicing at any level.
    const doc = readTaskSequence(nestedXml(60), { maxDepth: 100 });
    const text = { ...sequenceToText(doc), variables: [{ name: 'V', value: 'two\n\nlines\n' }], attributes: { 'a: b': '- c', d: 'cmts-slice-0' } };
    const whole = stringify(text, { lineWidth: 0, minContentWidth: 0 });
    for (const depth of [1, 2, 3, 64]) expect(stringifyYaml(text, depth)).toBe(whole);
    expect(stringifyYaml([[['x', { k: [['v']] }]], {}, []], 1)).toBe(stringify([[['x', { k: [['v']] }]], {}, []], { lineWidth: 0, minContentWidth: 0 }));
    const n = 1000;
    const yaml = toYaml(readTaskSequence(nestedXml(n), { maxDepth: n + 10 }));
    // The library's own text for one group: the head, the group's lines, then its step's lines.
    const one = toYaml(readTaskSequence(nestedXml(1))).split('\n');
    const first = one.indexOf('  - group: g0');
    const stepAt = one.indexOf('    steps:') + 1;
    const groupLines = one.slice(first, stepAt);
    const expected = [...one.slice(0, first)];
    for (let i = 0; i < n; i++) expected.push(...groupLines.map((l) => ' '.repeat(4 * i) + l.replace(/\bg0$/, `g${i}`)));
    expected.push(...one.slice(stepAt).map((l) => (l === '' ? l : ' '.repeat(4 * (n - 1)) + l)));
    expect(groupLines).toHaveLength(4);
    expect(yaml).toBe(expected.join('\n'));
    // Read back where the YAML library's recursive composer reaches: 260 groups, past the default limit of fromYaml.
    const shallower = toYaml(readTaskSequence(nestedXml(260), { maxDepth: 270 }));
    expect(thrown(() => fromYaml(shallower)).code).toBe('TEXT_TOO_DEEP');
    expectChain(fromYaml(shallower, { maxDepth: 600 }), 260);
  });

  it('fromYaml refuses 5,000 nested groups with TEXT_TOO_DEEP and the line and column, not a stack overflow', () => {
    const yaml = flowYaml(5000);
    const e = thrown(() => fromYaml(yaml));
    expect(e.code).toBe('TEXT_TOO_DEEP');
    expect(e.message).toBe('The text nests mappings and lists deeper than 512 levels (option maxDepth).');
    // The 513th collection: the document's mapping, its steps list, then a mapping and a list per group.
    const at = yaml.split('[{group: g, steps: ', 256).join('[{group: g, steps: ').length;
    expect(e.linePos).toEqual({ line: 1, col: at + 2 }); // its `{`, after the 256th list's `[`
    // A raised limit reads past the default, as far as the YAML library's recursive composer reaches.
    expect(thrown(() => fromYaml(flowYaml(260))).code).toBe('TEXT_TOO_DEEP');
    expect(chain(fromYaml(flowYaml(260), { maxDepth: 600 })).names.length).toBe(260);
  });

  it('fromYaml reads nesting exactly at maxDepth and refuses one level more', () => {
    // The document mapping, its steps list, 2 per group, then the step's mapping and its settings: 2n + 4 levels.
    expect(chain(fromYaml(flowYaml(254))).names.length).toBe(254);
    expect(thrown(() => fromYaml(flowYaml(255))).code).toBe('TEXT_TOO_DEEP');
    expect(chain(fromYaml(flowYaml(10), { maxDepth: 24 })).names.length).toBe(10);
    expect(thrown(() => fromYaml(flowYaml(10), { maxDepth: 23 })).code).toBe('TEXT_TOO_DEEP');
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(thrown(() => fromYaml(flowYaml(1), { maxDepth: bad })).code).toBe('INVALID_ARGUMENT');
  });

  it('cmts build refuses too deep YAML with TEXT_TOO_DEEP and its place, writing nothing (exit 1)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmts-deep-text-'));
    try {
      const input = join(dir, 'deep.yaml');
      const output = join(dir, 'deep.xml');
      writeFileSync(input, `# deep\n${flowYaml(5000)}`);
      const r = cmts(['build', input, '-o', output]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('TEXT_TOO_DEEP');
      expect(r.stderr).toContain(`${input}:2:`);
      expect(r.stderr).not.toContain('RangeError');
      expect(existsSync(output)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
