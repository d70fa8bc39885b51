// A review of what the README and --help say against what the tool does found: add-reference, run as a registered
// transform (checkTransform, applyTransform, cmts transform), said nothing of a sequence with no <referenceList>,
// where the README promises REFERENCES_NOT_IN_FILE; and TEXT_TOO_DEEP placed at the last too-deep place of a text,
// not the first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyTransform, checkTransform, createTransform, fromYaml, readTaskSequence } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { thrown } from './helpers/thrown.js';

const EXAMPLE = readFileSync(join(FIXTURES_DIR, '..', '..', 'examples', 'refresh-2007.xml'));
const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code);

describe('add-reference on a sequence with no <referenceList>', () => {
  it('says REFERENCES_NOT_IN_FILE on every path the transform runs by', () => {
    const options = { packageId: 'ABC00010' };
    expect(EXAMPLE.toString('latin1')).not.toContain('<referenceList');
    expect(codes(checkTransform('add-reference', readTaskSequence(EXAMPLE), options).diagnostics)).toContain('REFERENCES_NOT_IN_FILE');
    const doc = readTaskSequence(EXAMPLE);
    const report = applyTransform('add-reference', doc, options);
    expect(report.changed).toBe(false);
    expect(codes(report.diagnostics)).toContain('REFERENCES_NOT_IN_FILE');
    expect(codes(readTaskSequence(EXAMPLE).apply(createTransform('add-reference', options)).issues)).toContain('REFERENCES_NOT_IN_FILE');
  });
});

describe('TEXT_TOO_DEEP', () => {
  it('is placed at the first place too deep', () => {
    const text = ['steps:', '  - group: A', '    steps:', '      - group: B', '        steps: []', '  - group: C', '    steps:', '      - group: D', '        steps: []', ''].join('\n');
    const error = thrown(() => fromYaml(text, { maxDepth: 3 }));
    expect(error.code).toBe('TEXT_TOO_DEEP');
    expect(error.linePos?.line).toBe(4);
  });
});
