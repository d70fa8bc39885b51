// A Set Task Sequence Variable step's <action> command line is what the engine runs: when that line sets a
// password-like variable or carries /hiddenflag:True, its value is a secret even if the step's variables name another
// variable or say "show". Lint's catalog/action-line finding said so ("neither is shown") while the comparison on the
// same page, cmts diff and the page's "set" line printed the value. One test (catalog/action-line-secret.ts) for all.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { renderComparison, renderSequence } from '../lib/render/render-sequence.js';
import { readTaskSequence } from './helpers/api.js';
import { memoryIo } from './helpers/memory-io.js';

/** A step whose variables set `Foo = bar`, shown, and whose action line is `line`. */
const step = (line: string, name = 'Foo', value = 'bar', flag = 'false') =>
  `<sequence version="3.10"><group name="G"><step type="SMS_TaskSequence_SetVariableAction" name="Set" runIn="WinPEandFullOS" successCodeList="0"><action>${line}</action><defaultVarList><variable name="DoNotShowVariableValue" property="DoNotShowVariableValue" hidden="true">${flag}</variable><variable name="VariableName" property="VariableName" hidden="true">${name}</variable><variable name="VariableValue" property="VariableValue" hidden="true">${value}</variable></defaultVarList></step></group></sequence>`;

const cases: [string, (secret: string) => string][] = [
  ['the line sets a password-like variable the variables do not name', (s) => step(`tsenv.exe "OSDJoinPassword=${s}" /hiddenflag:False`)],
  ['the line carries /hiddenflag:True though the variables say show', (s) => step(`tsenv.exe "MyVar=${s}" /hiddenflag:True`, 'MyVar', s)],
  ['the line is one the catalog cannot read (a doubled space), so what it sets cannot be told', (s) => step(`tsenv.exe "OSDJoinPassword=${s}"  /hiddenflag:False`)],
];

describe('a secret set by a Set Task Sequence Variable step\'s action line is hidden everywhere', () => {
  for (const [what, make] of cases) {
    it(`${what}: a comparison (HTML and Markdown), cmts diff and cmts inspect show no value`, async () => {
      const before = make('OldSecret1');
      const after = make('NewSecret2');
      for (const format of ['html', 'md'] as const) {
        const page = renderComparison(readTaskSequence(before), readTaskSequence(after), { format });
        expect(page).not.toMatch(/OldSecret1|NewSecret2/);
        expect(page).toContain('(hidden)');
        expect(renderSequence(readTaskSequence(after), { format })).not.toContain('NewSecret2');
      }
      const m = memoryIo({ 'a.xml': before, 'b.xml': after });
      expect(await main(['diff', 'a.xml', 'b.xml'], m.io)).toBe(1);
      expect(m.stdout).toContain('~ step G/Set command line:\n    - (hidden)\n    + (hidden, changed)\n');
      expect(m.stdout).not.toMatch(/OldSecret1|NewSecret2/);
      const inspect = memoryIo({ 'b.xml': after });
      expect(await main(['inspect', '--json', 'b.xml'], inspect.io)).toBe(0);
      // The lossless model keeps every value as written (documented); the typed settings hide it.
      const report = JSON.parse(inspect.stdout) as { results: { steps: unknown }[] };
      expect(JSON.stringify(report.results[0]?.steps)).not.toContain('NewSecret2');
    });
  }

  it('the page\'s "set" line hides the value the line marks hidden, as lint\'s finding does', () => {
    const page = renderSequence(readTaskSequence(step('tsenv.exe "MyVar=Hush1" /hiddenflag:True', 'MyVar', 'Hush1')), { format: 'md' });
    expect(page).toContain('set: MyVar = (hidden)');
    expect(page).not.toContain('Hush1');
  });

  it('a line that sets a plain variable, shown, is shown as before', async () => {
    // The line is its variables' rendering on both sides: the diff lists the variable's change, shown.
    const m = memoryIo({ 'a.xml': step('tsenv.exe "Site=A" /hiddenflag:False', 'Site', 'A'), 'b.xml': step('tsenv.exe "Site=B" /hiddenflag:False', 'Site', 'B') });
    expect(await main(['diff', 'a.xml', 'b.xml'], m.io)).toBe(1);
    expect(m.stdout).toContain('~ step G/Set variable VariableValue:\n    - A\n    + B\n');
    // A line edited by hand apart from its variables is listed itself, and shown too.
    const h = memoryIo({ 'a.xml': step('tsenv.exe "Site=A" /hiddenflag:False', 'Site', 'A'), 'b.xml': step('tsenv.exe "Site=B" /hiddenflag:False', 'Site', 'A') });
    expect(await main(['diff', 'a.xml', 'b.xml'], h.io)).toBe(1);
    expect(h.stdout).toContain('~ step G/Set command line:\n    - tsenv.exe "Site=A" /hiddenflag:False\n    + tsenv.exe "Site=B" /hiddenflag:False\n');
  });
});
