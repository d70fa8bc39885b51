import { describe, expect, it } from 'vitest';
import { readTaskSequence } from './helpers/api.js';
import { buildComparisonView } from '../lib/render/comparison-view.js';
import { flattenItems } from '../lib/render/view-model.js';
import { cpuMs } from './helpers/cpu-time.js';

const restart = (timeout: string) =>
  `<step type="SMS_TaskSequence_RebootAction" name="Restart Computer"><action>smsboot.exe /target:HD</action><defaultVarList><variable name="SMSRebootMessage" property="Message">x</variable><variable name="SMSRebootTimeout" property="MessageTimeout">${timeout}</variable><variable name="SMSRebootTarget" property="Target">HD</variable></defaultVarList></step>`;
const sequence = (timeouts: string[]) => readTaskSequence(`<sequence version="3.10"><group name="G">${timeouts.map(restart).join('')}</group></sequence>`);

describe('a comparison marks each of several steps that share a name by its own changes', () => {
  it('the second and third of three same-named steps changed: each shows its own change, the first none', () => {
    const view = buildComparisonView(sequence(['10', '20', '30']), sequence(['10', '21', '31']), { lint: false });
    const steps = flattenItems(view.items).filter((i) => i.kind === 'step');
    expect(steps.map((s) => s.change?.fields.map((f) => `${f.before}→${f.after}`) ?? [])).toEqual([[], ['20→21'], ['30→31']]);
    expect(view.changes?.summary).toEqual({ added: 0, removed: 0, moved: 0, changed: 2 });
  });

  it('the marks are on the items the diff is about (it reads 10, 20 → 10, 15, 20 as 15 added)', () => {
    const view = buildComparisonView(sequence(['10', '20']), sequence(['10', '15', '20']), { lint: false });
    const marks = flattenItems(view.items).filter((i) => i.kind === 'step').map((s) => s.change?.mark ?? '');
    expect(marks).toEqual(['', 'added', '']);
  });

  it('20,000 steps of one name against 5,000: in seconds, not minutes (the lookups by path were quadratic)', { timeout: 120_000 }, () => {
    const many = (n: number, timeout: string) => Array.from({ length: n }, () => timeout);
    const { ms, result: view } = cpuMs(() => buildComparisonView(sequence(many(5000, '10')), sequence(many(20000, '10')), { lint: false }));
    expect(view.changes?.summary.added).toBe(15000);
    expect(ms).toBeLessThan(30_000);
  });
});
