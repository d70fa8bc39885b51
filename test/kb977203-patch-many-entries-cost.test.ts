// Taking the KB977203 entries out of a PATCH list (revert, and apply's note of what revert gives back) cut the value
// anew at each entry: a PATCH with thousands of KB977203 entries copied its whole length once per entry (10,000 took
// 5 s, 40,000 over a minute). The cuts now keep the untouched text and the pieces after it, and join them once.
// Counted as the characters String.prototype.slice returns during the call (a timing would be noise).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withoutKb977203Entries } from '../lib/presets/kb977203-patch-list.js';
import { applyKb977203, readTaskSequence, revertKb977203, writeTaskSequence, type Kb977203Options } from './helpers/api.js';

const KB = 'C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\sccm2007ac-sp2-kb977203-x86.msp';
const N = 2000;
const other = (i: number) => `C:\\p\\x${i}.msp`;
/** A PATCH of N paths, every second one a KB977203 entry, as `form` writes the list. */
const properties = (form: (paths: string[]) => string) => `SMSSLP=CM01 PATCH=${form(Array.from({ length: N }, (_, i) => (i % 2 ? KB : other(i))))} FSP=FSP01`;
const left = (form: (paths: string[]) => string) => `SMSSLP=CM01 PATCH=${form(Array.from({ length: N / 2 }, (_, i) => other(2 * i)))} FSP=FSP01`;

/** The characters String.prototype.slice returns while `f` runs. */
function slicedDuring<T>(f: () => T): { result: T; chars: number } {
  let chars = 0;
  const { slice } = String.prototype;
  vi.spyOn(String.prototype, 'slice').mockImplementation(function (this: string, start?: number, end?: number) {
    const out = slice.call(this, start, end);
    chars += out.length;
    return out;
  });
  try {
    return { result: f(), chars };
  } finally {
    vi.restoreAllMocks();
  }
}

describe('a PATCH list with thousands of KB977203 entries', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['quoted as a whole', (p: string[]) => `"${p.join(';')}"`],
    ['each path quoted', (p: string[]) => p.map((x) => `"${x}"`).join(';')],
    ['spaces after each ;', (p: string[]) => `"${p.join('; ')}"`],
  ])('%s: the entries come out in one pass over the text', (_, form) => {
    const text = properties(form);
    const { result, chars } = slicedDuring(() => withoutKb977203Entries(text));
    expect(result).toBe(left(form));
    // One cut per entry, each copying the whole value, returns about N/2 times its length (about 60 million here).
    expect(chars).toBeLessThan(20 * text.length);
  });

  it('the first entry of the list, and one at its end, go as before', () => {
    expect(withoutKb977203Entries(`PATCH="${KB}; C:\\a.msp;${KB};C:\\b.msp;${KB}"`)).toBe('PATCH="C:\\a.msp;C:\\b.msp"');
    expect(withoutKb977203Entries(`PATCH="${KB};${KB};C:\\a.msp" X=1`)).toBe('PATCH="C:\\a.msp" X=1');
    expect(withoutKb977203Entries(`PATCH="${KB};${KB}" X=1`)).toBe('PATCH="" X=1');
  });

  it('apply and revert of a Setup step with such a PATCH give the properties back', () => {
    const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
    const input = `<sequence version="3.00">\n  <step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup" description=""><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">${properties((p) => `"${p.join(';')}"`).replace(/"/g, '&quot;')}</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step>\n</sequence>\n`;
    const doc = readTaskSequence(input);
    applyKb977203(doc, O);
    const back = readTaskSequence(writeTaskSequence(doc));
    revertKb977203(back, O);
    expect(Buffer.from(writeTaskSequence(back)).toString()).toContain(`PATCH=&quot;${Array.from({ length: N / 2 }, (_, i) => other(2 * i)).join(';')}&quot;`);
  });
});
