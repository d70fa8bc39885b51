// A text for a bare <sequence> (no container key, or container: sequence) with a package: section built without a
// word, and the package properties were gone: a bare sequence has no place for them. It is refused now
// (UNSUPPORTED_CONTAINER at the package key's line), as packageTypes and packageArrays already were; a text written
// for a package container and built into a bare sequence on request (--container sequence) still leaves them behind.
import { describe, expect, it } from 'vitest';
import { fromYaml } from '../lib/api/text.js';
import { cmts } from './helpers/cli-process.js';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { thrown } from './helpers/thrown.js';

describe('package properties in a text for a bare sequence', () => {
  for (const head of ['', 'container: sequence\n']) {
    it(`${head === '' ? 'no container' : 'container: sequence'}: refused at the package key, naming the properties`, () => {
      const e = thrown(() => fromYaml(`${head}version: "3.10"\npackage:\n  Name: My sequence\n  Description: d\nsteps: []\n`));
      expect(e.code).toBe('UNSUPPORTED_CONTAINER');
      expect(e.message).toContain('Name, Description');
      expect(e.linePos?.line).toBe(head === '' ? 2 : 3);
    });
  }

  it('an empty package loses nothing and builds', () => {
    expect(fromYaml('package: {}\nsteps: []\n').container).toBe('sequence');
  });

  it('a package container asked for on the command line holds them', () => {
    const doc = fromYaml('package:\n  Name: My sequence\nsteps: []\n', { container: 'sms-package' });
    expect(doc.properties().Name).toBe('My sequence');
  });

  it('a text for a package container built into a bare sequence on request leaves them behind, as before', () => {
    expect(fromYaml('container: sms-package\npackage:\n  Name: My sequence\nsteps: []\n', { container: 'sequence' }).container).toBe('sequence');
  });

  it('cmts build refuses it: exit 1, the code on standard error, nothing written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmts-review6-text-'));
    try {
      const input = join(dir, 'ts.yaml');
      const output = join(dir, 'ts.xml');
      writeFileSync(input, 'package:\n  Name: My sequence\nsteps: []\n');
      const r = cmts(['build', input, '-o', output]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('UNSUPPORTED_CONTAINER');
      expect(existsSync(output)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // The first command-line test of a run may build dist first.
  }, 180_000);
});
