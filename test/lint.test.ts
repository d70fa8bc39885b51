import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { applyKb977203, lint, LINT_RULES, readTaskSequence, validatorFor, writeTaskSequence } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { memoryIo } from './helpers/memory-io.js';
import { buildSequenceView } from '../lib/render/build-sequence-view.js';

const VIOLATIONS = readFileSync(join(FIXTURES_DIR, 'lint', 'violations.xml'));
const BIG_STEP = `<step type="SMS_TaskSequence_RunCommandLineAction" name="s" description="" runIn="WinPEandFullOS" successCodeList="0"><action>x</action><defaultVarList><variable name="CommandLine" property="CommandLine">${'x'.repeat(4000)}</variable></defaultVarList></step>`;
const BIG_CURRENT_BRANCH = `<sequence version="3.10">${BIG_STEP.repeat(600)}</sequence>`;

describe('lint', () => {
  it('finds every violation with its rule, severity and line:column', () => {
    const found = lint(readTaskSequence(VIOLATIONS)).map((d) => `${d.line}:${d.col} ${d.severity} ${d.code}${d.requirement ? ` ${d.requirement}` : ''}`);
    expect(found).toEqual([
      '6:5 error kb977203/patch-quoted R6',
      '6:5 error kb977203/patch-variable R8',
      '6:5 error kb977203/patch-package R5',
      '6:5 warning kb977203/patch-duplicate R4',
      '6:5 warning setup-continue-on-error',
      '13:5 warning reference-missing',
      '20:5 warning kb977203/restart-notifies R14',
      '28:5 error kb977203/hotfix-install-step R1',
      '28:5 warning reference-missing',
      '35:5 warning clear-text-secret',
      '35:5 warning name-too-long',
      '35:5 error description-too-long',
      '35:5 warning catalog/missing-setting',
      '35:5 warning catalog/missing-setting',
    ]);
  });

  it('every rule fires on the violations fixtures (no rule without a test)', () => {
    const fixtures = readdirSync(join(FIXTURES_DIR, 'lint')).filter((f) => f.endsWith('.xml'));
    const fired = new Set(fixtures.flatMap((f) => lint(readTaskSequence(readFileSync(join(FIXTURES_DIR, 'lint', f)))).map((d) => d.code)));
    // The 2 MB policy limit, on a generated Current Branch sequence (too big to keep as a fixture).
    for (const d of lint(readTaskSequence(BIG_CURRENT_BRANCH))) fired.add(d.code);
    expect([...fired].sort()).toEqual(LINT_RULES.map((r) => r.id).sort());
  });

  it('a rule id that names no rule is refused, not run as no rule (which reported a clean sequence)', () => {
    const doc = readTaskSequence(VIOLATIONS);
    expect(lint(doc, ['kb977203/patch-quoted'])).not.toEqual([]);
    for (const ids of [['kb977203/patch-quoted', 'kb977203/patch-qouted'], ['Clear-Text-Secret']]) {
      expect(() => lint(doc, ids)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining(`no lint rule "${ids.at(-1)}"`) }));
    }
  });

  it('clear-text secrets in the globalVarList are found too, at their own line', () => {
    const doc = readTaskSequence('<sequence version="3.10">\n  <globalVarList>\n    <variable name="OSDJoinPassword" property="JoinPassword">Secret1</variable>\n  </globalVarList>\n</sequence>');
    expect(lint(doc)).toEqual([expect.objectContaining({ code: 'clear-text-secret', line: 3, col: 5 })]);
  });

  it('a finding about a global variable or the whole sequence has no step path, so no step named like one gets it', async () => {
    const secret = '<globalVarList><variable name="OSDJoinPassword" property="JoinPassword">Secret1</variable></globalVarList>';
    const named = (name: string) => `<step type="SMS_TaskSequence_RunCommandLineAction" name="${name}" description="" runIn="WinPEandFullOS" successCodeList="0"><action>x</action><defaultVarList><variable name="CommandLine" property="CommandLine">x</variable></defaultVarList></step>`;
    const doc = readTaskSequence(`<sequence version="3.10">\n${secret}\n${named('(globalVarList)')}\n${named('(sequence)')}\n${named('')}\n${BIG_STEP.repeat(600)}</sequence>`);
    const found = lint(doc, ['clear-text-secret', 'policy-too-large']);
    expect(found.map((d) => d.code).sort()).toEqual(['clear-text-secret', 'policy-too-large']);
    for (const d of found) expect(d).not.toHaveProperty('path');
    expect(validatorFor('lint.report.schema.json')({ results: [{ input: 'ts.xml', diagnostics: found }], summary: { inputs: 1, failed: 0, errors: 0, warnings: 2 } })).toBe(true);
    // The rendered page lists them as the sequence's findings, not beside the steps named (globalVarList), (sequence) or nothing.
    const view = buildSequenceView(doc);
    expect(view.findings.map((f) => f.rule).sort()).toEqual(expect.arrayContaining(['clear-text-secret', 'policy-too-large']));
    for (const item of view.items.slice(0, 3)) expect(item.findings.filter((f) => f.rule === 'clear-text-secret' || f.rule === 'policy-too-large')).toEqual([]);
    // The command line leaves the path out of such a line.
    const m = memoryIo({ 'g.xml': `<sequence version="3.10">${secret}</sequence>` });
    expect(await main(['lint', 'g.xml'], m.io)).toBe(0);
    expect(m.stdout).toBe('g.xml:1:41: warning clear-text-secret: Variable OSDJoinPassword holds a value in clear text; keep secrets in collection or hidden variables instead.\n');
  });

  it('a sequence patched by the KB977203 preset is clean', () => {
    for (const f of ['refresh-2007.xml', 'replace-restore.object.xml', 'new-computer-bare-utf16le.xml']) {
      const doc = readTaskSequence(readFileSync(resolve('examples', f)));
      applyKb977203(doc, { certfixPackage: 'CM100010', force: f.endsWith('.object.xml') });
      expect(lint(readTaskSequence(writeTaskSequence(doc))), f).toEqual([]);
    }
  });

  it('places findings inside object.xml at their line and column in the outer file', () => {
    const text = readFileSync(resolve('examples/replace-restore.object.xml'), 'utf8').replace('successCodeList="0" retryCount="0" runFromNet="false"><action>OSDSetupWindows.exe', 'continueOnError="true" successCodeList="0" retryCount="0" runFromNet="false"><action>OSDSetupWindows.exe');
    const [d] = lint(readTaskSequence(text));
    const line = text.split('\n').findIndex((l) => l.includes('<![CDATA[')) + 1;
    const col = text.split('\n')[line - 1]!.indexOf('<step type="SMS_TaskSequence_SetupWindowsAndSMSAction"') + 1;
    expect(d).toMatchObject({ code: 'setup-continue-on-error', line, col });
  });

  it('cmts lint: exit 1 on errors, 0 on warnings only unless --strict; --json matches its schema', async () => {
    const m = memoryIo({ 'v.xml': VIOLATIONS, 'w.xml': '<sequence version="3.10"><step type="X" name="' + 'n'.repeat(60) + '"/></sequence>' });
    expect(await main(['lint', 'v.xml'], m.io)).toBe(1);
    expect(m.stdout).toContain('v.xml:28:5: error kb977203/hotfix-install-step [R1] Install/Install KB977203: ');
    expect(await main(['lint', 'w.xml'], m.io)).toBe(0);
    expect(await main(['lint', 'w.xml', '--strict'], m.io)).toBe(1);
    const j = memoryIo({ 'v.xml': VIOLATIONS, 'bad.xml': '<x' });
    expect(await main(['lint', 'v.xml', 'bad.xml', '--json'], j.io)).toBe(1);
    const json = JSON.parse(j.stdout) as { summary: unknown };
    const validate = validatorFor('lint.report.schema.json');
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.summary).toEqual({ inputs: 2, failed: 1, errors: 5, warnings: 9 });
  });

  it('--help lists every rule', async () => {
    const m = memoryIo();
    expect(await main(['lint', '--help'], m.io)).toBe(0);
    for (const r of LINT_RULES) expect(m.stdout).toContain(r.id);
  });
});
