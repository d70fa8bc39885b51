// A file whose name starts with a dash (`cmts lint -r.xml`, a script's `cmts lint $file`) is refused as an unknown
// option, rightly; but the refusal said only "Unknown option '-r.xml'.", dropping node:util's hint of how to give
// such a file. A word no option could be (a dot, a slash, a space in it) gets that hint in cmts's words.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';
import { usageRefusal } from './helpers/usage-refusal.js';

const OPTIONS = { json: { type: 'boolean' }, output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } } as const;

const refusal = (argv: string[]): string => usageRefusal(argv, OPTIONS);

describe('a file name that starts with a dash', () => {
  it('is refused as an option, with how to give it as a file', () => {
    expect(refusal(['-r.xml'])).toBe("Unknown option '-r.xml'. A file whose name starts with - is given as ./-r.xml, or after --.");
    expect(refusal(['a.xml', '--old ts.xml'])).toBe("Unknown option '--old ts.xml'. A file whose name starts with - is given as ./--old ts.xml, or after --.");
    expect(refusal(['-exports/'])).toContain('given as ./-exports/, or after --.');
  });

  it('a word that could be an option gets no such hint', () => {
    expect(refusal(['-x'])).toBe("Unknown option '-x'.");
    expect(refusal(['--jsno'])).toBe("Unknown option '--jsno'. Did you mean --json?");
  });

  it('given after -- it is read as the file it is', async () => {
    const m = memoryIo();
    expect(await main(['lint', '-r.xml'], m.io)).toBe(2);
    expect(m.stderr).toContain("cmts lint: Unknown option '-r.xml'. A file whose name starts with - is given as ./-r.xml, or after --.\n");
    const after = memoryIo();
    expect(await main(['lint', '--', '-r.xml'], after.io)).toBe(1);
    expect(after.stderr).toContain('cmts lint: -r.xml: IO_ERROR');
  });
});

describe('a long word that starts with a dash', () => {
  it('is named once in the refusal, not twice', () => {
    const word = `-${'x'.repeat(200)}.xml`;
    const message = refusal([word]);
    expect(message.split(word.slice(1))).toHaveLength(2);
    expect(message).toContain('is given as ./ and its name, or after --.');
  });
});
