// policy-too-large measured the sequence as cmts lays out a sequence read without layout: two spaces of indentation
// per level on every line. A chain of groups 3,000 deep (a few hundred KB as written) so measured about 18 MB, a false
// finding, and measuring cost the square of the depth. The sequence is now measured as written without layout.
import { describe, expect, it } from 'vitest';
import { lint, readTaskSequence } from './helpers/api.js';

function chain(depth: number): string {
  const open = Array.from({ length: depth }, (_, i) => `<group name="G${i}">`).join('');
  return `<sequence version="3.10">${open}<step type="SMS_TaskSequence_RunCommandLineAction" name="S"><action>cmd</action></step>${'</group>'.repeat(depth)}</sequence>`;
}

describe('policy-too-large', () => {
  it('does not count indentation a sequence without layout does not have', () => {
    const xml = chain(3000);
    expect(xml.length).toBeLessThan(200_000);
    expect(lint(readTaskSequence(xml, { maxDepth: 4000 }), ['policy-too-large'])).toEqual([]);
  });

  it('still finds a sequence over 2 MB, with or without layout', () => {
    const step = `<step type="SMS_TaskSequence_RunCommandLineAction" name="s"><action>${'x'.repeat(4000)}</action></step>`;
    expect(lint(readTaskSequence(`<sequence version="3.10">${step.repeat(600)}</sequence>`), ['policy-too-large']).map((d) => d.code)).toEqual(['policy-too-large']);
    expect(lint(readTaskSequence(`<sequence version="3.10">\r\n  ${step.repeat(600)}\r\n</sequence>`), ['policy-too-large']).map((d) => d.code)).toEqual(['policy-too-large']);
    expect(lint(readTaskSequence(`<sequence version="3.10">${step.repeat(400)}</sequence>`), ['policy-too-large'])).toEqual([]);
  });
});
