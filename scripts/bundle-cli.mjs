#!/usr/bin/env node
// Bundles the command line into dist/cli/ (the package's `bin`), after tsc has built dist/lib/ for importers.
//
// Why: Node 20 loads ES modules one file at a time and has no compile cache (module.enableCompileCache is Node 22), and
// a command touches about eighty modules; `cmts kb977203 --dry-run` on one 100 KB file spent more time loading and
// compiling code than working. So the command line is one CommonJS script, cli.cjs, run by a small launcher,
// cmts.cjs, through vm.Script with V8's code cache: cli.cache, made here after a warm-up run, holds the bytecode of
// the functions a typical run compiles. A cache V8 rejects (another Node version, other V8 flags) is ignored and the
// script is compiled as usual. The batch worker is an ES module bundle of its own beside them. The library's files
// in dist/lib/ are left as they are; the packages cmts depends on stay outside the bundle.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist', 'cli');
// ASCII output (non-ASCII characters escaped), so the launcher reads the script as latin1: a copy, not a UTF-8 decode.
// White space goes (a smaller file to read and hash); names stay, so a profile or an internal error still reads.
const common = { absWorkingDir: ROOT, bundle: true, platform: 'node', target: 'node20', packages: 'external', legalComments: 'none', logLevel: 'warning', charset: 'ascii', minifyWhitespace: true };

rmSync(OUT, { recursive: true, force: true });
await build({
  ...common,
  stdin: { contents: "export { main } from './lib/cli/main.ts';\nexport { nodeIo } from './lib/cli/io.ts';\nexport { launch } from './lib/cli/launch.ts';\n", resolveDir: ROOT, loader: 'ts', sourcefile: 'cli-entry.ts' },
  outfile: join(OUT, 'cli.cjs'),
  format: 'cjs',
  // kb977203.ts finds its worker as ./kb977203-worker.js beside itself: beside cli.cjs, here.
  define: { 'import.meta.url': '__cmtsUrl' },
  banner: { js: "var __cmtsUrl = require('node:url').pathToFileURL(__filename).href;" },
});
await build({ ...common, entryPoints: { 'kb977203-worker': 'lib/cli/kb977203-worker.ts' }, outdir: OUT, format: 'esm' });
// `cmts --version`, `--help` and a mistyped option load no command: for them a script of main() alone, with the
// commands left out (they are never loaded on that path), starts faster than the whole cached one.
const commandsLeftOut = { name: 'commands-left-out', setup: (b) => b.onResolve({ filter: /^\.\/[a-z0-9-]+\.js$/ }, (a) => (a.kind === 'dynamic-import' ? { path: a.path, external: true } : undefined)) };
await build({
  ...common,
  stdin: { contents: "export { launch } from './lib/cli/launch.ts';\n", resolveDir: ROOT, loader: 'ts', sourcefile: 'cli-options-entry.ts' },
  outfile: join(OUT, 'cli-options.cjs'),
  format: 'cjs',
  plugins: [commandsLeftOut],
});

// V8 checks a cache against the script's length, not its content: the cache is named after the script's hash, and the
// launcher written with them names that cache, so a script and a cache from different builds are never paired.
const CACHE = `cli.${createHash('sha256').update(readFileSync(join(OUT, 'cli.cjs'))).digest('hex').slice(0, 16)}.cache`;
const LAUNCHER = `#!/usr/bin/env node
'use strict';
// The command line's launcher, written by scripts/bundle-cli.mjs: runs cli.cjs with V8's code cache (${CACHE}).
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');

function load() {
  // No command (--version, --help, an option main() refuses): main() alone, which loads no command.
  const first = process.argv[2];
  if (first === undefined || first.startsWith('-')) return require('./cli-options.cjs');
  const file = join(__dirname, 'cli.cjs');
  let cachedData;
  try {
    cachedData = readFileSync(join(__dirname, '${CACHE}'));
  } catch {
    // No cache: compiled as usual.
  }
  // The script is ASCII (esbuild's charset), so latin1 reads it without decoding.
  const script = new vm.Script(Module.wrap(readFileSync(file, 'latin1')), { filename: file, cachedData });
  const cli = { exports: {} };
  script.runInThisContext()(cli.exports, Module.createRequire(file), cli, file, __dirname);
  return cli.exports;
}
load().launch();
`;
writeFileSync(join(OUT, 'cmts.cjs'), LAUNCHER);
chmodSync(join(OUT, 'cmts.cjs'), 0o755);

// The code cache: cli.cjs compiled and run here as the launcher runs it, warmed up on the example exports (the
// commands and paths a run takes most), then V8's cache of everything compiled so far.
const file = join(OUT, 'cli.cjs');
const script = new vm.Script(Module.wrap(readFileSync(file, 'latin1')), { filename: file });
const cli = { exports: {} };
script.runInThisContext()(cli.exports, Module.createRequire(file), cli, file, OUT);
const { main, nodeIo } = cli.exports;
const quiet = { write: () => true };
const io = { ...nodeIo(), stdout: quiet, stderr: quiet };
const examples = ['refresh-2007.xml', 'replace-capture-2007.xml'].map((f) => join(ROOT, 'examples', f)).filter((f) => existsSync(f));
const tmp = mkdtempSync(join(tmpdir(), 'cmts-bundle-'));
try {
  await main(['--version'], io);
  await main(['--help'], io);
  for (const f of examples) {
    await main(['kb977203', f, '--certfix-package', 'ABC00010', '--dry-run'], io);
    await main(['kb977203', f, '--certfix-package', 'ABC00010', '-o', join(tmp, 'out.xml')], io);
    await main(['kb977203', f, '--certfix-package', 'ABC00010', '--check', '--json'], io);
    await main(['lint', f], io);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
writeFileSync(join(OUT, CACHE), script.createCachedData());

// The launcher reads the script as latin1: that is only right while it is ASCII.
if (!/^[\x00-\x7f]*$/.test(readFileSync(file, 'latin1'))) throw new Error('dist/cli/cli.cjs is not ASCII; the launcher would misread it.');
