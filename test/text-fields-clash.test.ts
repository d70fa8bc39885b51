// The text's schema takes a `name` on a group and a `type` beside a step's `step`, but the builder writes only one of
// each pair: a group is named by `group`, a step is built as the `step` type. A group's other name, or a step's other
// type, was dropped without a word (`{ group: G, name: H }` built <group name="G">). Now such a text is refused
// (NOT_A_TASK_SEQUENCE, at the item), and the two that agree are still built.
import { describe, expect, it } from 'vitest';
import { buildSequence, fromYaml } from '../lib/api/text.js';
import { thrown } from './helpers/thrown.js';

describe('fields of an item that the builder writes one of', () => {
  it('a group whose name is not its group is refused, at the item', () => {
    const e = thrown(() => fromYaml('steps:\n  - group: G\n    name: H\n'));
    expect(e.code).toBe('NOT_A_TASK_SEQUENCE');
    expect(e.linePos?.line).toBe(2);
    expect(thrown(() => buildSequence({ steps: [{ group: 'G', name: 'H' }] })).code).toBe('NOT_A_TASK_SEQUENCE');
    expect(buildSequence({ steps: [{ group: 'G', name: 'G' }] }).sequence.children[0]).toMatchObject({ kind: 'group', attributes: { name: 'G' } });
  });

  it('a step whose type is another step type than its step is refused; the same type is built', () => {
    const e = thrown(() => fromYaml('steps:\n  - step: Run Command Line\n    type: Foo\n    settings: {commandLine: x}\n'));
    expect(e.code).toBe('NOT_A_TASK_SEQUENCE');
    expect(e.linePos?.line).toBe(2);
    const built = buildSequence({ steps: [{ step: 'Run Command Line', type: 'SMS_TaskSequence_RunCommandLineAction', settings: { commandLine: 'x' } }] });
    expect(built.sequence.children[0]).toMatchObject({ kind: 'step', attributes: { type: 'SMS_TaskSequence_RunCommandLineAction' } });
  });
});
