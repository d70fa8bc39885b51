// setEnabled and setContinueOnError set and cleared again give back the item as read: a flag the file wrote "false"
// (MDT writes both flags, "false" included) is written "false" again, not left out. Left out, toggling a step there
// and back changed its start tag, though `diff` sees no difference.
import { describe, expect, it } from 'vitest';
import { readTaskSequence, setContinueOnError, setEnabled } from './helpers/api.js';

const input = (attrs: string) => `<sequence version="3.10">\r\n  <step type="A" name="a"${attrs}><action>x</action></step>\r\n  <step type="B" name="b"/>\r\n</sequence>\r\n`;

describe('a flag toggled twice', () => {
  it('disable="false" alone: disabled and enabled again, the file is as read', () => {
    const text = input(' disable="false" description=""');
    const doc = readTaskSequence(text);
    const step = doc.steps()[0]!.node;
    setEnabled(step, false);
    expect(doc.toString()).toContain('disable="true"');
    setEnabled(step, true);
    expect(doc.toString()).toBe(text);
  });

  it("continueOnError='false' alone: set and cleared again, the file is as read", () => {
    const text = input(" continueOnError='false'");
    const doc = readTaskSequence(text);
    const step = doc.steps()[0]!.node;
    setContinueOnError(step, true);
    setContinueOnError(step, false);
    expect(doc.toString()).toBe(text);
  });

  it('a flag the file left out, or wrote "true", is left out when cleared (as ConfigMgr writes it)', () => {
    for (const attrs of ['', ' disable="true"']) {
      const doc = readTaskSequence(input(attrs));
      const step = doc.steps()[0]!.node;
      setEnabled(step, false);
      setEnabled(step, true);
      expect(step.attributes).not.toHaveProperty('disable');
      expect(doc.toString()).toBe(input(''));
    }
  });

  it('a new step disabled and enabled has no disable attribute', () => {
    const doc = readTaskSequence(input(''));
    const step = doc.steps()[1]!.node;
    setEnabled(step, false);
    setEnabled(step, true);
    expect(doc.toString()).toBe(input(''));
  });
});
