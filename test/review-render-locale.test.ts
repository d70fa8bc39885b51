import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ensureBuilt } from './helpers/cli-process.js';

// Three Set Task Sequence Variable steps: Swedish sorts Ä after Z, English between A and B.
const setVariable = (name: string) =>
  `<step type="SMS_TaskSequence_SetVariableAction" name="Set ${name}"><action>tsenv.exe "${name}=1"</action><defaultVarList><variable name="VariableName" property="VariableName">${name}</variable><variable name="VariableValue" property="VariableValue">1</variable></defaultVarList></step>`;
const xml = `<sequence version="3.10">${['Zeta', 'Älv', 'Alpha', 'Beta'].map(setVariable).join('')}</sequence>`;

function render(locale: string): string {
  const r = spawnSync(process.execPath, [BIN, 'render', '-', '--format', 'md'], { input: xml, env: { ...process.env, LANG: locale, LC_ALL: locale } });
  expect(r.status).toBe(0);
  return r.stdout.toString('utf8');
}

describe('a page is the same whatever the locale it is rendered in', () => {
  it('the variable table comes out in one order under English and Swedish collation', { timeout: 120_000 }, () => {
    ensureBuilt();
    const english = render('en_US.UTF-8');
    const rows = english.split('\n').filter((l) => /^\| (Alpha|Beta|Zeta|Älv) \|/.test(l)).map((l) => l.split(' | ')[0]);
    expect(rows).toEqual(['| Alpha', '| Älv', '| Beta', '| Zeta']);
    expect(render('sv_SE.UTF-8')).toBe(english);
    expect(render('C')).toBe(english);
  });
});
