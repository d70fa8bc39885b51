/**
 * `cmts diff`'s text for a changed Set Dynamic Variables `Rules` value: the rules that changed, each in words, rather
 * than the two whole XML texts (a task sequence's rules run to kilobytes on one line, and one word changed in one rule
 * printed them both whole). Rules are aligned by what they say, so a rule added in the middle is one `+` line, not every
 * rule after it changed. Secret values are hidden as everywhere (`catalog/rule-words.ts`), and one that changed in a
 * rule that changed reads `(hidden, changed)` after. Only the text is in words: `--json` keeps the values (masked).
 */
import type { WrittenDynamicRule } from '../catalog/dynamic-rules.js';
import { parseDynamicRules } from '../catalog/dynamic-rules.js';
import { hidesRuleValue, ruleWords } from '../catalog/rule-words.js';
import { diffRange, Script } from '../diff/edit-script.js';
import { HIDDEN, HIDDEN_CHANGED } from '../render/key-settings.js';

/** What a rule is compared by: everything it says, hidden values included (a change in one is a change). */
const ruleKey = (r: WrittenDynamicRule): string => JSON.stringify([r.conditions ?? null, r.variables.map((v) => [v.name, v.value, v.secret])]);

/**
 * The lines (indented under the entry's `~` line) that say how the rules `before` became `after`: `~ rule 3:` with the
 * rule before and after, `+ rule 4: …`, `- rule 2: …`, `> rule 1 is now rule 5: …`. Undefined when either is not the
 * rules grammar, or both say the same rules written otherwise: the value is then shown as the rest are (hidden whole
 * when it is not the grammar, as everywhere).
 */
export function ruleChangeLines(before: string | undefined, after: string | undefined): string[] | undefined {
  const old = before === undefined || before.trim() === '' ? [] : parseDynamicRules(before);
  const now = after === undefined || after.trim() === '' ? [] : parseDynamicRules(after);
  if (old === undefined || now === undefined) return undefined;
  const script = new Script();
  // Keyed by index into each side's list: the script's texts are the keys, and equal keys are equal rules.
  const oldKeys = old.map(ruleKey);
  const newKeys = now.map(ruleKey);
  diffRange(oldKeys, 0, oldKeys.length, newKeys, 0, newKeys.length, script, true);
  // The runs of removed and added rules between rules kept, by index into each side.
  const runs: { removed: number[]; added: number[] }[] = [];
  let i = 0;
  let j = 0;
  const { kinds } = script;
  for (let k = 0; k < kinds.length; ) {
    if (kinds[k] === ' ') {
      i++, j++, k++;
      continue;
    }
    const run = { removed: [] as number[], added: [] as number[] };
    for (; k < kinds.length && kinds[k] !== ' '; k++) kinds[k] === '-' ? run.removed.push(i++) : run.added.push(j++);
    runs.push(run);
  }
  // A rule removed in one place and added, the same, in another moved: said so, not as a removal and an addition.
  const addedAt = new Map<string, { at: number[]; next: number }>();
  for (const r of runs) {
    for (const b of r.added) {
      const same = addedAt.get(newKeys[b] as string);
      if (same) same.at.push(b);
      else addedAt.set(newKeys[b] as string, { at: [b], next: 0 });
    }
  }
  const moved = new Map<number, number>();
  for (const r of runs) {
    for (const a of r.removed) {
      const same = addedAt.get(oldKeys[a] as string);
      const b = same?.at[same.next];
      if (same && b !== undefined) moved.set(a, (same.next++, b));
    }
  }
  const movedTo = new Set(moved.values());
  const lines: string[] = [];
  for (const run of runs) {
    // The rest of a run: paired in order as changed rules, the rest removed or added.
    const removed = run.removed.filter((a) => !moved.has(a));
    const added = run.added.filter((b) => !movedTo.has(b));
    const paired = Math.min(removed.length, added.length);
    for (const a of run.removed) {
      const b = moved.get(a);
      if (b !== undefined) lines.push(`> rule ${a + 1} is now rule ${b + 1}: ${ruleWords(now[b] as WrittenDynamicRule, () => HIDDEN)}`);
    }
    for (let p = 0; p < paired; p++) {
      const [a, b] = [removed[p] as number, added[p] as number];
      const was = old[a] as WrittenDynamicRule;
      const is = now[b] as WrittenDynamicRule;
      const label = a === b ? `rule ${b + 1}` : `rule ${a + 1}, now rule ${b + 1}`;
      lines.push(`~ ${label}:`, `    - ${ruleWords(was, () => HIDDEN)}`, `    + ${ruleWords(is, (v) => (hiddenChanged(was, is, v) ? HIDDEN_CHANGED : HIDDEN))}`);
    }
    for (const a of removed.slice(paired)) lines.push(`- rule ${a + 1}: ${ruleWords(old[a] as WrittenDynamicRule, () => HIDDEN)}`);
    for (const b of added.slice(paired)) lines.push(`+ rule ${b + 1}: ${ruleWords(now[b] as WrittenDynamicRule, () => HIDDEN)}`);
  }
  // The same rules, written otherwise (spacing, CDATA, references): the values' own pair says how.
  return lines.length > 0 ? lines : undefined;
}

/**
 * Whether variable `v` of rule `is` is hidden and changed from the rule it was (`was`): the same variable (its name, at
 * its place, or else the one of that name) with another value. Both sides then read `(hidden)` alike without the mark.
 */
function hiddenChanged(was: WrittenDynamicRule, is: WrittenDynamicRule, v: number): boolean {
  const now = is.variables[v];
  if (now === undefined || !hidesRuleValue(now)) return false;
  const at = was.variables[v];
  const then = at !== undefined && at.name === now.name ? at : was.variables.find((x) => x.name === now.name);
  return then !== undefined && then.value !== now.value;
}
