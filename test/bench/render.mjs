// node test/bench/render.mjs (after npm run build): how long `cmts render` takes on a 2 MB task sequence, per phase
// (read, view model with lint, HTML, Markdown, and --compare against a copy with edits). Figures, not pass/fail: the
// target is under a second for the whole HTML render of 2 MB.
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { generateSequence } from './generate.mjs';

const dist = join(fileURLToPath(import.meta.url), '..', '..', '..', 'dist', 'lib');
const { readTaskSequence } = await import(join(dist, 'read.js'));
const { buildSequenceView } = await import(join(dist, 'render', 'view-model.js'));
const { renderHtml } = await import(join(dist, 'render', 'html.js'));
const { renderMarkdown } = await import(join(dist, 'render', 'markdown.js'));
const { renderComparison } = await import(join(dist, 'render', 'render-sequence.js'));

let steps = 1000;
while (generateSequence(steps).length < 2 * 1024 * 1024) steps += 500;
const xml = generateSequence(steps);
// The "new" side: every 50th step renamed, every 100th removed, a group added.
const edited = xml
  .replace(/name="Step (\d*0)0 &amp; more"/g, (m, n) => (Number(n) % 2 ? `name="Step ${n}0 renamed"` : m))
  .replace(/<group name="Group 1" /, '<group name="New group"><step type="SMS_TaskSequence_RebootAction" name="New restart"><action>smsboot.exe /target:HD</action></step></group><group name="Group 1" ');

function median(fn, reps = 7) {
  fn();
  const times = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[reps >> 1];
}

const doc = readTaskSequence(xml);
const view = buildSequenceView(doc);
const after = readTaskSequence(edited);
const rows = {
  read: median(() => readTaskSequence(xml)),
  'view model (with lint)': median(() => buildSequenceView(doc)),
  'view model (no lint)': median(() => buildSequenceView(doc, { lint: false })),
  'HTML from the view': median(() => renderHtml(view)),
  'Markdown from the view': median(() => renderMarkdown(view)),
  'whole render: read + view + HTML': median(() => renderHtml(buildSequenceView(readTaskSequence(xml)))),
  'whole --compare: read both + diff + HTML': median(() => renderComparison(readTaskSequence(xml), readTaskSequence(edited)), 3),
};
const html = renderHtml(view);
console.log(`node ${process.version}; ${(xml.length / 1048576).toFixed(2)} MiB sequence, ${steps} steps; HTML page ${(html.length / 1048576).toFixed(2)} MiB; median ms`);
console.table(Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, { ms: Number(v.toFixed(1)) }])));
void after;
