/**
 * An array setting's count disagrees with its items: `OSDPartitions` says 3 and only item 0 has variables, or items
 * are written past the count.
 */
import { itemFieldsOf } from '../../catalog/catalog.js';
import type { StepTypeData } from '../../catalog/types.js';
import { arraysWritten } from '../../catalog/variable-match.js';
import type { Step, SubTaskSequence } from '../../model/types.js';
import { asItRuns, type Finding, type LintRule, consoleFormFindings } from '../rule.js';

/** The most runs of indexes a message lists; the rest are counted. */
const MOST_RUNS = 5;

/** Runs of indexes in words: `1`, `1–2`, `1–4, 7 and 9`, at most {@link MOST_RUNS} runs, then how many more. */
function indexRuns(runs: readonly (readonly [number, number])[]): string {
  const words = runs.slice(0, MOST_RUNS).map(([a, b]) => (a === b ? String(a) : `${a}–${b}`));
  if (runs.length > MOST_RUNS) words.push(`${runs.length - MOST_RUNS} more run${runs.length - MOST_RUNS === 1 ? '' : 's'}`);
  return words.length === 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}

/** The runs of indexes in [0, count) that `held` (sorted, distinct) lacks, found without walking the count. */
function gaps(held: readonly number[], count: number): [number, number][] {
  const out: [number, number][] = [];
  let next = 0;
  for (const i of held) {
    if (i >= count) break;
    if (i > next) out.push([next, i - 1]);
    next = i + 1;
  }
  if (next < count) out.push([next, count - 1]);
  return out;
}

/** The runs of consecutive indexes in `held` (sorted, distinct) from `count` on. */
function past(held: readonly number[], count: number): [number, number][] {
  const out: [number, number][] = [];
  for (const i of held) {
    if (i < count) continue;
    const last = out[out.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else out.push([i, i]);
  }
  return out;
}

/** What the step's arrays' counts and items disagree on, in words. */
function countProblems(entry: StepTypeData, step: Step | SubTaskSequence): string[] {
  const { counts, items } = arraysWritten(entry, step);
  const out: string[] = [];
  for (const [array, text] of counts) {
    // An array whose items' spelling is not known (Apply Network Settings' adapters) has no items to count here; a
    // count that is no whole number JavaScript holds exactly is catalog/value-type's to report (as it reads one).
    const count = /^-?\d+$/.test(text) ? Number(text) : NaN;
    if (itemFieldsOf(entry, array.property).length === 0 || !Number.isSafeInteger(count)) continue;
    const held = [...(items.get(array.property)?.keys() ?? [])].sort((a, b) => a - b);
    const named = `${entry.consoleName}'s ${array.setting} count (variable ${array.name}) is ${count}`;
    const missing = gaps(held, count);
    const beyond = past(held, count);
    const many = (runs: readonly (readonly [number, number])[]) => runs.length > 1 || runs.some(([a, b]) => a !== b);
    if (missing.length > 0) out.push(`${named}, but ${many(missing) ? 'items' : 'item'} ${indexRuns(missing)} of ${array.setting} ${many(missing) ? 'have' : 'has'} no variables; the console writes the count of the items it writes, and a typed view reads no ${array.setting} from the step.`);
    if (beyond.length > 0) out.push(`${named}, but ${many(beyond) ? 'items' : 'item'} ${indexRuns(beyond)} of ${array.setting} ${many(beyond) ? 'are' : 'is'} written past it; the console writes the count of the items it writes, and a typed view reads no ${array.setting} from the step.`);
  }
  return out;
}

/** Lint rule `catalog/array-count` (see its description). */
export const catalogArrayCount: LintRule = {
  id: 'catalog/array-count',
  severity: 'warning',
  description: "An array setting's count disagrees with its items (Format and Partition Disk's OSDPartitions says 3 where only partition 0 has variables, or a partition is written past the count): the console writes the count of the items it writes, and a typed view reads no list from such a step.",
  check: (doc) => consoleFormFindings(doc, (located, entry): Finding[] => countProblems(entry, located.node).map((message) => asItRuns(located, message))),
};
