// Why a setting is one line comes from its step type's action templates. Worked out for the whole catalog when
// one-line.ts loaded, it cost every command's start-up the parse of every template (about 10 ms of code not yet
// compiled in `cmts kb977203 --dry-run`), though a run asks about a few settings. It is now worked out per step type,
// when first asked.
import { describe, expect, it, vi } from 'vitest';
import * as actionLine from '../lib/catalog/action-line.js';
import { stepCatalog } from '../lib/catalog/catalog.js';
import { oneLineReason } from '../lib/catalog/one-line.js';

vi.mock('../lib/catalog/action-line.js', { spy: true });

describe('one-line settings are worked out when asked', () => {
  it('loading parses no template; a question parses its own step type\'s templates, once', () => {
    const calls = () => vi.mocked(actionLine.templateProperties).mock.calls.length;
    expect(calls()).toBe(0);
    const entry = stepCatalog.find((e) => e.type === 'SMS_TaskSequence_InstallSoftwareAction');
    const data = entry?.variables.find((v) => v.name === 'SMSInstallSoftwareProgramName' || v.property === 'ProgramName');
    if (!entry || !data) throw new Error('the catalog has no Install Software program name');
    expect(oneLineReason(data)).toMatch(/one line/);
    const templates = 1 + (entry.dialects?.length ?? 0);
    expect(calls()).toBe(templates);
    for (const v of entry.variables) oneLineReason(v);
    expect(calls()).toBe(templates);
  });
});
