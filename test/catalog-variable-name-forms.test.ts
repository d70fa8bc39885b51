// Settings that name a task sequence variable (review D3): Run Command Line's and Run PowerShell Script's output
// variable, Format and Partition Disk's disk-index variable and a partition's drive-letter variable, MDT Install
// Operating System's destination variable, and the names a Set Dynamic Variables rule sets. Builders and `set`
// refuse a name that is none with INVALID_ARGUMENT naming the setting, and take an empty one where exports write
// it empty; a file's such value is read as written, and lint's catalog/value-type reports it.
import { describe, expect, it } from 'vitest';
import { addStep, buildStep, createSequence, lint, readTaskSequence, stepView, type Step } from './helpers/api.js';
import { wellFormedCorpusFiles } from './helpers/corpus.js';
import { thrown, verdict } from './helpers/thrown.js';

type Settings = Record<string, unknown>;
const OS_GUID = '{859868ea-5292-4cf6-a06d-e395bb0b0629}';

/** Each setting: the step type, settings that build with `name` in its place, and the setting as messages name it. */
const CASES: { kind: string; settings: (name: string) => Settings; where: string; emptyTaken: boolean }[] = [
  { kind: 'Run Command Line', settings: (n) => ({ commandLine: 'cmd /c ver', outputVariableName: n }), where: 'outputVariableName', emptyTaken: true },
  { kind: 'Run PowerShell Script', settings: (n) => ({ sourceScript: 'Write-Host 1', outputVariableName: n }), where: 'outputVariableName', emptyTaken: true },
  { kind: 'Format and Partition Disk', settings: (n) => ({ partitionStyle: 'GPT', partitions: [{ type: 'Primary', quickFormat: true }], diskIndexVariable: n }), where: 'diskIndexVariable', emptyTaken: true },
  {
    kind: 'Format and Partition Disk',
    settings: (n) => ({ partitionStyle: 'GPT', partitions: [{ type: 'Primary', quickFormat: true, volumeLetterVariable: n }] }),
    where: 'partitions[0].volumeLetterVariable',
    emptyTaken: true,
  },
  { kind: 'Install Operating System', settings: (n) => ({ osguid: OS_GUID, destinationOsVariable: n }), where: 'destinationOsVariable', emptyTaken: true },
  { kind: 'Set Dynamic Variables', settings: (n) => ({ rules: [{ variables: [{ name: n, value: 'v', secret: false }] }] }), where: 'rules[0].variables[0]', emptyTaken: false },
];

const BAD = ['a b', 'not a name%', 'x/y', 'A=B', '%OSDisk%', '1st'];

const build = (kind: string, settings: Settings) => buildStep(kind, { name: 'x', settings: settings as never }) as Step;

describe('settings that name a task sequence variable', () => {
  it('builders refuse a name that is none, naming the setting, and take a name (and empty, where exports write it empty)', () => {
    for (const c of CASES) {
      expect(verdict(() => build(c.kind, c.settings('OSDisk_1')))).toBe('ok');
      expect(verdict(() => build(c.kind, c.settings('')))).toBe(c.emptyTaken ? 'ok' : 'INVALID_ARGUMENT');
      for (const bad of BAD) {
        const e = thrown(() => build(c.kind, c.settings(bad)));
        expect(e.code).toBe('INVALID_ARGUMENT');
        expect(e.message).toContain(c.where);
        expect(e.message).toMatch(/is not a task sequence variable name|has no name/);
        const doc = createSequence('cim-instance');
        expect(verdict(() => addStep(doc, c.kind, { name: 'x', settings: c.settings(bad) as never }, { last: doc.sequence }))).toBe('INVALID_ARGUMENT');
      }
    }
  });

  it('set refuses a name that is none, naming the setting, and leaves the step as it was', () => {
    for (const c of CASES) {
      const step = build(c.kind, c.settings('OSDisk'));
      const view = stepView(step);
      const setting = c.where.replace(/\[.*$|\..*$/, '');
      const before = JSON.stringify(view.settings);
      const e = thrown(() => view.set(setting as never, c.settings('a b')[setting] as never));
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(e.message).toContain(c.where);
      expect(JSON.stringify(stepView(step).settings)).toBe(before);
      expect(verdict(() => view.set(setting as never, c.settings('Other-Name')[setting] as never))).toBe('ok');
    }
  });

  it('a file\'s name that is none is read as written, and lint\'s catalog/value-type reports it; a good or empty one gets no finding', () => {
    for (const c of CASES) {
      const doc = createSequence('cim-instance');
      addStep(doc, c.kind, { name: 'x', settings: c.settings('MarkerName') as never }, { last: doc.sequence });
      const good = readTaskSequence(doc.toString());
      expect(lint(good).filter((i) => i.code === 'catalog/value-type')).toEqual([]);
      const bad = readTaskSequence(doc.toString().replace('MarkerName', 'a b%'));
      expect(JSON.stringify(stepView(bad.sequence.children.find((n) => n.kind === 'step') as Step).settings)).toContain('"a b%"');
      const found = lint(bad).filter((i) => i.code === 'catalog/value-type');
      expect(found).toHaveLength(1);
      expect(found[0]?.message).toContain(c.where);
      expect(found[0]?.message).toContain('"a b%", which is not a task sequence variable name');
    }
  });

  it('every corpus export\'s such value is taken: empty, or a name (no catalog/value-type finding)', () => {
    for (const { name, bytes } of wellFormedCorpusFiles()) {
      const found = lint(readTaskSequence(bytes)).filter((i) => i.code === 'catalog/value-type');
      expect(found, name).toEqual([]);
    }
  });
});
