// The KB977203 requirements page the reports and help point to ships in the package and defines every number.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP as KB_HELP } from '../lib/cli/kb977203.js';
import { HELP as LINT_HELP } from '../lib/cli/lint.js';

const DOC = 'docs/kb977203-requirements.md';

describe('docs/kb977203-requirements.md', () => {
  const text = readFileSync(resolve(DOC), 'utf8');

  it('defines each of R1 to R15 in a table row of its own', () => {
    for (let n = 1; n <= 15; n++) expect(text, `R${n}`).toMatch(new RegExp(`^\\| R${n} \\|`, 'm'));
  });

  it('is in the published files and linked from the help of the commands that print requirement numbers', () => {
    const files = (JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { files: string[] }).files;
    expect(files.some((f) => DOC === f || DOC.startsWith(`${f}/`))).toBe(true);
    expect(KB_HELP).toContain(DOC);
    expect(LINT_HELP).toContain(DOC);
  });
});
