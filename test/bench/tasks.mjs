// One benchmark measurement in a fresh process (so its peak memory is its own): `node --expose-gc tasks.mjs <task> …`
// prints one JSON object. The library comes from CMTS_DIST (default: this checkout's dist/), so the same tasks can
// measure an older build.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FXP_OPTIONS } from './fxp-options.mjs';
import { queryTasks } from './query-tasks.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = resolve(process.env.CMTS_DIST ?? join(here, '..', '..', 'dist'));
const load = (p) => import(pathToFileURL(join(dist, p)).href);
const [task, ...args] = process.argv.slice(2);

const rss = () => process.memoryUsage().rss;
const peak = () => process.resourceUsage().maxRSS * 1024;
// CPU time of the process (all its threads), not wall time: on a machine shared with other work it moves far less.
/** CPU time of one call of `f`, in ms. */
function cpuMs(f) {
  const c = process.cpuUsage();
  f();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
}
const middle = (times) => [...times].sort((a, b) => a - b)[times.length >> 1];
function median(f, reps) {
  return middle(Array.from({ length: reps }, () => cpuMs(f)));
}
/** Medians of `f` and `g` timed in turn, `reps` times each: a machine that slows down moves both alike. */
function medians(f, g, reps) {
  const a = [];
  const b = [];
  for (let i = 0; i < reps; i++) {
    a.push(cpuMs(f));
    b.push(cpuMs(g));
  }
  return [middle(a), middle(b)];
}
const KB = { certfixPackage: 'ABC00010' };
/**
 * What two threads get done against one: `run(n)` times the same work on `n` threads at once (ms); three turns of one
 * and two in alternation, medians. Two threads do twice the work, so their throughput against one thread's is
 * 2 × one's time / two's.
 */
async function capacity(run) {
  const one = [];
  const two = [];
  for (let turn = 0; turn < 3; turn++) {
    one.push(await run(1));
    two.push(await run(2));
  }
  return (2 * middle(one)) / middle(two);
}

const tasks = {
  ...queryTasks,
  // KB977203 applied in-process against a plain read+write round trip of the same document.
  async kb(file, reps = '3') {
    const { readTaskSequence, writeTaskSequence, applyKb977203 } = await load('lib/index.js');
    const bytes = readFileSync(file);
    // Warm-up: both paths once, so neither timing pays for compiling the code.
    writeTaskSequence(readTaskSequence(bytes));
    const warm = readTaskSequence(bytes);
    applyKb977203(warm, KB);
    writeTaskSequence(warm);
    let setups = 0;
    const [plain, kb] = medians(
      () => writeTaskSequence(readTaskSequence(bytes)),
      () => {
        const doc = readTaskSequence(bytes);
        setups = applyKb977203(doc, KB).setupSteps.length;
        writeTaskSequence(doc);
      },
      Number(reps),
    );
    return { plainMs: plain, kbMs: kb, setups };
  },
  // lint against a plain read+write round trip of the same document.
  async lintVsPlain(file, reps = '3') {
    const { readTaskSequence, writeTaskSequence } = await load('lib/index.js');
    const { lint } = await load('lib/lint/index.js');
    const bytes = readFileSync(file);
    const doc = readTaskSequence(bytes);
    // Warm-up: both once, so neither timing pays for compiling the code.
    writeTaskSequence(readTaskSequence(bytes));
    let findings = lint(doc).length;
    const [plain, linted] = medians(
      () => writeTaskSequence(readTaskSequence(bytes)),
      () => {
        findings = lint(doc).length;
      },
      Number(reps),
    );
    return { plainMs: plain, lintMs: linted, findings };
  },
  // lint with one finding per Setup step (and more), timed.
  async lint(file, reps = '3') {
    const { readTaskSequence } = await load('lib/index.js');
    const { lint } = await load('lib/lint/index.js');
    const doc = readTaskSequence(readFileSync(file));
    let findings = 0;
    const ms = median(() => {
      findings = lint(doc).length;
    }, Number(reps));
    return { ms, findings };
  },
  // The semantic diff (cmts diff) of `steps` steps that all share one name, against the same with one renamed and
  // the last moved first: what is matched by key and what kept its order both meet items that share a key.
  async diff(steps, reps = '3') {
    const { readTaskSequence } = await load('lib/index.js');
    const { diffTaskSequences } = await load('lib/diff/semantic-diff.js');
    const n = Number(steps);
    const step = (name) => `<step type="SMS_TaskSequence_RebootAction" name="${name}"><action>smsboot.exe /target:HD</action></step>\n`;
    const names = Array.from({ length: n }, () => 'Restart Computer');
    const after = ['Restart Computer', ...names.slice(0, -1)];
    after[n >> 1] = 'Restart into WinPE';
    const a = readTaskSequence(`<sequence version="3.10">\n${names.map(step).join('')}</sequence>`);
    const b = readTaskSequence(`<sequence version="3.10">\n${after.map(step).join('')}</sequence>`);
    let entries = 0;
    const ms = median(() => {
      entries = diffTaskSequences(a, b).length;
    }, Number(reps));
    return { ms, entries, steps: n };
  },
  // The CLI in-process with the real streams; peak RSS above the RSS once the CLI is loaded.
  async cli(...argv) {
    const { main, COMMANDS } = await load('lib/cli/main.js');
    const { nodeIo } = await load('lib/cli/io.js');
    // The command's modules are loaded before the clock starts, as the library is for the tasks it is compared with
    // (plainDir, rtmem): a figure here is the command's work; loading is the start-up section's.
    await COMMANDS[argv[0]]?.load();
    global.gc?.();
    const base = rss();
    const io = nodeIo();
    const sink = { write: () => true };
    const quiet = { ...io, stdout: { ...io.stdout, write: sink.write }, stderr: { ...io.stderr, write: sink.write } };
    const t = process.hrtime.bigint();
    const code = await main(argv, quiet);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    return { code, ms, peakAbove: peak() - base };
  },
  // A read+write round trip; peak RSS above start-up (libraries loaded, before the input is read).
  async rtmem(file) {
    const { readTaskSequence, writeTaskSequence } = await load('lib/index.js');
    global.gc?.();
    const base = rss();
    const bytes = readFileSync(file);
    const out = writeTaskSequence(readTaskSequence(bytes));
    return { peakAbove: peak() - base, input: bytes.length, exact: Buffer.compare(Buffer.from(out), bytes) === 0 };
  },
  // The same round trip by the card's parser (fast-xml-parser, order kept, nothing coerced), for comparison.
  async rtmemFxp(file) {
    const { XMLParser, XMLBuilder } = await import('fast-xml-parser');
    const parser = new XMLParser(FXP_OPTIONS);
    const builder = new XMLBuilder(FXP_OPTIONS);
    global.gc?.();
    const base = rss();
    const bytes = readFileSync(file);
    const out = Buffer.from(builder.build(parser.parse(bytes.toString('utf8'))), 'utf8');
    return { peakAbove: peak() - base, input: bytes.length, output: out.length };
  },
  // Reading an input near or over the limit: a typed error or a document, never an abort.
  async limit(file, maxBytes) {
    const { readTaskSequence, writeTaskSequence } = await load('lib/index.js');
    const bytes = readFileSync(file);
    const base = rss();
    try {
      const doc = readTaskSequence(bytes, maxBytes ? { maxBytes: Number(maxBytes) } : {});
      writeTaskSequence(doc);
      return { result: 'read', peakAbove: peak() - base };
    } catch (e) {
      return { result: e.code ?? `${e.name}: ${e.message}`, peakAbove: peak() - base };
    }
  },
  // Refusing an input for one bad UTF-8 sequence at its very end, against reading the same input valid: finding the
  // first bad byte must be one pass, not a search that decodes prefixes of the whole input again and again.
  async badByte(mib) {
    const { readTaskSequence } = await load('lib/index.js');
    const unit = '  <step type="SMS_TaskSequence_RunCommandLineAction" name="Caf\u00e9 \u20ac \u00fc"/>\n';
    const body = `<sequence version="3.10">\n${unit.repeat(Math.floor((Number(mib) << 20) / Buffer.byteLength(unit)))}`;
    const valid = Buffer.from(`${body}</sequence>\n`);
    const bad = Buffer.concat([Buffer.from(body), Buffer.from([0xe2, 0x82])]);
    let code;
    const refuse = () => {
      try {
        readTaskSequence(bad);
      } catch (e) {
        code = e.code;
      }
    };
    const [readMs, refuseMs] = medians(() => readTaskSequence(valid), refuse, 3);
    return { readMs, refuseMs, code, bytes: valid.length };
  },
  // Nesting `depth` groups deep: read (with maxDepth raised), edit the innermost, write.
  async deep(depth) {
    const { readTaskSequence, writeTaskSequence } = await load('lib/index.js');
    // visit is not a root export (the root keeps the names a script needs); it lives on the cmts/model subpath.
    const { visit } = await load('lib/api/model.js');
    const n = Number(depth);
    const text = `<sequence>${'<group>'.repeat(n)}<step name="a"/>${'</group>'.repeat(n)}</sequence>`;
    try {
      const doc = readTaskSequence(text, { maxDepth: n + 10 });
      let count = 0;
      visit(doc.sequence, (node) => {
        count++;
        if (node.kind === 'step') node.attributes.name = 'b';
      });
      const out = Buffer.from(writeTaskSequence(doc)).toString();
      return { result: out === text.replace('name="a"', 'name="b"') ? 'ok' : 'wrong output', nodes: count };
    } catch (e) {
      return { result: e.code ?? `${e.name}: ${e.message}` };
    }
  },
  // Writing after one edit, a document of `n` attribute-less elements: every pass over the text must be linear.
  async style(n) {
    const { readTaskSequence, writeTaskSequence } = await load('lib/index.js');
    const text = `<sequence version="3.10">\n${'<a/>\n'.repeat(Number(n))}</sequence>\n`;
    const doc = readTaskSequence(text, { maxBytes: 1 << 30 });
    // A new attribute on an element that had none: printing it needs the document's quote style.
    doc.sequence.children.find((c) => c.kind !== 'text').attributes.x = '1';
    const t = process.hrtime.bigint();
    writeTaskSequence(doc);
    return { ms: Number(process.hrtime.bigint() - t) / 1e6, bytes: text.length };
  },
  // Plain read+write round trips of every file in a folder, one thread: the batch baseline.
  // What two threads get done on this machine against one, on the same pure CPU work: a batch on worker threads can
  // be no faster than this lets it (a virtual machine's two cores may be two halves of one).
  async cores() {
    const { Worker } = await import('node:worker_threads');
    const spin = `let x = 0; for (let i = 0; i < 2e8; i++) x += i % 7; require('node:worker_threads').parentPort.postMessage(x);`;
    const run = (n) => {
      const t = process.hrtime.bigint();
      return Promise.all(Array.from({ length: n }, () => new Promise((done, fail) => new Worker(spin, { eval: true }).once('message', done).once('error', fail)))).then(() => Number(process.hrtime.bigint() - t) / 1e6);
    };
    return { capacity: await capacity(run) };
  },
  // The same question asked of the batch's own kind of work: plain round trips of one 100 KB input, warm, in one thread
  // and in two at once. Unlike the spin above, this work allocates a tree per input, which two threads of a machine
  // that share its memory system may not do twice as fast: on this one the figure moved from 1.15 to 1.90 by run.
  async roundTripCores(file) {
    const { Worker } = await import('node:worker_threads');
    const index = pathToFileURL(join(dist, 'lib', 'index.js')).href;
    const body = `const { readTaskSequence, writeTaskSequence } = await import(${JSON.stringify(index)});
      const { readFileSync } = await import('node:fs');
      const { parentPort } = await import('node:worker_threads');
      const bytes = readFileSync(${JSON.stringify(file)});
      for (let i = 0; i < 150; i++) writeTaskSequence(readTaskSequence(bytes));
      parentPort.postMessage('warm');
      await new Promise((go) => parentPort.once('message', go));
      for (let i = 0; i < 300; i++) writeTaskSequence(readTaskSequence(bytes));
      parentPort.postMessage('done');`;
    const code = `(async () => { ${body} })();`;
    // Each thread warms up first; the clock runs from the moment all are warm until all are done.
    const run = async (n) => {
      const workers = Array.from({ length: n }, () => new Worker(code, { eval: true }));
      await Promise.all(workers.map((w) => new Promise((done, fail) => w.once('message', done).once('error', fail))));
      const t = process.hrtime.bigint();
      const finished = Promise.all(workers.map((w) => new Promise((done, fail) => w.once('message', done).once('error', fail))));
      for (const w of workers) w.postMessage('go');
      await finished;
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      await Promise.all(workers.map((w) => w.terminate()));
      return ms;
    };
    return { capacity: await capacity(run) };
  },
  // One 100 KB input in one thread, warm: the batch's work on it (kb977203 --dry-run: read, preset, print, diff,
  // report) against a plain read+write round trip, timed in turn. The batch needs cores above this ratio to win.
  async perFile(file, reps = '200') {
    const { readTaskSequence, writeTaskSequence } = await load('lib/index.js');
    const { processBytes } = await load('lib/cli/kb977203-file.js');
    const bytes = readFileSync(file);
    const settings = { options: KB, mode: 'apply', dryRun: true, limits: {} };
    const n = Number(reps);
    const plain = () => writeTaskSequence(readTaskSequence(bytes));
    const kb = () => processBytes(bytes, file, undefined, settings);
    for (let i = 0; i < 100; i++) (plain(), kb());
    const [kbMs, plainMs] = medians(() => { for (let i = 0; i < 20; i++) kb(); }, () => { for (let i = 0; i < 20; i++) plain(); }, Math.max(3, n / 20));
    return { kbMs: kbMs / 20, plainMs: plainMs / 20 };
  },
  async plainDir(dir) {
    const { readdirSync } = await import('node:fs');
    const { readTaskSequence, writeTaskSequence } = await load('lib/index.js');
    const files = readdirSync(dir).filter((f) => f.endsWith('.xml'));
    const t = process.hrtime.bigint();
    for (const f of files) writeTaskSequence(readTaskSequence(readFileSync(join(dir, f))));
    return { ms: Number(process.hrtime.bigint() - t) / 1e6, files: files.length };
  },
};

const result = await tasks[task](...args);
process.stdout.write(JSON.stringify(result));
