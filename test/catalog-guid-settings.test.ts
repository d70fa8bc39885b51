// GUID settings (review D6): Execute Runbook's runbook, MDT Install Operating System's OS and MDT Install
// Application's application. MDT writes a GUID in braces (steps.json OSGUID: {859868ea-…}, corpus 04 and 05); one
// without braces is a GUID too, and exports write the optional ones empty. Builders and `set` refuse another text with
// INVALID_ARGUMENT naming the setting; a file's such value is read as written, and lint's catalog/value-type reports it.
import { describe, expect, it } from 'vitest';
import { addStep, buildStep, createSequence, lint, readTaskSequence, stepView, type Step } from './helpers/api.js';
import { thrown, verdict } from './helpers/thrown.js';

type Settings = Record<string, unknown>;
const GUID = '859868ea-5292-4cf6-a06d-e395bb0b0629';

const CASES: { kind: string; setting: string; others: Settings }[] = [
  { kind: 'Execute Runbook', setting: 'runbookId', others: { orchestratorServer: 'orch.example', runbookName: 'R' } },
  { kind: 'Install Operating System', setting: 'osguid', others: {} },
  { kind: 'Install Application (MDT)', setting: 'applicationGuid', others: {} },
];

const BAD = ['not-a-guid', 'zzz', `{${GUID}`, `${GUID}}`, `${GUID}0`, '859868ea-5292-4cf6-a06d-e395bb0b062g'];
const GOOD = [`{${GUID}}`, GUID, GUID.toUpperCase()];

const build = (kind: string, settings: Settings) => buildStep(kind, { name: 'x', settings: settings as never }) as Step;

describe('GUID settings', () => {
  it('builders take a GUID, in braces or not, and refuse another text naming the setting', () => {
    for (const c of CASES) {
      for (const good of GOOD) expect(verdict(() => build(c.kind, { ...c.others, [c.setting]: good })), `${c.kind} ${good}`).toBe('ok');
      for (const bad of BAD) {
        const e = thrown(() => build(c.kind, { ...c.others, [c.setting]: bad }));
        expect(e.code).toBe('INVALID_ARGUMENT');
        expect(e.message).toContain(`${c.setting} is`);
        expect(e.message).toContain('which is not a GUID');
        const doc = createSequence('sequence');
        expect(verdict(() => addStep(doc, c.kind, { name: 'x', settings: { ...c.others, [c.setting]: bad } as never }, { last: doc.sequence }))).toBe('INVALID_ARGUMENT');
      }
    }
    // Exports write the optional ones empty (no runbook chosen yet; MDT's "Install multiple applications").
    expect(verdict(() => build('Execute Runbook', { runbookId: '' }))).toBe('ok');
    expect(verdict(() => build('Install Application (MDT)', { applicationGuid: '' }))).toBe('ok');
  });

  it('set refuses a text that is no GUID, naming the setting, and takes one', () => {
    for (const c of CASES) {
      const step = build(c.kind, { ...c.others, [c.setting]: `{${GUID}}` });
      const view = stepView(step);
      const e = thrown(() => view.set(c.setting as never, 'zzz'));
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(e.message).toContain(c.setting);
      expect((stepView(step).settings as Settings)[c.setting]).toBe(`{${GUID}}`);
      view.set(c.setting as never, GUID);
      expect((stepView(step).settings as Settings)[c.setting]).toBe(GUID);
    }
  });

  it('a file\'s text that is no GUID is read as written, and lint\'s catalog/value-type reports it', () => {
    for (const c of CASES) {
      const doc = createSequence('sequence');
      addStep(doc, c.kind, { name: 'x', settings: { ...c.others, [c.setting]: `{${GUID}}` } as never }, { last: doc.sequence });
      expect(lint(readTaskSequence(doc.toString())).filter((i) => i.code === 'catalog/value-type')).toEqual([]);
      const bad = readTaskSequence(doc.toString().replace(`{${GUID}}`, 'zzz'));
      expect((stepView(bad.sequence.children.find((n) => n.kind === 'step') as Step).settings as Settings)[c.setting]).toBe('zzz');
      const found = lint(bad).filter((i) => i.code === 'catalog/value-type');
      expect(found).toHaveLength(1);
      expect(found[0]?.message).toContain(c.setting);
      expect(found[0]?.message).toContain('"zzz", which is not a GUID');
    }
  });
});
