// The model is plain data, so a script can put a number where a name is, null where a value is, or a string where a
// node is, deep inside a step. What reads values all through the tree (listing the items, lint, render, the KB977203
// preset and its check and revert, diff, the text form) refuses such a tree with a typed INVALID_ARGUMENT before it
// starts, naming the node; the writers refuse it as OUTPUT_MALFORMED. Each of these threw a TypeError part-way, and
// the preset's apply left the edits it had made before the TypeError in the document while its check reported none
// of the trouble: now it refuses before its first edit. What no plan can foresee (an array a script froze) is undone
// when the preset runs in doc.apply.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  addStep,
  applyKb977203,
  assertValid,
  checkKb977203,
  diffTaskSequences,
  findHotfixInstallSteps,
  lint,
  readTaskSequence,
  renderComparison,
  renderSequence,
  revertKb977203,
  sequenceToXml,
  STEP_TYPES,
  toYaml,
  type TaskSequenceDocument,
} from './helpers/api.js';
import { thrown, verdict } from './helpers/thrown.js';
import type { Element, Parent } from '../lib/model/types.js';

const SOURCE = readFileSync(new URL('../examples/refresh-2007.xml', import.meta.url));
const OPTIONS = { certfixPackage: 'CM100010' };
const read = (): TaskSequenceDocument => readTaskSequence(SOURCE);
const setupOf = (doc: TaskSequenceDocument) => doc.steps({ type: STEP_TYPES.setupWindowsAndConfigMgr })[0] as NonNullable<ReturnType<TaskSequenceDocument['steps']>[0]>;
const varList = (step: Parent): Parent => step.children.find((c) => c.kind === 'variableList') as unknown as Parent;
const firstVariable = (step: Parent): Element => varList(step).children.find((c) => c.kind === 'variable') as unknown as Element;

/** Ways a script can spoil a tree deep down, each a value where the model has a string, or no node among children. */
const SPOILERS: [string, (doc: TaskSequenceDocument) => void][] = [
  // The root of the walk itself, not only what is under it.
  ['the sequence’s children that are null', (doc) => ((doc.sequence as unknown as { children: unknown }).children = null)],
  ['the sequence’s attributes that are null', (doc) => ((doc.sequence as unknown as { attributes: unknown }).attributes = null)],
  ['the sequence’s version that is a number', (doc) => ((doc.sequence.attributes as Record<string, unknown>).version = 5)],
  ['a node of a step’s kind with no tag', (doc) => (doc.sequence.children as unknown[]).push({ kind: 'step', attributes: {}, children: [] })],
  [
    'a name a step’s attributes inherit that is a number',
    (doc) => {
      const attributes = doc.steps()[0]?.node.attributes as Record<string, unknown>;
      delete attributes.name;
      Object.setPrototypeOf(attributes, { name: 5 });
    },
  ],
  ['a step name that is a number', (doc) => ((doc.steps()[0]?.node.attributes as Record<string, unknown>).name = 123)],
  ['a variable value that is a number', (doc) => ((firstVariable(setupOf(doc).node) as unknown as { value: unknown }).value = 10240)],
  ['an action value that is null', (doc) => ((doc.steps()[0]?.node.children.find((c) => c.kind === 'action') as unknown as { value: unknown }).value = null)],
  ['an attribute value that is undefined', (doc) => ((firstVariable(setupOf(doc).node).attributes as Record<string, unknown>).property = undefined)],
  ['null among a step’s children', (doc) => (doc.steps()[0]?.node.children as unknown[]).push(null)],
  ['a string among a variable list’s children', (doc) => (varList(setupOf(doc).node).children as unknown[]).push('x')],
  ['a group whose children are null', (doc) => ((doc.groups()[0]?.node as unknown as { children: unknown }).children = null)],
  ['an element whose attributes are null', (doc) => ((firstVariable(setupOf(doc).node) as unknown as { attributes: unknown }).attributes = null)],
];

describe('a value that is no string, or a child that is no node, deep in the tree', () => {
  for (const [what, spoil] of SPOILERS) {
    it(`is refused, typed, by every walk that reads values (${what})`, () => {
      const walks: [string, (doc: TaskSequenceDocument) => unknown][] = [
        ['lint', (doc) => lint(doc)],
        ['renderSequence', (doc) => renderSequence(doc)],
        ['renderComparison', (doc) => renderComparison(read(), doc)],
        ['checkKb977203', (doc) => checkKb977203(doc, OPTIONS)],
        ['applyKb977203', (doc) => applyKb977203(doc, OPTIONS)],
        ['revertKb977203', (doc) => revertKb977203(doc, OPTIONS)],
        ['findHotfixInstallSteps', (doc) => findHotfixInstallSteps(doc.sequence)],
        ['diffTaskSequences', (doc) => diffTaskSequences(read(), doc)],
        ['toYaml', (doc) => toYaml(doc)],
      ];
      for (const [name, walk] of walks) {
        const doc = read();
        // Spoiled after the listing it may use, as a script would.
        spoil(doc);
        const before = structuredClone(doc.xml);
        expect([name, verdict(() => walk(doc))]).toEqual([name, 'INVALID_ARGUMENT']);
        // Refused before any edit: the whole tree is as it was (a nested edit, the PATCH value or a step inserted in
        // a group, would show).
        expect(doc.xml).toEqual(before);
      }
      // Writing it is the writer's refusal.
      const doc = read();
      spoil(doc);
      expect(verdict(() => doc.toBytes())).toBe('OUTPUT_MALFORMED');
      expect(verdict(() => sequenceToXml(doc.sequence))).toBe('OUTPUT_MALFORMED');
    });
  }

  it('in the package around the sequence, is refused by every walk of the whole document (diff, the text form, the JSON model too)', async () => {
    const { toModelJson } = await import('../lib/model/json.js');
    const { sequenceToText } = await import('../lib/text/to-text.js');
    const walks: [string, (doc: TaskSequenceDocument) => unknown][] = [
      ['lint', (doc) => lint(doc)],
      ['renderSequence', (doc) => renderSequence(doc)],
      ['applyKb977203', (doc) => applyKb977203(doc, OPTIONS)],
      ['diffTaskSequences', (doc) => diffTaskSequences(read(), doc)],
      ['toYaml', (doc) => toYaml(doc)],
      ['sequenceToText', (doc) => sequenceToText(doc)],
      ['toModelJson', (doc) => toModelJson(doc)],
    ];
    for (const [name, walk] of walks) {
      const doc = read();
      const root = doc.xml.children.find((c) => 'tag' in c) as Element;
      (root.attributes as Record<string, unknown>).spoilt = 5;
      const e = thrown(() => walk(doc));
      expect([name, e.code, e.path]).toEqual([name, 'INVALID_ARGUMENT', '/SmsTaskSequencePackage[1]']);
    }
  });

  it('names the node by its path and says what it holds', () => {
    const doc = read();
    (firstVariable(setupOf(doc).node) as unknown as { value: unknown }).value = 10240;
    const e = thrown(() => applyKb977203(doc, OPTIONS));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toMatch(/\/variable\[1\] cannot be read: its value is a number, not a string/);
    expect(e.path).toMatch(/\/sequence\[1\]\/group\[\d+\]\/.*step\[\d+\]\/defaultVarList\[1\]\/variable\[1\]$/);
  });

  it('is named by the item when listing the steps meets it (a name that is a number)', () => {
    const doc = read();
    (doc.steps()[0]?.node.attributes as Record<string, unknown>).name = 123;
    const e = thrown(() => doc.steps());
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toMatch(/^The step at index \d+ .*cannot be listed: its name is a number, not a string/);
    expect(verdict(() => doc.groups())).toBe('INVALID_ARGUMENT');
  });

  it('leaves the same tree with strings alone: the check walks it and every walk reads it', () => {
    const doc = read();
    expect(lint(doc).length).toBeGreaterThan(0);
    expect(checkKb977203(doc, OPTIONS).changed).toBe(true);
    expect(applyKb977203(doc, OPTIONS).changed).toBe(true);
    expect(revertKb977203(doc, OPTIONS).changed).toBe(true);
  });
});

describe('the KB977203 preset against what no plan can see (an array a script froze)', () => {
  it('run in doc.apply, is all or nothing: the document is put back, and the error thrown on', () => {
    const doc = read();
    const setup = setupOf(doc);
    const before = (firstVariable(setup.node) as unknown as { value: string }).value;
    // The PATCH edit comes first and succeeds; the insertion after Setup meets the frozen array.
    Object.freeze(setup.parent.children);
    expect(verdict(() => doc.apply((d) => void applyKb977203(d, OPTIONS)))).toMatch(/TypeError/);
    expect(Buffer.compare(Buffer.from(doc.toBytes()), SOURCE)).toBe(0);
    expect((firstVariable(setup.node) as unknown as { value: string }).value).toBe(before);
  });

  it('as is its revert', () => {
    const applied = read();
    applyKb977203(applied, OPTIONS);
    const bytes = Buffer.from(applied.toBytes());
    const doc = readTaskSequence(bytes);
    const certfix = doc.steps({ name: 'Run CCMCertFix (KB977203)' })[0];
    expect(certfix).toBeDefined();
    Object.freeze(certfix?.parent.children);
    expect(verdict(() => doc.apply((d) => void revertKb977203(d, OPTIONS)))).toMatch(/TypeError/);
    expect(Buffer.compare(Buffer.from(doc.toBytes()), bytes)).toBe(0);
  });
});

describe('arguments a plain-JavaScript caller gets wrong', () => {
  it('a query takes a pattern for the type too, and one made in another realm', async () => {
    const doc = read();
    expect(doc.steps({ type: /RebootAction$/ }).length).toBeGreaterThan(0);
    const { runInNewContext } = await import('node:vm');
    expect(doc.steps({ name: runInNewContext('/Setup/') as RegExp }).length).toBeGreaterThan(0);
  });

  it('are refused, typed, not met as a TypeError', () => {
    expect(verdict(() => readTaskSequence(SOURCE, null as never))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => readTaskSequence(SOURCE, 5 as never))).toBe('INVALID_ARGUMENT');
    const doc = read();
    expect(verdict(() => addStep(doc, 5 as never, {} as never, { after: doc.steps()[0]?.node as never }))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => doc.steps({ name: 5 as never }))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => doc.groups({ path: {} as never }))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => doc.find({ enabled: 'yes' as never }))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => doc.steps(7 as never))).toBe('INVALID_ARGUMENT');
    // A RegExp and a predicate still select.
    expect(doc.steps({ name: /Setup/ }).length).toBeGreaterThan(0);
    expect(doc.steps(() => true).length).toBe(doc.steps().length);
  });

  it('bytes whose buffer was transferred away are refused as such', () => {
    const bytes = new Uint8Array(SOURCE);
    structuredClone(bytes.buffer, { transfer: [bytes.buffer] });
    const e = thrown(() => readTaskSequence(bytes));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toMatch(/detached/);
    // An empty view of a live buffer is no detached one: it is read (and refused as empty input).
    expect(verdict(() => readTaskSequence(new Uint8Array(0)))).not.toBe('INVALID_ARGUMENT');
  });

  it('a BigInt option is OPTIONS_INVALID, its value shown', () => {
    const doc = read();
    for (const options of [{ ...OPTIONS, scenario: 10n }, { ...OPTIONS, clientVersion: 10n }]) {
      const e = thrown(() => applyKb977203(doc, options as never));
      expect(e.code).toBe('OPTIONS_INVALID');
      expect(e.message).toContain('10n');
    }
    expect(verdict(() => assertValid('kb977203.options.schema.json', { ...OPTIONS, scenario: 10n }, 'The options'))).toBe('OPTIONS_INVALID');
  });
});

describe('a JSON model with a value that is no string', () => {
  it('is the judged print\'s OUTPUT_MALFORMED, not a TypeError of the unjudged reprint', async () => {
    const { fromModelJson, toModelJson } = await import('../lib/model/json.js');
    const { modelJsonToXml } = await import('../lib/model/model-json-to-xml.js');
    const model = fromModelJson(JSON.parse(JSON.stringify(toModelJson(read()))));
    ((model.sequence.children.find((c) => c.kind === 'group') as unknown as { attributes: Record<string, unknown> }).attributes).name = 5;
    expect(verdict(() => modelJsonToXml(model))).toBe('OUTPUT_MALFORMED');
  });
});
