// node test/bench/render.mjs (after npm run build): how long `cmts render` takes on 2 MB task sequences, per phase
// (read, lint, view model, HTML, Markdown, and --compare against a copy with edits), and, when Debian's chromium is
// installed, how long the page takes to load and to filter in it. Two inputs: a generated sequence of Run Command
// Line steps, and — when ../shared/corpus is there — the many-step-type Current Branch export of the corpus repeated
// to 2 MB (read at run time, never copied). Wall time and this process's CPU time: on a busy shared machine the
// CPU time is the steadier figure. Figures, not pass/fail: the targets are a whole HTML render of 2 MB in under a
// second, and a search that answers without a noticeable pause.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { generateSequence } from './generate.mjs';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
const dist = join(root, 'dist', 'lib');
const { readTaskSequence } = await import(join(dist, 'read.js'));
const { writeTaskSequenceText } = await import(join(dist, 'write.js'));
const { lint } = await import(join(dist, 'lint', 'index.js'));
const { buildSequenceView } = await import(join(dist, 'render', 'build-sequence-view.js'));
const { renderHtml } = await import(join(dist, 'render', 'render-html.js'));
const { renderMarkdown } = await import(join(dist, 'render', 'render-markdown.js'));
const { renderComparison } = await import(join(dist, 'render', 'render-sequence.js'));

const TWO_MB = 2 * 1024 * 1024;

function generated() {
  let steps = 1000;
  while (generateSequence(steps).length < TWO_MB) steps += 500;
  return { label: `generated, ${steps} Run Command Line steps`, xml: generateSequence(steps) };
}

function fromCorpus() {
  const file = join(root, '..', 'shared', 'corpus', '03-forevanyeung-cb-export-object.xml');
  if (!existsSync(file)) return undefined;
  const inner = writeTaskSequenceText(readTaskSequence(readFileSync(file))).match(/<sequence[\s\S]*<\/sequence>/)[0];
  const body = inner.replace(/^<sequence[^>]*>/, '').replace(/<\/sequence>$/, '').replace(/<referenceList>[\s\S]*?<\/referenceList>/, '');
  let xml = '<sequence version="3.10">';
  while (xml.length < TWO_MB) xml += body;
  return { label: 'corpus 03 (about 50 step types) repeated', xml: `${xml}</sequence>` };
}

/** Median wall and CPU milliseconds of `reps` runs after a warm-up. */
function measure(fn, reps = 5) {
  fn();
  const runs = [];
  for (let i = 0; i < reps; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    const u = process.cpuUsage(c);
    runs.push([performance.now() - t, (u.user + u.system) / 1000]);
  }
  const mid = (k) => runs.map((r) => r[k]).sort((a, b) => a - b)[reps >> 1];
  return { 'wall ms': Number(mid(0).toFixed(0)), 'CPU ms': Number(mid(1).toFixed(0)) };
}

let page = '';
for (const input of [generated(), fromCorpus()].filter(Boolean)) {
  const { xml } = input;
  // The "new" side of --compare: every 50th step renamed, a group added.
  const edited = xml.replace(/name="([^"]*?)"/g, (m, n, at) => (at % 50 === 0 ? `name="${n} renamed"` : m)).replace('<group ', '<group name="New group"><step type="SMS_TaskSequence_RebootAction" name="New restart"><action>smsboot.exe /target:HD</action></step></group><group ');
  const doc = readTaskSequence(xml);
  const view = buildSequenceView(doc);
  page = renderHtml(view);
  console.log(`\n${input.label}: ${(xml.length / 1048576).toFixed(2)} MiB, ${view.counts.steps} steps; HTML page ${(page.length / 1048576).toFixed(2)} MiB`);
  console.table({
    read: measure(() => readTaskSequence(xml)),
    lint: measure(() => lint(doc)),
    'view model (no lint)': measure(() => buildSequenceView(doc, { lint: false })),
    'HTML from the view': measure(() => renderHtml(view)),
    'Markdown from the view': measure(() => renderMarkdown(view)),
    'whole render: read + lint + view + HTML': measure(() => renderHtml(buildSequenceView(readTaskSequence(xml)))),
    'whole --compare: read both + diff + HTML': measure(() => renderComparison(readTaskSequence(xml), readTaskSequence(edited)), 3),
  });
}

const CHROMIUM = '/usr/bin/chromium';
if (existsSync(CHROMIUM)) {
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'cmts-bench-render-'));
  const file = join(dir, 'page.html');
  writeFileSync(file, page);
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const tab = await context.newPage();
    const t = performance.now();
    await tab.goto(`file://${file}`);
    const rows = { 'page load (file://)': { ms: Number((performance.now() - t).toFixed(0)) } };
    // One keystroke's work: the filter's script, then the layout it causes.
    for (const q of ['restart', 'zzz', '']) {
      const ms = await tab.evaluate(`(() => { const i = document.getElementById('q'); i.value = ${JSON.stringify(q)}; const t = performance.now(); i.dispatchEvent(new Event('input')); document.body.offsetHeight; return performance.now() - t; })()`);
      rows[`search ${JSON.stringify(q)}: script + layout`] = { ms: Number(ms.toFixed(0)) };
    }
    console.log(`\nChromium (${CHROMIUM}), the last page:`);
    console.table(rows);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
} else console.log(`\nNo Chromium at ${CHROMIUM}: page load and search not measured.`);
