// Line ends in text values. The reader keeps a text value's literal line ends as written (a CR LF read stays CR LF in
// the value; a conforming reader such as MSXML sees it as LF), and the writer prints a value's line ends as given. So a
// value read from a CRLF file and edited by a script means what it meant: escaping its CRs as &#xD; would make
// ConfigMgr read CR LF where it read LF before the edit. Attribute values are normalised (see the attribute tests).
import { describe, expect, it } from 'vitest';
import { readTaskSequence, writeTaskSequence } from './helpers/api.js';

const SEQ = '<sequence version="3.10">\r\n  <step type="SMS_TaskSequence_RunCommandLineAction" name="s"><action>cmd /c one\r\ntwo</action></step>\r\n</sequence>\r\n';
const text = (doc: ReturnType<typeof readTaskSequence>) => Buffer.from(writeTaskSequence(doc)).toString('utf8');
const action = (doc: ReturnType<typeof readTaskSequence>) => {
  const step = doc.sequence.children.find((c) => 'tag' in c && c.tag === 'step') as { children: { tag?: string; value?: string }[] };
  return step.children.find((c) => c.tag === 'action') as { value: string };
};

describe('text values and their line ends', () => {
  it('reads a literal CR LF in a value as written', () => {
    expect(action(readTaskSequence(SEQ)).value).toBe('cmd /c one\r\ntwo');
  });

  it('writes an edited value that keeps a CR LF read from the file with a literal CR LF, not &#xD;', () => {
    const doc = readTaskSequence(SEQ);
    action(doc).value += '\r\nthree';
    const out = text(doc);
    expect(out).toContain('<action>cmd /c one\r\ntwo\r\nthree</action>');
    expect(out).not.toContain('&#xD;');
    expect(action(readTaskSequence(out)).value).toBe('cmd /c one\r\ntwo\r\nthree');
  });

  it('reads a CR written as a reference as a CR, and keeps the reference when the value is unedited', () => {
    const withRef = SEQ.replace('one\r\ntwo', 'one&#xD;two');
    const doc = readTaskSequence(withRef);
    expect(action(doc).value).toBe('cmd /c one\rtwo');
    expect(text(doc)).toBe(withRef);
  });
});
