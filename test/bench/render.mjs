// node test/bench/render.mjs (after npm run build): how long `cmts render` takes on a 2 MB task sequence, per phase
// (read, view model with lint, HTML, Markdown, and --compare against a copy with edits), and, when Debian's chromium
// is installed, how long the page takes to load and to filter in it. Figures, not pass/fail: the targets are under a
// second for the whole HTML render of 2 MB, and a search that answers without a noticeable pause.
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { generateSequence } from './generate.mjs';

const dist = join(fileURLToPath(import.meta.url), '..', '..', '..', 'dist', 'lib');
const { readTaskSequence } = await import(join(dist, 'read.js'));
const { buildSequenceView } = await import(join(dist, 'render', 'view-model.js'));
const { renderHtml } = await import(join(dist, 'render', 'render-html.js'));
const { renderMarkdown } = await import(join(dist, 'render', 'render-markdown.js'));
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

const CHROMIUM = '/usr/bin/chromium';
const { existsSync, mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
if (existsSync(CHROMIUM)) {
  const { tmpdir } = await import('node:os');
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'cmts-bench-render-'));
  const page = join(dir, 'page.html');
  writeFileSync(page, html);
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const tab = await context.newPage();
    const t = performance.now();
    await tab.goto(`file://${page}`);
    const load = performance.now() - t;
    const browserRows = { 'page load (file://)': load };
    // One keystroke's work: the filter's script, then the layout it causes.
    for (const q of ['step 2999', 'step 1', '']) {
      browserRows[`search ${JSON.stringify(q)}: script + layout`] = await tab.evaluate(
        `(() => { const i = document.getElementById('q'); i.value = ${JSON.stringify(q)}; const t = performance.now(); i.dispatchEvent(new Event('input')); document.body.offsetHeight; return performance.now() - t; })()`,
      );
    }
    console.log(`Chromium (${CHROMIUM}), the same page:`);
    console.table(Object.fromEntries(Object.entries(browserRows).map(([k, v]) => [k, { ms: Number(v.toFixed(1)) }])));
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
} else console.log(`No Chromium at ${CHROMIUM}: page load and search not measured.`);
