// Benchmark tasks of the library's queries and edits (see tasks.mjs, which runs them): each is timed in a process of
// its own, on a flat sequence of `n` steps, and returns the CPU time of the whole walk with the count it covered.
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = resolve(process.env.CMTS_DIST ?? join(here, '..', '..', 'dist'));
const load = (p) => import(pathToFileURL(join(dist, p)).href);

/** CPU time of one call of `f`, in ms. */
function cpuMs(f) {
  const c = process.cpuUsage();
  f();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
}

const flatText = (n) =>
  `<sequence version="3.10">\n${Array.from({ length: n }, (_, i) => `  <step type="SMS_TaskSequence_RunCommandLineAction" name="S${i}"><action>x</action></step>\n`).join('')}</sequence>\n`;

export const queryTasks = {
  // nextItem of every item of a flat sequence, without the index a Located holds: a walk a script writes.
  async nextItem(steps) {
    const { readTaskSequence } = await load('lib/index.js');
    const { listItems, nextItem } = await load('lib/api/model.js');
    const seq = readTaskSequence(flatText(Number(steps)), { maxBytes: 1 << 30 }).sequence;
    const items = listItems(seq).map((l) => l.node);
    let found = 0;
    const ms = cpuMs(() => {
      for (const item of items) if (nextItem(seq, item)) found++;
    });
    return { ms, steps: items.length, found };
  },
  // parentOf of every variable of a flat sequence (leaves, which have no parent links): a walk a script writes.
  async parentOfLeaves(steps) {
    const { readTaskSequence } = await load('lib/index.js');
    const { parentOf, visit } = await load('lib/api/model.js');
    const text = flatText(Number(steps)).replace(/<action>x<\/action>/g, '<action>x</action><defaultVarList><variable name="CommandLine" property="CommandLine">x</variable></defaultVarList>');
    const seq = readTaskSequence(text, { maxBytes: 1 << 30 }).sequence;
    const leaves = [];
    visit(seq, (node) => void (node.kind === 'variable' && leaves.push(node)));
    let found = 0;
    const ms = cpuMs(() => {
      for (const leaf of leaves) if (parentOf(seq, leaf)) found++;
    });
    return { ms, steps: leaves.length, found };
  },
};
