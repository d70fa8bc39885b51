// npm run bench: each target of the reader/writer (issue 9) with its measured figure and the ratio it is judged by.
// Every measurement runs in a child process of its own, so its peak memory is its own; times are medians, and each
// ratio compares two figures measured on the same machine in the same run, so a busy machine moves both alike.
// Figures, not pass/fail: this is not a test. CMTS_DIST=<dist folder> measures another build with the same tasks.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { FXP_OPTIONS } from './fxp-options.mjs';
import { generateBranchSequence, generateSequence, generateSetupSequence } from './generate.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = process.env.CMTS_DIST ?? join(here, '..', '..', 'dist');
const only = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'cmts-bench-'));
const rows = [];

function task(name, ...args) {
  return taskWith([], name, ...args);
}
/** A task in a process started with these V8 flags too (for a figure that says what a flag would change). */
function taskWith(flags, name, ...args) {
  const r = spawnSync(process.execPath, ['--expose-gc', ...flags, join(here, 'tasks.mjs'), name, ...args.map(String)], { encoding: 'utf8', env: { ...process.env, CMTS_DIST: dist }, maxBuffer: 1 << 26 });
  if (r.status !== 0) return { crashed: (r.stderr || `exit ${r.status}`).split('\n').find((l) => /Error|FATAL/.test(l)) ?? `exit ${r.status}` };
  return JSON.parse(r.stdout);
}
/** A task that must succeed for its figures to mean anything: its failure is reported and the target skipped. */
function must(name, ...args) {
  const r = task(name, ...args);
  if (r.crashed) throw new Error(`${name} ${args.join(' ')}: ${r.crashed}`);
  return r;
}
/** Round trips of `file` with each library in `libs`, taking turns in one process: { [lib]: { ms, exact } }. */
function roundTrip(libs, file, reps, heap = 'warm') {
  const r = spawnSync(process.execPath, ['--expose-gc', join(here, 'worker.mjs'), libs.join(','), file, String(reps), heap], { encoding: 'utf8', env: { ...process.env, CMTS_DIST: dist } });
  if (r.status !== 0) throw new Error(`${libs.join(', ')}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
function file(name, text) {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
const mb = (bytes) => (bytes / 1048576).toFixed(1);
function report(target, figure, ratio, limit) {
  const ok = typeof ratio === 'number' ? (ratio <= limit ? 'met' : 'NOT met') : ratio;
  rows.push({ target, figure, ratio: typeof ratio === 'number' ? ratio.toFixed(2) : '', 'target ≤': limit ?? '', result: ok });
  console.log(`${target}: ${figure}${typeof ratio === 'number' ? ` → ${ratio.toFixed(2)} (target ≤ ${limit})` : ''}`);
}
const want = (id) => only.length === 0 || only.includes(id);
const section = (id, f) => {
  if (!want(id)) return;
  try {
    f();
  } catch (e) {
    report(id, `failed: ${e.message}`, 'failed');
  }
};

try {
  console.log(`node ${process.version}; library: ${dist}\n`);

  section('roundtrip', () => {
    const f = file('seq-10000.xml', generateSequence(10000));
    // Both libraries in one process, taking turns round trip by round trip: the ratio compares like with like.
    const { cmts: cm, 'fast-xml-parser': fx } = roundTrip(['cmts', 'fast-xml-parser'], f, 15);
    report('round trip vs bare fast-xml-parser (10,000 steps)', `${cm.ms.toFixed(0)} ms vs ${fx.ms.toFixed(0)} ms, byte-exact: ${cm.exact}`, cm.ms / fx.ms, 0.3);
    // The same, each round trip starting from a fully collected heap (as a script that reads one file finds it): the
    // heap's pages are then new to the process, and this machine pays for every new page. A figure, not the target.
    const cold = roundTrip(['cmts', 'fast-xml-parser'], f, 9, 'collected');
    report('  the same, each from a collected heap', `${cold.cmts.ms.toFixed(0)} ms vs ${cold['fast-xml-parser'].ms.toFixed(0)} ms: ${(cold.cmts.ms / cold['fast-xml-parser'].ms).toFixed(2)}`, 'figure');
  });

  section('memory', () => {
    const text = generateSequence(26000);
    const f = file('seq-20mb.xml', text);
    const m = task('rtmem', f);
    report('read+write peak RSS above start-up (20 MB)', `${mb(m.peakAbove)} MiB for ${mb(m.input)} MiB`, m.peakAbove / m.input, 5);
    // The reader and writer hold V8's young generation at its size while they work on a large input (it grew to 2 × 16
    // MiB while a tree that all survives was built: xml/young-generation.ts). The same round trip with it held for the
    // whole process by the command-line flag. A figure, not the target.
    const held = taskWith(['--max-semi-space-size=1'], 'rtmem', f);
    if (!held.crashed) report('  the same with the young generation held (--max-semi-space-size=1)', `${mb(held.peakAbove)} MiB: ${(held.peakAbove / held.input).toFixed(2)}`, 'figure');
    const fxp = taskWith([], 'rtmemFxp', f);
    if (!fxp.crashed) report('  the same round trip by bare fast-xml-parser', `${mb(fxp.peakAbove)} MiB: ${(fxp.peakAbove / fxp.input).toFixed(2)}`, 'figure');
  });

  section('kb', () => {
    const small = must('kb', file('setup-200.xml', generateSetupSequence(200)), 3);
    // Three turns each, plain and KB977203 in turn (one turn alone moved the ratio by a fifth between runs).
    const large = must('kb', file('setup-2000.xml', generateSetupSequence(2000)), 3);
    report('KB977203 on 2,000 Setup steps vs its plain round trip', `${large.kbMs.toFixed(0)} ms vs ${large.plainMs.toFixed(0)} ms`, large.kbMs / large.plainMs, 3);
    const perSmall = small.kbMs / small.setups;
    const perLarge = large.kbMs / large.setups;
    report('KB977203 cost per Setup step, 2,000 vs 200', `${perLarge.toFixed(2)} ms vs ${perSmall.toFixed(2)} ms`, perLarge / perSmall, 2);
  });

  section('kb-branches', () => {
    // One branch per OS image, each under `OSDImage equals Image<i>` with its own Setup step: for each Setup step the
    // preset looked for the first later Setup step that may run after it, judging every later branch in turn (all are
    // skipped), so the cost grew with the square of the branches (2,000 took 11-26 s to check, lint or render).
    const small = must('kb', file('branches-200.xml', generateBranchSequence(200)), 3);
    const large = must('kb', file('branches-2000.xml', generateBranchSequence(2000)), 3);
    report('KB977203 on 2,000 exclusive Setup branches vs its plain round trip', `${large.kbMs.toFixed(0)} ms vs ${large.plainMs.toFixed(0)} ms`, large.kbMs / large.plainMs, 3);
    report('KB977203 cost per branch, 2,000 vs 200', `${(large.kbMs / large.setups).toFixed(2)} ms vs ${(small.kbMs / small.setups).toFixed(2)} ms`, large.kbMs / large.setups / (small.kbMs / small.setups), 2);
    // The same branches already fixed (lint finds nothing): its CCMCertFix rules ask the same of each Setup step and
    // each CCMCertFix step. Against a plain round trip a figure, not a target: every other rule's cost is in it too.
    const fixedSmall = must('lintVsPlain', file('branches-fixed-200.xml', generateBranchSequence(200, true)), 3);
    const fixedLarge = must('lintVsPlain', file('branches-fixed-2000.xml', generateBranchSequence(2000, true)), 3);
    report('lint cost per fixed exclusive Setup branch, 2,000 vs 200', `${(fixedLarge.lintMs / 2000).toFixed(3)} ms vs ${(fixedSmall.lintMs / 200).toFixed(3)} ms`, fixedLarge.lintMs / 2000 / (fixedSmall.lintMs / 200), 2);
    report('  lint of the 2,000 vs their plain round trip', `${fixedLarge.lintMs.toFixed(0)} ms vs ${fixedLarge.plainMs.toFixed(0)} ms: ${(fixedLarge.lintMs / fixedLarge.plainMs).toFixed(2)}`, 'figure');
  });

  section('lint', () => {
    const small = must('lint', file('certfix-200.xml', generateSetupSequence(200, 0, true)), 3);
    const large = must('lint', file('certfix-2000.xml', generateSetupSequence(2000, 0, true)), 1);
    const perSmall = small.ms / small.findings;
    const perLarge = large.ms / large.findings;
    report(`lint cost per finding, ${large.findings} vs ${small.findings} findings`, `${perLarge.toFixed(3)} ms vs ${perSmall.toFixed(3)} ms`, perLarge / perSmall, 2);
  });

  section('diff', () => {
    // Steps that share one name (a sequence with many "Restart Computer" steps): matching them by key copied and
    // shifted a list per item, and ordering them filled a table of every pair.
    const small = must('diff', 2000, 3);
    const large = must('diff', 20000, 3);
    const perSmall = small.ms / small.steps;
    const perLarge = large.ms / large.steps;
    report('cmts diff cost per step, 20,000 vs 2,000 steps of one name', `${(perLarge * 1000).toFixed(1)} µs vs ${(perSmall * 1000).toFixed(1)} µs (${large.entries} entries)`, perLarge / perSmall, 2);
  });

  section('queries', () => {
    // nextItem(parent, item) without the index a Located holds, for every item of a flat sequence: it searched the
    // parent once an item (100,000 steps took 3 s, 1,000 took 1 ms).
    const small = must('nextItem', 10000);
    const large = must('nextItem', 100000);
    const perSmall = small.ms / small.steps;
    const perLarge = large.ms / large.steps;
    report('nextItem of every item, cost per step, 100,000 vs 10,000 steps', `${(perLarge * 1000).toFixed(2)} µs vs ${(perSmall * 1000).toFixed(2)} µs`, perLarge / perSmall, 2);
    // parentOf of every variable (a leaf, without a parent link): each searched the whole tree (30,000 steps: 128 s).
    const few = must('parentOfLeaves', 3000);
    const many = must('parentOfLeaves', 30000);
    const perFew = few.ms / few.steps;
    const perMany = many.ms / many.steps;
    report('parentOf of every variable, cost per variable, 30,000 vs 3,000 steps', `${(perMany * 1000).toFixed(2)} µs vs ${(perFew * 1000).toFixed(2)} µs`, perMany / perFew, 2);
  });

  section('dry-run', () => {
    const text = generateSetupSequence(200, 32);
    const f = file('setup-200-5mb.xml', text);
    const dry = task('cli', 'kb977203', f, '--certfix-package', 'ABC00010', '--dry-run');
    report('kb977203 --dry-run peak RSS above start-up (5 MB, 200 Setup steps)', dry.crashed ?? `${mb(dry.peakAbove)} MiB for ${mb(text.length)} MiB, exit ${dry.code}`, dry.crashed ? 'crashed' : dry.peakAbove / text.length, 20);
    const out = task('cli', 'kb977203', f, '--certfix-package', 'ABC00010', '-o', join(dir, 'out.xml'));
    report('kb977203 -o peak RSS above start-up (same file; one tree, output checked without a second)', out.crashed ?? `${mb(out.peakAbove)} MiB, exit ${out.code}`, out.crashed ? 'crashed' : out.peakAbove / text.length, 20);
  });

  section('style', () => {
    const small = must('style', 200000);
    const large = must('style', 800000);
    report('write after an edit, per MB: 4 MB vs 1 MB of <a/> (linear passes)', `${(large.ms / 4).toFixed(0)} ms vs ${small.ms.toFixed(0)} ms per MB`, large.ms / 4 / small.ms, 2);
  });

  section('limits', () => {
    const lines = '<b/>\n'.repeat(Math.floor((64 * 1048576 - 32) / 5));
    const big = task('limit', file('b-64mib.xml', `<sequence>\n${lines}</sequence>\n`));
    report('64 MiB of <b/> lines (the default maxBytes)', big.crashed ? `process died: ${big.crashed}` : `${big.result}, peak ${mb(big.peakAbove)} MiB above start-up`, big.crashed ? 'crashed' : big.result === 'INPUT_TOO_LARGE' ? 'refused, typed' : 'read');
    const most = task('limit', file('b-max.xml', `<sequence>\n${'<b/>\n'.repeat(3_000_000 - 2)}</sequence>\n`));
    report('the largest markup count allowed (3,000,000 items, all <b/>)', most.crashed ? `process died: ${most.crashed}` : `${most.result}, peak ${mb(most.peakAbove)} MiB above start-up`, most.crashed ? 'crashed' : most.result === 'read' ? 'completes' : most.result);
    const bad = must('badByte', 30);
    report('refusing 30 MB for one bad UTF-8 byte at its end vs reading it valid', `${bad.code}: ${bad.refuseMs.toFixed(0)} ms vs ${bad.readMs.toFixed(0)} ms`, bad.refuseMs / bad.readMs, 1);
    const deep = task('deep', 100000);
    report('100,000 levels of nesting (maxDepth raised): read, walk, edit, write', deep.crashed ?? deep.result, deep.result === 'ok' ? 'no stack overflow' : 'failed');
  });

  section('batch', () => {
    const folder = join(dir, 'batch');
    mkdirSync(folder);
    let steps = 10;
    while (generateSetupSequence(1, steps).length < 100 * 1024) steps += 2;
    const one = generateSetupSequence(1, steps);
    for (let i = 0; i < 1000; i++) writeFileSync(join(folder, `ts-${String(i).padStart(4, '0')}.xml`), one.replace('Install Operating System 0', `Install Operating System ${i}`));
    const half = join(dir, 'batch-half');
    mkdirSync(half);
    for (let i = 0; i < 500; i++) writeFileSync(join(half, `ts-${i}.xml`), one);
    const kbHalf = task('cli', 'kb977203', half, '--certfix-package', 'ABC00010', '--dry-run');
    // Three turns each, plain and the batch in turn, medians: this machine's speed drifts by a third within a minute,
    // and one turn of each moved the ratio from 1.0 to 1.5 between runs with no change in between.
    const plains = [];
    const kbs = [];
    const inProcess = [];
    for (let turn = 0; turn < 3; turn++) {
      plains.push(must('plainDir', folder));
      kbs.push(task('cli', 'kb977203', folder, '--certfix-package', 'ABC00010', '--dry-run'));
      inProcess.push(task('cli', 'kb977203', folder, '--certfix-package', 'ABC00010', '--dry-run', '--jobs', '1'));
    }
    const byMs = (a, b) => a.ms - b.ms;
    const plain = plains.sort(byMs)[1];
    const kb = kbs.sort(byMs)[1];
    const here = inProcess.sort(byMs)[1];
    report('kb977203 --dry-run DIR, 1,000 files of 100 KB, vs plain single-threaded round trips', `${kb.ms.toFixed(0)} ms vs ${plain.ms.toFixed(0)} ms (medians of 3 turns each)`, kb.ms / plain.ms, 1);
    // The same batch in the process (--jobs 1): one V8 isolate, whose optimising compiler has the second core to itself,
    // against two threads that each optimise the preset's code anew (see docs/performance.md). A figure, not the target.
    report('  the same batch in the process (--jobs 1)', `${here.ms.toFixed(0)} ms: ${(here.ms / plain.ms).toFixed(2)}`, 'figure');
    // What bounds it: the batch's work on one input against a plain round trip of it (one thread, warm), and what two
    // threads of this machine get done against one. The batch can beat the plain round trips only when the second
    // figure is well above the first.
    const per = must('perFile', join(folder, 'ts-0000.xml'));
    report('  its work on one input vs a plain round trip, one thread', `${per.kbMs.toFixed(2)} ms vs ${per.plainMs.toFixed(2)} ms: ${(per.kbMs / per.plainMs).toFixed(2)}`, 'figure');
    const { capacity } = must('cores');
    report("  this machine's threads: two do the work of", `${capacity.toFixed(2)} (${availableParallelism()} cores reported)`, 'figure');
    const rt = must('roundTripCores', join(folder, 'ts-0000.xml'));
    report('  …and two do the plain round trips of 100 KB of', `${rt.capacity.toFixed(2)} (warm)`, 'figure');
    report('  its memory: peak RSS above start-up, 1,000 files vs 500', `${mb(kb.peakAbove)} MiB vs ${mb(kbHalf.peakAbove)} MiB`, kb.peakAbove / kbHalf.peakAbove, 1.2);
  });

  section('startup', () => {
    // The package's bin: the bundled launcher, or in an older build the launcher tsc wrote.
    const bin = [join(dist, 'cli', 'cmts.cjs'), join(dist, 'lib', 'cli', 'bin.js')].find((b) => existsSync(b)) ?? join(dist, 'cli', 'cmts.cjs');
    if (!existsSync(bin)) console.log('start-up: no CLI built');
    else {
      // A sequence of 100 KB, as the issue names (one OS install with enough application steps to reach it).
      let apps = 60;
      while (generateSetupSequence(1, apps).length < 100 * 1024) apps += 2;
      const text = generateSetupSequence(1, apps);
      const input = file('ts-100k.xml', text);
      // The commands take turns, run by run, each first in as many rounds as the others, after two rounds not counted;
      // each figure is a median. Measured one after the other, a drift of the machine's speed between them (node -e 0
      // took 111 ms in one minute and 135 ms in the next) moved a ratio by a quarter; taking turns always in one order,
      // the one run first after the batch section took 143 ms where `cmts --version` took 114.
      const walls = (...commands) => {
        const times = commands.map(() => []);
        for (let i = -2; i < 15; i++) {
          const k = (i + 2) % commands.length;
          for (let j = 0; j < commands.length; j++) {
            const c = (k + j) % commands.length;
            const t = process.hrtime.bigint();
            spawnSync(process.execPath, commands[c], { stdio: 'ignore' });
            if (i >= 0) times[c].push(Number(process.hrtime.bigint() - t) / 1e6);
          }
        }
        return times.map((list) => list.sort((a, b) => a - b)[list.length >> 1]);
      };
      const [base, version, dry] = walls(['-e', '0'], [bin, '--version'], [bin, 'kb977203', input, '--certfix-package', 'ABC00010', '--dry-run']);
      report('cmts --version start-up vs node -e 0', `${version.toFixed(0)} ms vs ${base.toFixed(0)} ms`, version / base, 1.3);
      report('cmts kb977203 --dry-run on 100 KB vs node -e 0', `${dry.toFixed(0)} ms vs ${base.toFixed(0)} ms (${(text.length / 1024).toFixed(0)} KB)`, dry / base, 1.3);
      // The floor a JavaScript parser starts at here: the card's parser alone, parsing and building the same file in a
      // process of its own (no checks, no preset, no diff). A figure, not a target.
      const fxpMain = createRequire(import.meta.url).resolve('fast-xml-parser');
      const script = file('fxp-once.cjs', `const { XMLParser, XMLBuilder } = require(${JSON.stringify(fxpMain)});\nconst opts = ${JSON.stringify(FXP_OPTIONS)};\nconst text = require('node:fs').readFileSync(${JSON.stringify(input)}, 'utf8');\nprocess.stdout.write(new XMLBuilder(opts).build(new XMLParser(opts).parse(text)));\n`);
      const [fxp] = walls([script]);
      report('  a bare fast-xml-parser parse+build of the same file, as a script of its own', `${fxp.toFixed(0)} ms: ${(fxp / base).toFixed(2)}`, 'figure');
    }
  });

  console.log('');
  console.table(rows);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
