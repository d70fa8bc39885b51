// insert-steps-after keeps a step already in place when it is the one asked for. A Run Command Line step was taken for
// the one asked for by its command alone: the same command from another package, or from none, was reported already
// in place (and --check passed) although it runs other files, or none.
import { describe, expect, it } from 'vitest';
import { applyTransform, checkTransform, readTaskSequence, writeTaskSequenceText } from './helpers/api.js';

const XML = '<sequence version="3.10"><group name="G"><step type="T" name="A"/></group></sequence>';
const run = (packageId?: string) => ({ after: { name: 'A' }, steps: [{ type: 'run-command-line' as const, name: 'Run', commandLine: 'setup.exe /q', ...(packageId === undefined ? {} : { packageId }) }] });

function after(first: ReturnType<typeof run>): string {
  const doc = readTaskSequence(XML);
  applyTransform('insert-steps-after', doc, first);
  return writeTaskSequenceText(doc);
}

describe('insert-steps-after and a Run Command Line step with the same command', () => {
  it('from no package is not the step asked for from a package', () => {
    const report = checkTransform('insert-steps-after', readTaskSequence(after(run())), run('ABC00010'));
    expect(report.changed).toBe(true);
    expect(report.alreadyInPlace).toEqual([]);
  });

  it('from another package is not the step asked for', () => {
    expect(checkTransform('insert-steps-after', readTaskSequence(after(run('ABC00011'))), run('ABC00010')).changed).toBe(true);
    expect(checkTransform('insert-steps-after', readTaskSequence(after(run('ABC00010'))), run()).changed).toBe(true);
  });

  it('from the same package (or none, both times) is: a second run changes nothing', () => {
    for (const packageId of ['ABC00010', undefined]) {
      const once = after(run(packageId));
      const again = readTaskSequence(once);
      const report = applyTransform('insert-steps-after', again, run(packageId));
      expect(report.changed).toBe(false);
      expect(report.alreadyInPlace).toHaveLength(1);
      expect(writeTaskSequenceText(again)).toBe(once);
    }
  });
});
