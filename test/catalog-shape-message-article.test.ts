// A value of the wrong JavaScript type is refused with a message that names the type with its article (review D9:
// "diskIndex must be a integer value"): "an integer", "a boolean".
import { describe, expect, it } from 'vitest';
import { buildStep } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const refusal = (kind: string, settings: Record<string, unknown>) => thrown(() => buildStep(kind, { name: 'x', settings: settings as never })).message;

describe('the message refusing a value of the wrong type', () => {
  it('says "an integer" and "a boolean"', () => {
    const partitions = [{ type: 'Primary', quickFormat: true }];
    expect(refusal('Format and Partition Disk', { partitionStyle: 'GPT', partitions, diskIndex: '0' })).toMatch(/^diskIndex must be an integer value: /);
    expect(refusal('Run Command Line', { commandLine: 'a', runAsUser: 'yes' })).toMatch(/^runAsUser must be a boolean value: /);
  });
});
