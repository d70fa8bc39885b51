// lint's lines name an item by its path; an item with no name had none to show: an unnamed step at the top printed
// `error name-over-limit : …`, and one in an unnamed group `… /: …`. Each unnamed item is `(no name)` there now; the
// --json report keeps the path as the model has it.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

describe('lint: the path of an item with no name', () => {
  it('is said with (no name) for each unnamed item; a name with an escaped / is left as it is', async () => {
    const xml = '<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction"><action>a.exe</action></step><group><step/></group><group name="a/b"><step name=""/></group></sequence>';
    const m = memoryIo({ 'n.xml': xml });
    await main(['lint', 'n.xml'], m.io);
    const lines = m.stdout.split('\n').filter((l) => l.includes('name-over-limit'));
    expect(lines.some((l) => / name-over-limit \(no name\): /.test(l))).toBe(true);
    expect(lines.some((l) => / name-over-limit \(no name\)\/\(no name\): /.test(l))).toBe(true);
    expect(lines.some((l) => / name-over-limit a\\\/b\/\(no name\): /.test(l))).toBe(true);
    expect(m.stdout).not.toMatch(/ name-over-limit \/?: /);
    const j = memoryIo({ 'n.xml': xml });
    await main(['lint', 'n.xml', '--json'], j.io);
    const paths = (JSON.parse(j.stdout) as { results: { diagnostics: { code: string; path?: string }[] }[] }).results[0]?.diagnostics.filter((d) => d.code === 'name-over-limit').map((d) => d.path);
    expect(paths).toContain('');
    expect(paths).toContain('/');
  });
});
