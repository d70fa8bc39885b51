// Usage errors quote the value they refuse as the others do ('…'), and name it.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

const SEQ = '<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="R"><action>cmd</action></step></sequence>';

describe('CLI usage messages', () => {
  it("render --format pdf quotes the value as '…', as --to and --jobs do", async () => {
    const m = memoryIo({ 'ts.xml': SEQ });
    expect(await main(['render', 'ts.xml', '--format', 'pdf'], m.io)).toBe(2);
    expect(m.stderr).toContain('--format is html or md, not "pdf".');
  });

  it('completion names the shell it does not complete', async () => {
    const m = memoryIo();
    expect(await main(['completion', 'zsh'], m.io)).toBe(2);
    expect(m.stderr).toContain('"zsh"');
    expect(m.stderr).toMatch(/bash, powershell or pwsh/);
    const none = memoryIo();
    expect(await main(['completion'], none.io)).toBe(2);
    expect(none.stderr).toMatch(/Give the shell: bash, powershell or pwsh\./);
  });
});
