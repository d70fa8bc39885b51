// YAML 1.2 (section 5.4) ends a line at CR LF, at LF and at a CR alone, and reads each line break in a scalar as one
// LF. The YAML library ends lines only at LF: a text saved with classic Mac line ends (CR only) was one line, refused
// as "not valid YAML" at line 1, and a lone CR in an LF text stayed in the value it was in. A text reads the same
// whichever line ends it has, and what is wrong in it is placed at the same line and column.
import { describe, expect, it } from 'vitest';
import { fromYaml, readTaskSequence, toYaml, writeTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const TEXT = [
  '# the line ends of this text are replaced below',
  'steps:',
  '  - group: Install',
  '    steps:',
  '      - step: Restart Computer',
  '        name: "Run one',
  '          and two"',
  '        settings:',
  '          target: HD',
  '          message: |',
  '            restart one',
  '',
  '            two',
  '      - step: Set Task Sequence Variable',
  '        settings: {variableName: X,',
  '          variableValue: "a b"}',
  '',
].join('\n');
const bytesOf = (text: string) => Buffer.from(writeTaskSequence(fromYaml(text)));
const endings = { CRLF: '\r\n', CR: '\r' };

describe('the line ends of a text form', () => {
  it('CR LF and CR alone build the same bytes as LF, block scalars and folded quotes included', () => {
    const lf = bytesOf(TEXT);
    expect(lf.toString('utf8')).toContain('restart one\n\ntwo');
    expect(lf.toString('utf8')).toContain('name="Run one and two"');
    for (const [what, nl] of Object.entries(endings)) expect(bytesOf(TEXT.replace(/\n/g, nl)).equals(lf), what).toBe(true);
  });

  it('a lone CR in an LF text is a line end, as YAML says (not a character kept in the value)', () => {
    const mixed = 'steps:\n  - group: "one\r      two"\r  - group: three\n';
    expect(bytesOf(mixed).equals(bytesOf(mixed.replace(/\r/g, '\n')))).toBe(true);
    expect(bytesOf(mixed).toString('utf8')).toContain('name="one two"');
    // Written as an escape, a CR is a character of the value.
    expect(bytesOf('steps:\n  - group: "one\\rtwo"\n').toString('utf8')).toContain('name="one&#xD;two"');
  });

  it('what is wrong is placed at the same line and column whatever the line ends', () => {
    const cases: [string, string, number, number][] = [
      ['a schema problem', 'steps:\n  - step: Restart Computer\n    timeout: x\n', 3, 14],
      ['an unknown key', 'steps:\n  - step: Restart Computer\n\n    bogus: 1\n', 4, 5],
      ['YAML that is not valid', 'steps:\n  - group: A\n    steps: [\n', 4, 1],
      ['a key twice', 'steps: []\nattributes:\n  a: x\n  a: y\n', 4, 3],
    ];
    for (const [what, text, line, col] of cases) {
      for (const nl of ['\n', ...Object.values(endings)]) {
        const e = thrown(() => fromYaml(text.replace(/\n/g, nl)));
        expect(e.linePos, `${what} ${JSON.stringify(nl)}`).toEqual({ line, col });
      }
    }
  });

  it('XML → text → XML is the same bytes, and the text with CR line ends builds them too', () => {
    const xml = bytesOf(TEXT);
    const text = toYaml(readTaskSequence(xml));
    expect(Buffer.from(writeTaskSequence(fromYaml(text))).equals(xml)).toBe(true);
    expect(Buffer.from(writeTaskSequence(fromYaml(text.replace(/\n/g, '\r')))).equals(xml)).toBe(true);
  });
});
