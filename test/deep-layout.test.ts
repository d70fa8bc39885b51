// Text made afresh for deep nesting grows with the items, not the square of the depth: XML laid out afresh stops
// indenting 64 steps deep (16,000 nested groups, 20 MB as JSON, became 513 MB of XML, and 20,000 passed the longest
// string there can be: an internal error); YAML, which says depth by indentation, is refused past 1,000 levels of
// groups, which cmts build could not read back anyway.
import { describe, expect, it } from 'vitest';
import { readTaskSequence, sequenceToXml, toModelJson } from './helpers/api.js';
import { modelJsonToXml } from '../lib/model/model-json-to-xml.js';
import { MAX_INDENT_STEPS } from '../lib/model/format.js';
import { MAX_YAML_GROUP_DEPTH, toYaml } from '../lib/text/to-text.js';
import { thrown } from './helpers/thrown.js';

const STEP = '<step type="SMS_TaskSequence_RunCommandLineAction" name="s"><action>cmd</action></step>';
const nested = (depth: number): string => `<sequence version="3.00">${'<group name="g">'.repeat(depth)}${STEP}${'</group>'.repeat(depth)}</sequence>`;

describe('deep nesting written afresh', { timeout: 60_000 }, () => {
  it('XML laid out afresh indents no deeper than MAX_INDENT_STEPS steps, so 5,000 levels make text linear in them', () => {
    const doc = readTaskSequence(nested(5000), { maxDepth: 6000 });
    const xml = modelJsonToXml(toModelJson(doc));
    const lines = xml.split('\r\n');
    const widest = Math.max(...lines.map((l) => /^ */.exec(l)?.[0].length ?? 0));
    expect(widest).toBe(MAX_INDENT_STEPS * 2);
    // Indented by the full depth, the text was over 50 MB.
    expect(xml.length).toBeLessThan(1_500_000);
    const again = readTaskSequence(xml, { maxDepth: 6000 });
    expect(again.steps()[0]?.groups).toHaveLength(5000);
    // A shallow sequence is indented level by level, as before.
    const shallow = sequenceToXml(toModelJson(readTaskSequence(nested(3))).sequence);
    expect(shallow.split('\r\n').map((l) => /^ */.exec(l)?.[0].length)).toEqual([0, 2, 4, 6, 8, 10, 8, 6, 4, 2, 0]);
  });

  it('YAML is written for groups up to MAX_YAML_GROUP_DEPTH deep and refused, saying why, past it', () => {
    expect(toYaml(readTaskSequence(nested(300), { maxDepth: 2000 }))).toMatch(/^# yaml-language-server/);
    const e = thrown(() => toYaml(readTaskSequence(nested(MAX_YAML_GROUP_DEPTH + 1), { maxDepth: 2000 })));
    expect([e.code, e.message]).toEqual(['TEXT_TOO_DEEP', expect.stringMatching(/groups nest 1001 levels deep, more than the 1000.*Convert it to JSON instead/)]);
  });
});
