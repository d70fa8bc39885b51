// A long option written with one dash (`-json`, `-strict`: PowerShell's way) was refused as the first letter node:util
// could not place ("Unknown option '-j'."), a word the user never typed, with no hint of the option meant.
import { describe, expect, it } from 'vitest';
import { parse } from '../lib/cli/args.js';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';
import { usageRefusal } from './helpers/usage-refusal.js';

const OPTIONS = { json: { type: 'boolean' }, strict: { type: 'boolean' }, 'max-bytes': { type: 'string' }, output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } } as const;

const refusal = (argv: string[]): string => usageRefusal(argv, OPTIONS);

describe('a long option given with one dash', () => {
  it('is named as typed, with the long option it is close to', () => {
    expect(refusal(['-json', 'a.xml'])).toBe("Unknown option '-json'. Did you mean --json?");
    expect(refusal(['a.xml', '-Strict'])).toBe("Unknown option '-Strict'. Did you mean --strict?");
    expect(refusal(['a.xml', '-max-bytes=5'])).toBe("Unknown option '-max-bytes'. Did you mean --max-bytes?");
    // After a known one-letter option that takes no value, as node:util reads the letters.
    expect(refusal(['-hjson'])).toBe("Unknown option '-hjson'. Did you mean --json?");
  });

  it('a one-letter option stays as it was, and a word far from every option gets no guess', () => {
    expect(refusal(['-x', 'a.xml'])).toBe("Unknown option '-x'.");
    expect(refusal(['-zzzz', 'a.xml'])).toBe("Unknown option '-zzzz'.");
    // A known one-letter option's value glued to it is that value, not an option.
    expect(parse(['-ojson.txt', 'a.xml'], OPTIONS).values.output).toBe('json.txt');
  });

  it('through a command: exit 2 and the hint', async () => {
    const m = memoryIo();
    expect(await main(['lint', '-strict', 'a.xml'], m.io)).toBe(2);
    expect(m.stderr).toContain("cmts lint: Unknown option '-strict'. Did you mean --strict?\n");
  });
});
