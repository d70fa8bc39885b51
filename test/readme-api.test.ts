// The README's API example, compiled and run as written (with the file system swapped for memory).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { applyKb977203, findSteps, readTaskSequence, SetupWindowsStep, STEP_TYPES, writeTaskSequence } from '../lib/index.js';

it('the README API example works as written', () => {
  const files = new Map<string, Uint8Array>([['ts.xml', readFileSync(resolve('examples/refresh-2007.xml'))]]);
  const log: string[] = [];

  const doc = readTaskSequence(files.get('ts.xml')!);
  expect(doc.container).toBe('sms-package');
  expect(doc.getProperty('DependentProgram')).toBe('');
  for (const { node, path } of findSteps(doc.sequence, { type: STEP_TYPES.setupWindowsAndConfigMgr })) {
    log.push(`${path} ${new SetupWindowsStep(node).clientInstallProperties}`);
  }
  const report = applyKb977203(doc, { certfixPackage: 'CM100010' });
  files.set('ts.xml', writeTaskSequence(doc));

  expect(log).toEqual(['Install Operating System/Setup Windows and ConfigMgr SMSSLP=CM01.contoso.com FSP=CM01.contoso.com']);
  expect(report.changed).toBe(true);
  expect(readTaskSequence(files.get('ts.xml')!).getProperty('DependentProgram')).toBe('CM100010;;CCMCertFix');
});
