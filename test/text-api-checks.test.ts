// The text form's API given what plain JavaScript can give it. buildSequence took its text as "already parsed and
// valid": data the schema refuses was built anyway (an unknown runIn or element, a misspelt key dropped without a word,
// a version that is no version), and a wrong type threw a TypeError from inside the builder (`steps: 'x'`, a
// `successCodes` string, a `null` item). fromYaml, toYaml and sequenceToText threw TypeErrors for a non-string or a
// null. Now buildSequence checks its text against the text's schema (each item as it is built, so any depth), and
// the others refuse what is not their argument with INVALID_ARGUMENT. What XML cannot hold (U+0000, a lone surrogate,
// an attribute name that is no XML name) was built, and refused only when the document was written: now buildSequence
// refuses it with its path, as fromYaml does.
import { describe, expect, it } from 'vitest';
import { buildSequence, fromYaml, sequenceToText, toYaml, type TextSequence } from '../lib/api/text.js';
import { thrown, verdict } from './helpers/thrown.js';

const asText = (v: unknown) => v as TextSequence;

describe('the text form given plain JavaScript', () => {
  it('fromYaml refuses a source that is no string, and options that are no object', () => {
    for (const source of [123, null, undefined, new Uint8Array([0x73])]) expect(thrown(() => fromYaml(source as never)).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => fromYaml('steps: []\n', null as never)).code).toBe('INVALID_ARGUMENT');
  });

  it('toYaml and sequenceToText refuse what is no document', () => {
    for (const doc of [null, undefined, 1, {}, { xml: {} }]) {
      expect(thrown(() => toYaml(doc as never)).code).toBe('INVALID_ARGUMENT');
      expect(thrown(() => sequenceToText(doc as never)).code).toBe('INVALID_ARGUMENT');
    }
  });

  it('buildSequence refuses a text or options that are no object', () => {
    for (const text of [null, undefined, 'steps: []', []]) expect(thrown(() => buildSequence(asText(text))).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => buildSequence({ steps: [] }, null as never)).code).toBe('INVALID_ARGUMENT');
  });

  it('buildSequence refuses what the schema refuses, with the path of the problem, at any depth', () => {
    const inGroup = (item: unknown) => ({ steps: [{ group: 'g', steps: [{ group: 'h', steps: [{ type: 'X' }, item] }] }] });
    const cases: [unknown, string][] = [
      [{}, ''],
      [{ steps: 'x' }, 'steps'],
      [{ steps: [], version: 'x"y' }, 'version'],
      [{ steps: [], variables: [{ name: 'A', value: 1 }] }, 'variables/0/value'],
      [{ steps: [null] }, 'steps/0'],
      [{ steps: [undefined, { group: 'g' }] }, 'steps/0'],
      [inGroup({ type: 'X', runIn: 'a"b' }), 'steps/0/steps/0/steps/1/runIn'],
      [inGroup({ type: 'X', element: 'script' }), 'steps/0/steps/0/steps/1/element'],
      [inGroup({ type: 'X', successCodes: '0 1' }), 'steps/0/steps/0/steps/1/successCodes'],
      [inGroup({ type: 'X', variables: {} }), 'steps/0/steps/0/steps/1/variables'],
      [inGroup({ type: 'X', descripton: 'misspelt' }), 'steps/0/steps/0/steps/1'],
      [inGroup({ group: 5 }), 'steps/0/steps/0/steps/1/group'],
    ];
    for (const [text, path] of cases) {
      const e = thrown(() => buildSequence(asText(text)));
      expect([text, e.code]).toEqual([text, 'NOT_A_TASK_SEQUENCE']);
      expect([text, e.path]).toEqual([text, path]);
    }
  });

  it('what the builder refuses in an item says the item\'s path too', () => {
    const clash = { step: 'Run Command Line', successCodes: [0], settings: { commandLine: 'x', successCodes: [1] } };
    const e = thrown(() => buildSequence({ steps: [{ group: 'g', steps: [{ type: 'X' }, clash] }] }));
    expect([e.code, e.path]).toEqual(['INVALID_ARGUMENT', 'steps/0/steps/1']);
    const unknown = thrown(() => buildSequence({ steps: [{ type: 'X' }, { type: 'X', settings: {} }] }));
    // The settings are what is wrong (no catalog type says what they are written as): their path, within the item's.
    expect([unknown.code, unknown.path]).toEqual(['INVALID_ARGUMENT', 'steps/1/settings']);
  });

  it('buildSequence refuses what XML cannot hold when it builds, as fromYaml does, with the path', () => {
    const cases: [unknown, string][] = [
      [{ steps: [{ group: 'g', steps: [{ group: 'a\u0000' }] }] }, 'steps/0/steps/0/group'],
      [{ steps: [{ type: 'X', name: 'x', description: '', attributes: { type: 'X', name: 'x', description: '', 'a b': '1' } }] }, 'steps/0/attributes/a b'],
      [{ steps: [], references: [{ '1x': 'a' }] }, 'references/0/1x'],
      [{ steps: [], variables: [{ name: 'A', value: '\uD800' }] }, 'variables/0/value'],
    ];
    for (const [text, path] of cases) {
      const e = thrown(() => buildSequence(asText(text)));
      expect([e.code, e.path]).toEqual(['OUTPUT_MALFORMED', path]);
      expect(verdict(() => fromYaml(JSON.stringify(text)))).toBe('OUTPUT_MALFORMED');
    }
  });

  it('buildSequence and fromYaml of the same data agree on what they take', () => {
    const items: unknown[] = [
      { type: 'X', name: 'n', runIn: 'WinPE', successCodes: [0, 3010], timeout: 5, variables: [{ name: 'A', value: 'v' }] },
      { type: 'X', timeout: -1 },
      { type: 'X', timeout: 1.5 },
      { type: 'X', settings: {} },
      { step: 'Run Command Line', settings: { commandLine: 'cmd' } },
      { step: 'Run Command Line', settings: { commandLine: 5 } },
      { step: 'No Such Step' },
      { group: 'g', condition: [{ variable: 'A', operator: 'equals', value: '1' }] },
      { group: 'g', condition: [{ variable: 'A', operator: 'nonsense' }] },
      { group: 'g', name: 'x'.repeat(256) },
      { group: 'g', steps: [{ type: 'X', element: 'subtasksequence' }] },
      { group: 'g', steps: [{ type: 'X', element: 'group' }] },
    ];
    for (const item of items) {
      const text = { steps: [item] };
      expect([item, verdict(() => buildSequence(asText(text)))]).toEqual([item, verdict(() => fromYaml(JSON.stringify(text)))]);
    }
  });
});
