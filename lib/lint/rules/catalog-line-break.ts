/**
 * A line end where the console keeps one line: a step's or group's name, a one-line setting (`oneLineReason` in
 * catalog/one-line.ts: one the `<action>` command line writes or reads, or a program's name), or the `<action>`
 * command line itself. The builders and `set` refuse each; a file's is read as written, and reported here.
 */
import { oneLineReason } from '../../catalog/one-line.js';
import { entryOfStep } from '../../catalog/step-view.js';
import { matchVariable } from '../../catalog/variable-match.js';
import { LINE_END, LINE_END_WORDS } from '../../model/item-checks.js';
import { getAction, variables } from '../../model/variables.js';
import { asItRuns, type Finding, items, type LintRule, steps } from '../rule.js';

/** Lint rule `catalog/line-break` (see its description). */
export const catalogLineBreak: LintRule = {
  id: 'catalog/line-break',
  severity: 'error',
  description: 'A line end (CR, LF, U+2028 or U+2029) where the console keeps one line: a step\'s or group\'s name (a warning: the console shows it on one line), a setting the <action> command line writes or reads, or a program\'s name, or the <action> line itself, which the engine runs as one command line.',
  check: (doc) => {
    const found: Finding[] = [];
    for (const located of items(doc)) {
      if (LINE_END.test(located.node.attributes.name ?? '')) {
        found.push({ located, severity: 'warning', message: `The name holds ${LINE_END_WORDS}: the console shows and edits a name in a one-line box.` });
      }
    }
    for (const located of steps(doc)) {
      const entry = entryOfStep(located.node);
      const settings: Finding[] = [];
      for (const v of entry ? variables(located.node) : []) {
        const data = entry && matchVariable(entry, v)?.data;
        const reason = data && oneLineReason(data);
        // The value is not shown: a command line or a variable's value can hold a password.
        if (data && reason !== undefined && LINE_END.test(v.value)) settings.push(asItRuns(located, `${data.setting} (${data.name}) holds ${LINE_END_WORDS}: ${reason}.`));
      }
      found.push(...settings);
      // A line the settings did not bring a line end into (an MDT step keeps its command only there).
      if (settings.length === 0 && LINE_END.test(getAction(located.node) ?? '')) {
        found.push(asItRuns(located, `The <action> command line holds ${LINE_END_WORDS}: the engine runs it as one command line, so what follows the line end is not the command the step shows.`));
      }
    }
    return found;
  },
};
