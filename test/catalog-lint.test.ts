import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, readTaskSequence, writeTaskSequence } from './helpers/api.js';
import { FIXTURES_DIR, wellFormedCorpusFiles } from './helpers/corpus.js';

const VIOLATIONS = readFileSync(join(FIXTURES_DIR, 'lint', 'catalog-violations.xml'));
const catalogFindings = (bytes: Uint8Array | string) =>
  lint(readTaskSequence(bytes))
    .filter((d) => d.code.startsWith('catalog/'))
    .map((d) => `${d.line}:${d.col} ${d.severity} ${d.code} ${d.message}`);

describe('catalog lint rules', () => {
  it('find unknown variables and attributes, wrong types, values outside the allowed set, missing settings and stale action lines', () => {
    expect(catalogFindings(VIOLATIONS)).toEqual([
      '3:5 warning catalog/unknown-variable Restart Computer has no variable SMSRebootDelay (property Delay).',
      '3:5 warning catalog/value-type messageTimeout (SMSRebootTimeout) should be an integer value, not "soon".',
      '3:5 warning catalog/allowed-value target (SMSRebootTarget) is "Floppy"; the console allows "HD", "WinPE".',
      '3:5 error catalog/action-line The command line is "smsboot.exe /target:HD" but the settings say "smsboot.exe /target:Floppy" (they differ from character 21).',
      '12:5 error catalog/action-line The command line is "tsenv.exe \\"OSDImage=Win10\\"" but the settings say "tsenv.exe \\"OSDImage=Win11\\"" (they differ from character 25).',
      '19:5 warning catalog/missing-setting Apply Driver Package is missing unsignedDriver (variable OSDAllowUnsignedDriver).',
      '19:5 warning catalog/unknown-attribute ConfigMgr does not read the attribute disabled="true" (the attribute is disable).',
    ]);
  });

  it('flag a step type the sequence version does not have', () => {
    const pkg = readFileSync(join(FIXTURES_DIR, 'lint', 'catalog-violations-2007.xml'), 'utf8');
    expect(catalogFindings(pkg)).toEqual(['6:7 error catalog/step-version Install Application first shipped in ConfigMgr 2012; this sequence is for ConfigMgr 2007.']);
    const cb = pkg.slice(pkg.indexOf('<sequence'), pkg.indexOf('</SequenceData>')).replace('version="3.00"', 'version="3.10"');
    expect(catalogFindings(cb).filter((f) => f.includes('step-version'))).toEqual([]);
  });

  it('find nothing in the real exports of the corpus (MDT steps are not held to the console form)', () => {
    for (const { name, bytes } of wellFormedCorpusFiles()) expect(catalogFindings(bytes), name).toEqual([]);
  });

  it('the stale action line is gone once the setting is set through the typed view', async () => {
    const { SetVariableStep, findSteps } = await import('./helpers/api.js');
    const doc = readTaskSequence(VIOLATIONS);
    const set = findSteps(doc.sequence, { name: 'Set' })[0]?.node;
    if (!set) throw new Error('fixture changed');
    new SetVariableStep(set).variableValue = 'Win11';
    expect(catalogFindings(writeTaskSequence(doc)).filter((f) => f.startsWith('12:5'))).toEqual([]);
  });
});
