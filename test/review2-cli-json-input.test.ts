// A JSON file that is not JSON (kb977203 --config, transform --options, convert --to xml) is refused with the line and
// column where it stops being JSON, as an XML input is: V8's message, which the error carried, names no place for
// most mistakes ("Unexpected token", "Unexpected end of JSON input") and quotes the input's bytes, control bytes too.
import { describe, expect, it } from 'vitest';
import { parseJsonInput } from '../lib/cli/json-input.js';
import { main } from '../lib/cli/main.js';
import { TaskSequenceError } from '../lib/index.js';
import { memoryIo } from './helpers/memory-io.js';

/** The error parseJsonInput throws for `text`. */
function refusal(text: string): TaskSequenceError {
  try {
    parseJsonInput(text, 'f.json', 'OPTIONS_INVALID');
  } catch (e) {
    if (e instanceof TaskSequenceError) return e;
    throw e;
  }
  throw new Error(`${JSON.stringify(text)} was taken as JSON`);
}

const SEQUENCE = '<sequence version="3.00"><step type="SMS_TaskSequence_RunCommandLineAction" name="A"><action>cmd</action></step></sequence>';

describe('JSON input that is not JSON', () => {
  it('names the line and column where the text stops being JSON', () => {
    const cases: [string, number, number][] = [
      ['{"packageId": ]}', 1, 15],
      ['{\n  "packageId": "ABC00010",\n}', 3, 1],
      ['{\n  "a": 1\n', 3, 1],
      ['\uFEFF{"a" 1}', 1, 7],
      ['[1, 2] x', 1, 8],
      ['{"a": "b\u001b]0;x\u0007"}', 1, 9],
      ['', 1, 1],
    ];
    for (const [text, line, col] of cases) {
      const e = refusal(text);
      expect(e.code, JSON.stringify(text)).toBe('OPTIONS_INVALID');
      expect(e.linePos, JSON.stringify(text)).toEqual({ line, col });
      expect(e.file).toBe('f.json');
      // Nothing of the input's control bytes reaches the message (and a terminal).
      expect(e.message, JSON.stringify(text)).not.toMatch(/[\u0000-\u001f\u007f]/);
    }
    expect(parseJsonInput('\uFEFF{"a": [1, "x"]}', 'f.json', 'OPTIONS_INVALID')).toEqual({ a: [1, 'x'] });
  });

  it('each command that reads JSON reports the place: --config, --options and convert --to xml', async () => {
    const broken = '{\n  "certfixPackage": "ABC00010",\n  "drive": C:\n}\n';
    const files = { 'ts.xml': SEQUENCE, 'config.json': broken, 'ref.json': broken, 'model.json': broken };
    for (const argv of [
      ['kb977203', 'ts.xml', '--config', 'config.json', '--dry-run', '--json'],
      ['transform', 'add-reference', 'ts.xml', '--options', 'ref.json', '--check', '--json'],
    ]) {
      const m = memoryIo(files);
      expect(await main(argv, m.io), argv.join(' ')).toBe(1);
      const record = (JSON.parse(m.stdout) as { results: { error?: { code: string; file: string; line: number; col: number } }[] }).results.at(-1);
      expect(record?.error, argv.join(' ')).toMatchObject({ code: 'OPTIONS_INVALID', file: argv.includes('--config') ? 'config.json' : 'ref.json', line: 3, col: 12 });
    }
    const m = memoryIo(files);
    expect(await main(['convert', 'model.json', '--to', 'xml'], m.io)).toBe(1);
    expect(m.stderr).toMatch(/^cmts convert: model\.json:3:12: TEXT_MALFORMED model\.json is not valid JSON: 'C' where a value was expected\.\n$/);
  });
});
