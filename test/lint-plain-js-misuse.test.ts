// lint from plain JavaScript: a document that is none, and rule ids that are no array of strings, threw TypeErrors
// ("ruleIds?.find is not a function", "value is not iterable"), and an array with a hole before a misspelt id ran no
// rule at all, so a sequence with findings was reported clean. Each is now INVALID_ARGUMENT, before any rule runs.
import { describe, expect, it } from 'vitest';
import { lint, readTaskSequence, TaskSequenceError } from './helpers/api.js';

const DOC = readTaskSequence('<sequence version="3.00"><group name="g" description="' + 'd'.repeat(256) + '"/></sequence>');

/** What `lint` threw, as its class and code. */
function refusal(f: () => unknown): [string, string | undefined] {
  try {
    f();
  } catch (e) {
    return [(e as Error).constructor.name, e instanceof TaskSequenceError ? e.code : undefined];
  }
  return ['nothing thrown', undefined];
}

describe('lint: plain-JavaScript misuse', () => {
  const call = lint as (doc: unknown, ruleIds?: unknown) => unknown;

  it('a document that is no TaskSequenceDocument is INVALID_ARGUMENT', () => {
    for (const doc of [null, undefined, {}, '<sequence/>', { sequence: DOC.sequence }]) expect(refusal(() => call(doc))).toEqual(['TaskSequenceError', 'INVALID_ARGUMENT']);
  });

  it('rule ids that are no array of strings are INVALID_ARGUMENT, a hole included', () => {
    for (const ids of [null, 'description-too-long', 5, {}, new Set(['description-too-long']), [1], [undefined, 'description-too-long'], [, 'no-such-rule']]) {
      expect(refusal(() => call(DOC, ids))).toEqual(['TaskSequenceError', 'INVALID_ARGUMENT']);
    }
  });

  it('good ids still select their rules; none selects every rule', () => {
    expect(lint(DOC, ['description-too-long']).map((d) => d.code)).toEqual(['description-too-long']);
    expect(lint(DOC, []).map((d) => d.code)).toEqual([]);
    expect(lint(DOC).map((d) => d.code)).toEqual(['description-too-long']);
  });
});
