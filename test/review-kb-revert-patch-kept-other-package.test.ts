// KB977203_REVERT_PATCH_KEPT says "no step runs CCMCertFix" when revert finds no CCMCertFix step of the package and
// program it is given. An administrator who reverts with another CCMCertFix package than the apply used (a typo, or
// the package of another site) gets a report that states something the file contradicts: the sequence does run
// CCMCertFix, from the package the apply adopted. The note must not claim that no step runs CCMCertFix.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyKb977203, readTaskSequence, revertKb977203, writeTaskSequence } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';

const text = (doc: ReturnType<typeof readTaskSequence>) => Buffer.from(writeTaskSequence(doc)).toString('utf8');

describe('KB977203_REVERT_PATCH_KEPT beside a CCMCertFix step of another package', () => {
  it('does not say that no step runs CCMCertFix when one does', () => {
    const input = readFileSync(join(FIXTURES_DIR, 'kb977203', 'patch-and-certfix-hand-wired-adopted', 'input.xml'), 'utf8');
    const options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' } as const;
    const doc = readTaskSequence(input);
    applyKb977203(doc, options);
    const reverted = revertKb977203(readTaskSequence(text(doc)), { ...options, certfixPackage: 'ABC00011' });
    expect(reverted.changes).toEqual([]);
    const kept = reverted.diagnostics.filter((d) => d.code === 'KB977203_REVERT_PATCH_KEPT');
    expect(kept).toHaveLength(1);
    for (const d of kept) {
      expect(d.message).not.toMatch(/no step runs CCMCertFix\./);
      // It says what it looked for, and names the step that runs CCMCertFix from the package the apply used.
      expect(d.message).toContain('package ABC00011');
      expect(d.message).toContain('/Fix the client certificate"');
      expect(d.message).toMatch(/from package ABC00010/i);
    }
  });
});
