// An option's value missing, or given to an option that takes none: the usage error is cmts's own one line, not
// node:util's text (three sentences joined by newlines, shown as literal "\n", or a sentence without its stop).
import { describe, expect, it } from 'vitest';
import { startCommand } from '../lib/cli/start-command.js';
import { memoryIo } from './helpers/memory-io.js';
import { usageRefusal } from './helpers/usage-refusal.js';

const OPTIONS = { json: { type: 'boolean' }, 'max-bytes': { type: 'string' }, output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } } as const;

const refusal = (argv: string[]): string => usageRefusal(argv, OPTIONS);

describe('an option value missing or not wanted', () => {
  it('an option whose value is missing at the end says so, by its long name', () => {
    expect(refusal(['a.xml', '--max-bytes'])).toBe('--max-bytes needs a value.');
    expect(refusal(['a.xml', '-o'])).toBe('--output needs a value.');
  });

  it('an option followed by another option says its value is missing and how to give one that starts with -', () => {
    expect(refusal(['--max-bytes', '--json', 'a.xml'])).toBe("--max-bytes needs a value, not the option that follows it; to give one that starts with -, write --max-bytes=<value>.");
    expect(refusal(['-o', '-x', 'a.xml'])).toBe("--output needs a value, not the option that follows it; to give one that starts with -, write --output=<value>.");
  });

  it('a value given to an option that takes none is refused by its long name', () => {
    expect(refusal(['a.xml', '--json=1'])).toBe('--json takes no value.');
    expect(refusal(['--help=x'])).toBe('--help takes no value.');
  });

  it('the usage error is one line on standard error and in the --json report, exit 2', () => {
    const m = memoryIo();
    const code = startCommand({ name: 'inspect', help: 'HELP', options: OPTIONS, jsonSummary: { inputs: 0, failed: 0 } }, ['--max-bytes', '--json', 'a.xml'], m.io);
    expect(code).toBe(2);
    const [line, hint] = m.stderr.split('\n');
    expect(line).toBe("cmts inspect: --max-bytes needs a value, not the option that follows it; to give one that starts with -, write --max-bytes=<value>.");
    expect(hint).toBe("Run 'cmts inspect --help' for the options.");
    expect(JSON.parse(m.stdout).results[0].error.message).toBe(line?.slice('cmts inspect: '.length));
  });
});
