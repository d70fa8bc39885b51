// The comparison's API from plain JavaScript: what is not a document, or not an entry, is refused with
// INVALID_ARGUMENT, never a TypeError from deep inside (diffTaskSequences(null, doc) read null's properties, and
// formatDiffEntry gave undefined for an entry of an unknown change).
import { describe, expect, it } from 'vitest';
import { diffTaskSequences, formatDiffEntry } from '../lib/api/diff.js';
import { readTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const doc = () => readTaskSequence('<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="a"><action>cmd</action></step></sequence>');

describe('diffTaskSequences and formatDiffEntry from plain JavaScript', () => {
  const notDocuments: [string, unknown, RegExp][] = [
    ['null', null, /the first is null\.$/],
    ['a string of XML', '<sequence/>', /the first is a string\.$/],
    ['a plain object with a sequence', { sequence: { kind: 'sequence', attributes: {}, children: [] } }, /the first is an object that is no TaskSequenceDocument\.$/],
  ];
  for (const [what, value, message] of notDocuments) {
    it(`refuses ${what} for a document`, () => {
      const e = thrown(() => diffTaskSequences(value as never, doc()));
      expect([e.code, e.message]).toEqual(['INVALID_ARGUMENT', expect.stringMatching(message)]);
    });
  }

  it('names the second argument when it is the one missing', () => {
    const e = thrown(() => (diffTaskSequences as (a: unknown) => unknown)(doc()));
    expect([e.code, e.message]).toEqual(['INVALID_ARGUMENT', expect.stringMatching(/the second is undefined\.$/)]);
  });

  it('refuses what is no entry to format', () => {
    for (const [value, given] of [[null, 'null'], [5, 'a number'], [{ change: 'renamed' }, 'an object whose change is "renamed"'], [{}, 'an object whose change is undefined']] as const) {
      const e = thrown(() => formatDiffEntry(value as never));
      expect([e.code, e.message]).toEqual(['INVALID_ARGUMENT', expect.stringMatching(new RegExp(`given ${given.replace(/"/g, '\\"')}\\.$`))]);
    }
    expect(formatDiffEntry({ change: 'removed', kind: 'step', path: 'a', before: 'Run Command Line' })).toBe('- step a (Run Command Line)');
  });
});
