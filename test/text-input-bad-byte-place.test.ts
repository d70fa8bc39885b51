// A JSON or YAML file with a byte that is not UTF-8 (or, after a UTF-16 byte order mark, a lone surrogate) was refused
// naming the byte's offset only, where an XML input with the same byte is refused at its line and column: the text
// before the byte is good, so the place is known and now given, as file:line:col.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textInput } from '../lib/cli/text-input.js';
import { thrown } from './helpers/thrown.js';
import { runCli } from './helpers/run-cli.js';

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('a text input with a byte that is no such text is refused at its line and column', () => {
  it('UTF-8: the line and column of the first bad byte (columns count characters, not bytes)', () => {
    const e = thrown(() => textInput(latin1('steps:\n  - group: \xc3\xa9t\xc3\xa9 \xe9\n'), 'osd.yaml', 'NOT_A_TASK_SEQUENCE'));
    expect(e.code).toBe('NOT_A_TASK_SEQUENCE');
    expect(e.linePos).toEqual({ line: 2, col: 16 });
    expect(e.range).toEqual([22, 22]);
  });

  it('UTF-8 after a byte order mark, on its first line', () => {
    const e = thrown(() => textInput(latin1('\xef\xbb\xbfab\xff'), 'a.json', 'OPTIONS_INVALID'));
    expect(e.linePos).toEqual({ line: 1, col: 3 });
  });

  it('UTF-16LE: the place of a lone surrogate', () => {
    const body = Buffer.from('{\r\n "a": "x', 'utf16le');
    const e = thrown(() => textInput(Uint8Array.from([0xff, 0xfe, ...body, 0x00, 0xd8, 0x41, 0x00]), 'a.json', 'OPTIONS_INVALID'));
    expect(e.linePos).toEqual({ line: 2, col: 9 });
  });

  it('UTF-16LE with an odd number of bytes: after the last whole character', () => {
    const body = Buffer.from('{}\n[', 'utf16le');
    const e = thrown(() => textInput(Uint8Array.from([0xff, 0xfe, ...body, 0x20]), 'a.json', 'OPTIONS_INVALID'));
    expect(e.linePos).toEqual({ line: 2, col: 2 });
  });

  it('cmts convert and cmts build print file:line:col', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmts-bad-byte-'));
    try {
      writeFileSync(join(dir, 'ts.json'), latin1('{\n  "a": "caf\xe9"\n}\n'));
      writeFileSync(join(dir, 'ts.yaml'), latin1('steps:\n  - group: caf\xe9\n'));
      const c = await runCli(['convert', join(dir, 'ts.json'), '--to', 'xml']);
      expect(c.status).toBe(1);
      expect(c.stderr).toContain(`${join(dir, 'ts.json')}:2:12: ENCODING_INVALID`);
      const b = await runCli(['build', join(dir, 'ts.yaml')]);
      expect(b.status).toBe(1);
      expect(b.stderr).toContain(`${join(dir, 'ts.yaml')}:2:15: ENCODING_INVALID`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
