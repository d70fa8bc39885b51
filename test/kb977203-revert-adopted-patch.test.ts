// A KB977203 entry the preset finds already right in PATCH is adopted: apply keeps it. Nothing in the file records
// who wrote it, so revert takes it out like one the preset added, and apply-then-revert on a sequence the
// administrator had wired by hand takes away their own entry. It must never do so unannounced: apply says beforehand
// that revert will take the adopted entry out, and revert names what it took out so that it can be written back. A
// sequence with no CCMCertFix step at all was never the preset's (it always inserts or adopts one), and revert leaves
// its entry.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyKb977203, readTaskSequence, revertKb977203, writeTaskSequence, type Kb977203Options } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';

const fixture = (name: string) => {
  const at = (f: string) => join(FIXTURES_DIR, 'kb977203', name, f);
  return { input: readFileSync(at('input.xml'), 'utf8'), options: JSON.parse(readFileSync(at('options.json'), 'utf8')) as Kb977203Options };
};
const text = (doc: ReturnType<typeof readTaskSequence>) => Buffer.from(writeTaskSequence(doc)).toString('utf8');
const ENTRY = 'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp';

describe('revert and a KB977203 entry the administrator put in PATCH by hand', () => {
  it('with CCMCertFix and its restart wired by hand too, apply changes nothing but says revert takes the entry out, and revert does, naming it', () => {
    const { input, options } = fixture('patch-and-certfix-hand-wired-adopted');
    const doc = readTaskSequence(input);
    const applied = applyKb977203(doc, options);
    expect(applied.changes).toEqual([]);
    const adopted = applied.diagnostics.filter((d) => d.code === 'KB977203_PATCH_ADOPTED');
    expect(adopted).toHaveLength(1);
    expect(adopted[0]?.severity).toBe('info');
    expect(adopted[0]?.message).toContain('revert takes it out');
    expect(adopted[0]?.message).toContain(ENTRY.slice(0, 30));
    expect(applied.alreadyInPlace.map((a) => a.what)).toContain(`PATCH lists ${ENTRY}`);

    const back = readTaskSequence(text(doc));
    const reverted = revertKb977203(back, options);
    expect(reverted.changes.map((c) => c.what)).toEqual(['removed the KB977203 entry from PATCH']);
    const removed = reverted.diagnostics.filter((d) => d.code === 'KB977203_REVERT_PATCH_REMOVED');
    expect(removed).toHaveLength(1);
    expect(removed[0]?.severity).toBe('info');
    expect(removed[0]?.message).toContain(ENTRY.slice(0, 30));
    // The message is cut at a value's usual length; the change gives the entry in full, to write back.
    expect(reverted.changes[0]?.before).toContain(ENTRY);
    expect(removed[0]?.message).toContain('cannot tell');
    // Written back by hand, as both reports ask, the entry gives the input again: revert took out nothing else.
    expect(text(back).replace('FSP=FSP01', `FSP=FSP01 PATCH=&quot;${ENTRY}&quot;`)).toBe(input);
  });

  it('beside CCMCertFix steps the preset inserts, apply says revert will take the adopted entry out, and revert takes it out without saying it again', () => {
    const { input, options } = fixture('patch-hand-wired-certfix-inserted');
    const doc = readTaskSequence(input);
    const applied = applyKb977203(doc, options);
    expect(applied.changes.map((c) => c.requirement)).toEqual(['R13', 'R14', 'R12']);
    const adopted = applied.diagnostics.find((d) => d.code === 'KB977203_PATCH_ADOPTED');
    expect(adopted?.severity).toBe('info');
    expect(adopted?.message).toContain('revert takes it out');

    const back = readTaskSequence(text(doc));
    const reverted = revertKb977203(back, options);
    expect(reverted.changes.map((c) => c.what)).toContain('removed the KB977203 entry from PATCH');
    expect(text(back)).not.toContain(ENTRY);
    // The preset's own CCMCertFix step is there: the entry went in with it, or apply said it was adopted.
    expect(reverted.diagnostics.map((d) => d.code)).not.toContain('KB977203_REVERT_PATCH_REMOVED');
    expect(reverted.changes.find((c) => c.what === 'removed the KB977203 entry from PATCH')?.before).toContain(ENTRY);
    // Written back by hand, as the apply's message asks, the entry gives the input again.
    expect(text(back).replace('FSP=FSP01', `FSP=FSP01 PATCH=&quot;${ENTRY}&quot;`)).toBe(input);
  });

  it('a sequence with no CCMCertFix step, which the preset never wrote, keeps its hand-wired entry on revert', () => {
    const { input, options } = fixture('patch-hand-wired-certfix-inserted');
    const doc = readTaskSequence(input);
    const reverted = revertKb977203(doc, options);
    expect(reverted.changes).toEqual([]);
    expect(text(doc)).toBe(input);
    expect(reverted.diagnostics.map((d) => d.code)).toContain('KB977203_REVERT_PATCH_KEPT');
  });

  it('says it once: a check or re-apply of the output, where CCMCertFix is the preset\'s own step, does not say it again', () => {
    const { input, options } = fixture('patch-hand-wired-certfix-inserted');
    const doc = readTaskSequence(input);
    applyKb977203(doc, options);
    const again = applyKb977203(readTaskSequence(text(doc)), options);
    expect(again.changes).toEqual([]);
    expect(again.diagnostics.map((d) => d.code)).not.toContain('KB977203_PATCH_ADOPTED');
    // Beside the administrator's own CCMCertFix step it is said every time: revert would take their entry out.
    const hand = readTaskSequence(fixture('patch-and-certfix-hand-wired-adopted').input);
    applyKb977203(hand, options);
    expect(applyKb977203(readTaskSequence(text(hand)), options).diagnostics.map((d) => d.code)).toContain('KB977203_PATCH_ADOPTED');
  });
});
