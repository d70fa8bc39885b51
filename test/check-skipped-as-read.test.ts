// The command line skips the preset's walk over a tree it has just read (`asReadDuring`): the skip must cover the
// first check only, of that document only, and end with the call, so no document edited later goes unchecked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from './helpers/api.js';
import { verdict } from './helpers/thrown.js';
import { asReadDuring, checkDocumentTree } from '../lib/visit.js';
import { findSteps } from '../lib/model/find-items.js';

const EXAMPLE = readFileSync(join(import.meta.dirname, '..', 'examples', 'refresh-2007.xml'));

/** A document with a value the model does not allow (an attribute that is no string), as a script could leave it. */
function damaged() {
  const doc = readTaskSequence(EXAMPLE);
  const [step] = findSteps(doc.sequence);
  (step!.node.attributes as Record<string, unknown>).name = 42;
  return doc;
}

describe('asReadDuring', () => {
  it('skips the first check of the document, not a second one in the same call', () => {
    const doc = damaged();
    const codes = asReadDuring(doc, () => [verdict(() => checkDocumentTree(doc)), verdict(() => checkDocumentTree(doc))]);
    expect(codes).toEqual(['ok', 'INVALID_ARGUMENT']);
  });

  it('ends with the call, even when the check was never reached or the call threw', () => {
    const doc = damaged();
    asReadDuring(doc, () => undefined);
    expect(verdict(() => checkDocumentTree(doc))).toBe('INVALID_ARGUMENT');
    expect(() =>
      asReadDuring(doc, () => {
        throw new Error('the preset failed');
      }),
    ).toThrow('the preset failed');
    expect(verdict(() => checkDocumentTree(doc))).toBe('INVALID_ARGUMENT');
  });

  it('skips nothing for another document', () => {
    const doc = damaged();
    const other = damaged();
    expect(asReadDuring(doc, () => verdict(() => checkDocumentTree(other)))).toBe('INVALID_ARGUMENT');
  });
});
