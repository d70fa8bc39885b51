// The dry run's print of a document the preset edited copies every element no edit named, without comparing it with
// the text it was read from (xml/edited-spans.ts). It must give exactly what the full print gives, on every input the
// project has: the preset's fixtures (apply, then revert of what apply wrote), the transform fixtures, the shared
// corpus, and generated sequences of every shape the bench uses.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyKb977203, readTaskSequence, revertKb977203, type Kb977203Options, type TaskSequenceDocument } from './helpers/api.js';
import { CORPUS_SKIPPED, corpusFiles, FIXTURES_DIR } from './helpers/corpus.js';
import { editScopesDuring } from '../lib/transforms/context.js';
import { writeEditedText, writeTaskSequence, writeTaskSequenceText } from '../lib/write.js';
import { processBytes } from '../lib/cli/kb977203-file.js';
// @ts-expect-error: the bench's generator is plain JavaScript, with no types
import { generateSetupSequence } from './bench/generate.mjs';

type Outcome = { scoped: boolean; changed: boolean; bare: boolean };

/** Runs the preset as the dry run does, and holds its scoped print to the full print of the same tree. */
function samePrint(doc: TaskSequenceDocument, edit: (d: TaskSequenceDocument) => { changed: boolean }): Outcome {
  const { result, scopes } = editScopesDuring(doc, () => edit(doc));
  const full = writeTaskSequenceText(doc);
  if (scopes) expect(writeEditedText(doc, scopes)).toBe(full);
  return { scoped: scopes !== undefined, changed: result.changed, bare: doc.container === 'sequence' };
}

/** Apply, then revert of what apply wrote, each held to the full print; refusals are not this test's. */
function both(bytes: Uint8Array, options: Kb977203Options): Outcome[] {
  const outcomes: Outcome[] = [];
  let applied: string;
  try {
    const doc = readTaskSequence(bytes);
    outcomes.push(samePrint(doc, (d) => applyKb977203(d, options)));
    applied = writeTaskSequenceText(doc);
  } catch (e) {
    if (e instanceof Error && 'code' in e) return outcomes;
    throw e;
  }
  const again = readTaskSequence(applied);
  outcomes.push(samePrint(again, (d) => revertKb977203(d, options)));
  return outcomes;
}

const caseDirs = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).sort().map((c) => join(dir, c)) : []);
const options = (dir: string): Kb977203Options => JSON.parse(readFileSync(join(dir, 'options.json'), 'utf8')) as Kb977203Options;

describe('the dry run prints only where the preset edited, and gives what a full print gives', () => {
  it('every KB977203 fixture, applied and then reverted (every edit of a bare sequence names where it is)', () => {
    const outcomes = [join(FIXTURES_DIR, 'kb977203'), join(FIXTURES_DIR, 'transforms', 'kb977203')].flatMap(caseDirs).flatMap((d) => both(readFileSync(join(d, 'input.xml')), options(d)));
    // Not vacuous: on a bare sequence every edit of the preset names its scope, so the scoped print is what is compared
    // (an export's package properties, DependentProgram, are edits of the container, which name none).
    const bare = outcomes.filter((o) => o.bare && o.changed);
    expect(bare.length).toBeGreaterThan(0);
    expect(bare.filter((o) => !o.scoped)).toEqual([]);
  });

  it('generated sequences: many Setup steps, applications, CCMCertFix already wired; each scenario', () => {
    const inputs: string[] = [generateSetupSequence(1, 40), generateSetupSequence(12, 3), generateSetupSequence(6, 2, true)];
    for (const input of inputs) {
      for (const scenario of ['refresh', 'new-computer', 'replace-restore'] as const) {
        const outcomes = both(Buffer.from(input), { certfixPackage: 'ABC00010', scenario });
        expect(outcomes.map((o) => o.scoped)).toEqual([true, true]);
      }
    }
  });

  it('the corpus files, applied and then reverted', (ctx) => {
    if (CORPUS_SKIPPED) ctx.skip(CORPUS_SKIPPED);
    for (const { bytes } of corpusFiles()) {
      both(bytes, { certfixPackage: 'ABC00010' });
      both(bytes, { certfixPackage: 'ABC00010', force: true });
    }
  });
});

/**
 * `cmts kb977203 -o` as one input of a run does it (processBytes with a target), against the preset applied through
 * the API and written by the full print: the same bytes. Then the revert of that output, the same way.
 */
function sameWrite(bytes: Uint8Array, options: Kb977203Options): 'written' | 'refused' {
  const settings = (mode: 'apply' | 'revert') => ({ options, mode, dryRun: false, limits: {} });
  let doc: TaskSequenceDocument;
  try {
    doc = readTaskSequence(bytes);
    applyKb977203(doc, options);
  } catch (e) {
    if (e instanceof Error && 'code' in e) return 'refused';
    throw e;
  }
  const applied = writeTaskSequence(doc);
  expect(Buffer.from(processBytes(bytes, 'in.xml', 'out.xml', settings('apply')).out as Uint8Array).equals(Buffer.from(applied))).toBe(true);
  const again = readTaskSequence(applied);
  revertKb977203(again, options);
  expect(Buffer.from(processBytes(applied, 'in.xml', 'out.xml', settings('revert')).out as Uint8Array).equals(Buffer.from(writeTaskSequence(again)))).toBe(true);
  return 'written';
}

describe('kb977203 -o prints only where the preset edited too, and writes what a full print writes', () => {
  it('every KB977203 fixture and generated sequences of each scenario, applied and then reverted', () => {
    const fixtures = [join(FIXTURES_DIR, 'kb977203'), join(FIXTURES_DIR, 'transforms', 'kb977203')].flatMap(caseDirs).map((d) => sameWrite(readFileSync(join(d, 'input.xml')), options(d)));
    const generated = [generateSetupSequence(1, 40), generateSetupSequence(12, 3), generateSetupSequence(6, 2, true)].flatMap((input: string) =>
      (['refresh', 'new-computer', 'replace-restore'] as const).map((scenario) => sameWrite(Buffer.from(input), { certfixPackage: 'ABC00010', scenario })),
    );
    // Not vacuous: most inputs are written (the rest are the preset's refusals, which the API refuses too).
    expect(fixtures.filter((o) => o === 'written').length).toBeGreaterThan(10);
    expect(generated.every((o) => o === 'written')).toBe(true);
  });

  it('the corpus files, applied and then reverted', (ctx) => {
    if (CORPUS_SKIPPED) ctx.skip(CORPUS_SKIPPED);
    for (const { bytes } of corpusFiles()) {
      sameWrite(bytes, { certfixPackage: 'ABC00010' });
      sameWrite(bytes, { certfixPackage: 'ABC00010', force: true });
    }
  });
});
