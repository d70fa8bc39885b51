// A key of the text form that cannot be an attribute name (not an XML name, or holding a character XML cannot hold)
// is refused at the key. It was placed at its value, which YAML lets stand on a later line than the key.
import { describe, expect, it } from 'vitest';
import { fromYaml } from '../lib/api/text.js';
import { thrown } from './helpers/thrown.js';

describe('a bad attribute name in the text form', () => {
  const cases: [string, string, { line: number; col: number }][] = [
    ['sequence attributes, value on the next line', 'attributes:\n  "a b":\n    "1"\nsteps: []\n', { line: 2, col: 3 }],
    ['an explicit key', 'attributes:\n  ? "1st"\n  : "1"\nsteps: []\n', { line: 2, col: 5 }],
    ['a reference field', 'references:\n  - package: P0100001\n    "a b":\n      x\nsteps: []\n', { line: 3, col: 5 }],
    ['a group attribute holding U+0001', 'steps:\n  - group: G\n    attributes:\n      "a\\u0001":\n        "1"\n    steps: []\n', { line: 4, col: 7 }],
  ];
  for (const [what, text, place] of cases) {
    it(`${what}: refused at the key`, () => {
      const e = thrown(() => fromYaml(text));
      expect(e.code).toBe('OUTPUT_MALFORMED');
      expect(e.linePos).toEqual(place);
    });
  }
});
