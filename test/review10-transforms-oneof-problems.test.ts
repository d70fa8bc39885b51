// Review of insert-steps-after's options: a wrong step (the steps are a oneOf of four step classes) is one problem,
// the one of the class its type names, not every class's problems (about ten per step).
import { describe, expect, it } from 'vitest';
import { createTransform } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const after = { name: 'Setup Windows and ConfigMgr' };

describe('insert-steps-after: one problem per wrong step', () => {
  it('a step of a known type with a property missing: that type\'s problem only', () => {
    const e = thrown(() => createTransform('insert-steps-after', { after, steps: [{ type: 'run-command-line', name: 'a' } as never] }));
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues.slice(1).map((i) => i.message)).toEqual(["steps.0: must have required property 'commandLine'"]);
  });

  it('a step with a wrong value of its type: that value\'s problem only', () => {
    const e = thrown(() => createTransform('insert-steps-after', { after, steps: [{ type: 'restart-computer', name: 'r', target: 'Disk' } as never] }));
    expect(e.issues.slice(1).map((i) => i.message)).toEqual(['steps.0.target: must be equal to one of the allowed values: HD, WinPE (got "Disk")']);
  });

  it('a step of no known type: one problem naming the types', () => {
    const e = thrown(() => createTransform('insert-steps-after', { after, steps: [{ type: 'bogus', name: 'c' } as never] }));
    expect(e.issues.slice(1)).toHaveLength(1);
    expect(e.issues[1]?.message).toMatch(/^steps\.0\.type: .*install-software, restart-computer, run-command-line, set-variable \(got "bogus"\)$/);
  });

  it('four wrong steps are four problems, and the message names each', () => {
    const steps = [
      { type: 'run-command-line', name: 'a' },
      { type: 'set-variable', name: 'b', variableName: 'V' },
      { type: 'bogus', name: 'c' },
      { type: 'install-software', name: 'd', packageId: 'ABC00010', programName: 'p', extra: 1 },
    ];
    const e = thrown(() => createTransform('insert-steps-after', { after, steps: steps as never }));
    expect(e.issues.slice(1).map((i) => i.message.split(':')[0])).toEqual(['steps.0', 'steps.1', 'steps.2.type', 'steps.3']);
    expect(e.message).not.toMatch(/more/);
  });

  it('a right step next to wrong ones is not named', () => {
    const steps = [{ type: 'restart-computer', name: 'r' }, { type: 'run-command-line', name: 'a' }];
    const e = thrown(() => createTransform('insert-steps-after', { after, steps: steps as never }));
    expect(e.issues.slice(1).map((i) => i.message)).toEqual(["steps.1: must have required property 'commandLine'"]);
  });
});
