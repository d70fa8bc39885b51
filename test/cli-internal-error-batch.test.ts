// A bug that throws on one input of a batch (anything but a TaskSequenceError) costs that input only, as the error
// table says of INTERNAL_ERROR: the others are still processed, in every command that takes several inputs.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

const TS = '<sequence version="3.00"><step type="SMS_TaskSequence_RebootAction" name="r"><action>smsboot.exe /target:HD</action></step></sequence>';

/** An io over three inputs whose reading of b.xml throws a plain Error, as a bug in cmts would. */
function withBug() {
  const m = memoryIo({ 'a.xml': TS, 'b.xml': TS, 'c.xml': TS, 'ref.json': '{"packageId": "ABC00010"}' });
  const readFile = m.io.readFile.bind(m.io);
  m.io.readFile = (path, max) => {
    if (path === 'b.xml') throw new RangeError('Maximum call stack size exceeded');
    return readFile(path, max);
  };
  return m;
}

describe('INTERNAL_ERROR on one input of a batch', () => {
  for (const [command, args] of [
    ['convert', ['convert', 'a.xml', 'b.xml', 'c.xml', '--to', 'json', '--out-dir', 'out']],
    ['lint', ['lint', 'a.xml', 'b.xml', 'c.xml', '--json']],
    ['inspect', ['inspect', 'a.xml', 'b.xml', 'c.xml']],
    ['transform', ['transform', 'add-reference', 'a.xml', 'b.xml', 'c.xml', '--options', 'ref.json', '--out-dir', 'out']],
  ] as const) {
    it(`${command}: the other inputs are processed, the failed one is named with INTERNAL_ERROR, and the status is 1`, async () => {
      const m = withBug();
      expect(await main([...args], m.io)).toBe(1);
      expect(m.stderr).toContain(`cmts ${command}: b.xml: INTERNAL_ERROR cmts failed on this input: Maximum call stack size exceeded.`);
      if (command === 'convert') expect(m.writes.sort()).toEqual(['out/a.json', 'out/c.json']);
      else if (command === 'transform') expect(m.writes.sort()).toEqual(['out/a.xml', 'out/c.xml']);
      else if (command === 'lint') expect((JSON.parse(m.stdout) as { results: { input: string }[] }).results.map((r) => r.input)).toEqual(['a.xml', 'b.xml', 'c.xml']);
      else expect(m.stdout).toContain('c.xml');
    });
  }
});
