// The text form's `release` says whose console spelling new steps get. Any string was accepted, and a name that is
// not a release (`CB2403`, `cb 2403`) silently gave a 2007-era spelling: Current Branch steps without retryCount
// and runFromNet. A misspelt release is now refused at its place; every release name the catalog ranks builds.
import { describe, expect, it } from 'vitest';
import { fromYaml } from '../lib/api/text.js';
import { releaseRank } from '../lib/catalog/versions.js';
import { thrown } from './helpers/thrown.js';

const text = (release: string) => `release: ${release}\nsteps:\n  - step: Run Command Line\n    settings: {commandLine: x.exe}\n`;

describe('the text form release', () => {
  for (const release of ['CB2403', 'cb 2403', 'Current Branch', '2403', 'CB 2403 ']) {
    it(`${JSON.stringify(release)} is refused at its place in the text`, () => {
      expect(releaseRank(release)).toBeUndefined();
      const e = thrown(() => fromYaml(text(JSON.stringify(release))));
      expect(e.code).toBe('NOT_A_TASK_SEQUENCE');
      expect(e.linePos).toEqual({ line: 1, col: 10 });
    });
  }

  for (const release of ['2007', '2007 R2', '2012', '2012 SP1', '2012 R2', '2012 R2 SP1', 'CB', 'CB 1606', 'CB 2403']) {
    it(`${release} builds, with retryCount exactly when it is a Current Branch release`, () => {
      expect(releaseRank(release)).toBeDefined();
      const step = fromYaml(text(JSON.stringify(release))).sequence.children[0] as { attributes: Record<string, string> };
      expect(step.attributes.retryCount !== undefined).toBe(release.startsWith('CB'));
    });
  }
});
