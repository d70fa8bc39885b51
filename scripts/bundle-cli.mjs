#!/usr/bin/env node
// Bundles the command line into dist/cli/ (the package's `bin`), after tsc has built dist/lib/ for importers.
//
// Why: Node 20 loads ES modules one file at a time and has no compile cache (module.enableCompileCache is Node 22), and
// a command touches about eighty modules; `cmts kb977203 --dry-run` on one 100 KB file spent more time loading and
// compiling code than working. So each command is one CommonJS script, cmd-<command>.cjs (main() and that command's
// modules, nothing of the others), run by a small launcher, cmts.cjs, through vm.Script with V8's code cache:
// cmd-<command>.<hash>.cache, made here after a warm-up run of that command, holds the bytecode of the functions a
// typical run compiles. The launcher picks the script from the command line's first word (`cmts help <command>` from
// its second); anything else (no command, --version, --help, an unknown command or option) runs cli-options.cjs,
// main() with the commands left out, which loads none. A cache V8 rejects (another Node version, other V8 flags) or a
// missing one is ignored and the script is compiled as usual. The batch worker is an ES module bundle of its own
// beside them, and written over the library's worker module too. The library's other files in dist/lib/ are left as
// they are; the packages cmts depends on stay outside.
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist', 'cli');
// The commands, from main()'s own table as tsc built it: a bundle each.
const { COMMANDS } = await import(pathToFileURL(join(ROOT, 'dist', 'lib', 'cli', 'main.js')).href);
const NAMES = Object.keys(COMMANDS);
for (const name of NAMES) if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`command name ${JSON.stringify(name)} cannot name a file`);
// ASCII output (non-ASCII characters escaped), so the launcher reads the script as latin1: a copy, not a UTF-8 decode.
// White space goes (a smaller file to read and hash); names stay, so a profile or an internal error still reads.
const common = { absWorkingDir: ROOT, bundle: true, platform: 'node', target: 'node20', packages: 'external', legalComments: 'none', logLevel: 'warning', charset: 'ascii', minifyWhitespace: true };

/**
 * main.ts loads each command by `import('./<command>.js')`. In the bundle of one command the others are left out: each
 * is a module that throws if loaded, which the launcher never lets happen (it runs this bundle only for this command).
 * In cli-options.cjs all are left out.
 */
const commandsLeftOut = (kept) => ({
  name: 'commands-left-out',
  setup(b) {
    b.onResolve({ filter: /^\.\/[a-z0-9-]+\.js$/ }, (a) => {
      const name = a.path.slice(2, -3);
      if (a.kind !== 'dynamic-import' || !a.importer.endsWith(join('lib', 'cli', 'main.ts')) || !NAMES.includes(name) || name === kept) return undefined;
      return { path: name, namespace: 'left-out' };
    });
    b.onLoad({ filter: /.*/, namespace: 'left-out' }, (a) => ({
      contents: `throw new Error(${JSON.stringify(`cmts ${a.path} is not in this bundle`)});\n`,
      loader: 'js',
    }));
  },
});

/**
 * Node's modules that only some runs need (zlib for an export .zip, os for a batch's thread count) load on first use
 * rather than with the bundle: in the command bundles each is a module of functions that load the real one when first
 * called. Only functions are offered (lower-case names), so importing anything else from them fails the build.
 */
const LAZY_BUILTINS = /^node:(zlib|os)$/;
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: LAZY_BUILTINS }, (a) => (a.namespace === 'lazy-builtin' ? { path: a.path, external: true } : { path: a.path, namespace: 'lazy-builtin' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, async (a) => {
      const real = await import(a.path);
      const names = Object.keys(real).filter((k) => /^[a-z]/.test(k) && typeof real[k] === 'function');
      const id = JSON.stringify(a.path);
      return { contents: ['let real;', `const load = () => (real ??= require(${id}));`, ...names.map((n) => `export function ${n}(...args) { return load().${n}(...args); }`)].join('\n'), loader: 'js' };
    });
  },
};

rmSync(OUT, { recursive: true, force: true });
const entry = (sourcefile) => ({
  contents: "export { main } from './lib/cli/main.ts';\nexport { nodeIo } from './lib/cli/io.ts';\nexport { launch } from './lib/cli/launch.ts';\n",
  resolveDir: ROOT,
  loader: 'ts',
  sourcefile,
});
for (const name of NAMES) {
  const file = join(OUT, `cmd-${name}.cjs`);
  await build({
    ...common,
    stdin: entry(`cmd-${name}-entry.ts`),
    outfile: file,
    format: 'cjs',
    // kb977203-batch.ts finds its worker as ./kb977203-worker.js beside itself: beside the bundle, here.
    define: { 'import.meta.url': '__cmtsUrl' },
    banner: { js: "var __cmtsUrl = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [commandsLeftOut(name), lazyBuiltins],
    // The launcher's vm.Script has no loader for import(): a dynamic import (of a Node module) becomes a require.
    supported: { 'dynamic-import': false },
  });
  // Stored as Node wraps a CommonJS module, (function (exports, require, module, __filename, __dirname) {...}), so
  // the launcher compiles the file's text as read, without first copying it into a wrapped string of its own.
  writeFileSync(file, Module.wrap(readFileSync(file, 'latin1')), 'latin1');
}
await build({ ...common, entryPoints: { 'kb977203-worker': 'lib/cli/kb977203-worker.ts' }, outdir: OUT, format: 'esm' });
// The library's build starts the same threads (main() imported from dist/lib): its worker module, beside its
// kb977203.js, is this bundle too, so a thread loads one file rather than eighty modules (its first answer came
// 40-65 ms sooner; 1,000 inputs of 100 KB took 2.67 s instead of 2.90 s).
copyFileSync(join(OUT, 'kb977203-worker.js'), join(ROOT, 'dist', 'lib', 'cli', 'kb977203-worker.js'));
// `cmts --version`, `--help`, a mistyped option or command load no command: for them a script of main() alone, which
// starts faster uncached than any command's bundle does cached.
// It reads no input, but main()'s modules name import.meta.url for createRequire (the heap guard's), which takes a
// path as well: the bundle's own, so the build has no warning and the script loads nothing more to start.
await build({
  ...common,
  stdin: entry('cli-options-entry.ts'),
  outfile: join(OUT, 'cli-options.cjs'),
  format: 'cjs',
  define: { 'import.meta.url': '__filename' },
  plugins: [commandsLeftOut(undefined)],
});

// V8 checks a cache against the script's length, not its content: each cache is named after its script's hash, and the
// launcher written with them names those caches, so a script and a cache from different builds are never paired.
const hashOf = (file) => createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
const CACHES = Object.fromEntries(NAMES.map((name) => [name, `cmd-${name}.${hashOf(join(OUT, `cmd-${name}.cjs`))}.cache`]));
const LAUNCHER = `#!/usr/bin/env node
'use strict';
// The command line's launcher, written by scripts/bundle-cli.mjs: runs the command's bundle, cmd-<command>.cjs, with
// V8's code cache made for it; anything but a command runs cli-options.cjs (main() alone, which loads no command).
const CACHES = ${JSON.stringify(CACHES)};

/** The command whose bundle runs this command line: \`cmts <command> ...\` or \`cmts help <command>\`. */
function commandOf(argv) {
  const [first, second] = argv;
  if (first !== undefined && Object.hasOwn(CACHES, first)) return first;
  if (first === 'help' && argv.length === 2 && Object.hasOwn(CACHES, second)) return second;
  return undefined;
}

function load() {
  const command = commandOf(process.argv.slice(2));
  if (command === undefined) return require('./cli-options.cjs');
  const { closeSync, constants, fstatSync, openSync, readSync } = require('node:fs');
  const { join } = require('node:path');
  const Module = require('node:module');
  const vm = require('node:vm');
  const file = join(__dirname, \`cmd-\${command}.cjs\`);
  // The script is ASCII (esbuild's charset), so latin1 reads it without decoding; it is stored wrapped as a module.
  const scriptBytes = readInto(file);
  const text = scriptBytes.toString('latin1');
  let cachedData;
  try {
    // Into the script's buffer, whose text is copied out: a page of memory costs this machine's kind more the first
    // time a process touches it than reading into it does.
    cachedData = readInto(join(__dirname, CACHES[command]), scriptBytes);
  } catch {
    // No cache (or none that can be read): compiled as usual.
  }

  /**
   * A regular file's bytes, read into \`into\` when they fit there. Opened without waiting (a named pipe in a file's
   * place would stop the command until something wrote to it) and refused if it is anything but a file.
   */
  function readInto(path, into) {
    const fd = openNoPipeWait(path);
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile()) throw new Error(\`\${path} is not a file\`);
      const size = stat.size;
      const buffer = into !== undefined && into.length >= size ? into : Buffer.allocUnsafeSlow(size);
      let got = 0;
      for (let n = -1; got < size && n !== 0; got += n) n = readSync(fd, buffer, got, size - got, got);
      return buffer.subarray(0, got);
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Opens \`path\` to read without waiting on a named pipe. That open fails with EAGAIN on a regular file only, one
   * with a lease another process holds (a file server's oplock) and is asked to give up: opened again waiting, as
   * any open does, it is read once the holder lets go; giving up there failed the command for want of its bundle.
   */
  function openNoPipeWait(path) {
    try {
      return openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    } catch (e) {
      if (e?.code !== 'EAGAIN' && e?.code !== 'EWOULDBLOCK') throw e;
      return openSync(path, 'r');
    }
  }

  const script = new vm.Script(text, { filename: file, cachedData });
  const cli = { exports: {} };
  script.runInThisContext()(cli.exports, Module.createRequire(file), cli, file, __dirname);
  return cli.exports;
}
load().launch();
`;
writeFileSync(join(OUT, 'cmts.cjs'), LAUNCHER);
chmodSync(join(OUT, 'cmts.cjs'), 0o755);

// The code caches: each bundle compiled and run here as the launcher runs it, warmed up on the example exports with its
// command's typical runs (the paths a run takes most), then V8's cache of everything compiled so far.
const example = (f) => join(ROOT, 'examples', f);
const xmls = ['refresh-2007.xml', 'replace-capture-2007.xml'].map(example).filter((f) => existsSync(f));
const tmp = mkdtempSync(join(tmpdir(), 'cmts-bundle-'));
const out = (f) => join(tmp, f);
writeFileSync(out('reference.json'), '{"packageId": "ABC00010"}\n');
/** Each command's warm-up: command lines (without `cmts`); findings (exit 1) are fine, what matters is what they compile. */
const WARM_UP = {
  kb977203: xmls.flatMap((f) => [
    ['kb977203', f, '--certfix-package', 'ABC00010', '--dry-run'],
    ['kb977203', f, '--certfix-package', 'ABC00010', '-o', out('out.xml')],
    ['kb977203', f, '--certfix-package', 'ABC00010', '--check', '--json'],
  ]),
  inspect: xmls.flatMap((f) => [['inspect', f], ['inspect', f, '--json']]),
  lint: xmls.flatMap((f) => [['lint', f], ['lint', f, '--json']]),
  diff: xmls.length > 1 ? [['diff', xmls[0], xmls[1]], ['diff', xmls[0], xmls[1], '--json']] : [],
  convert: xmls.flatMap((f) => [
    ['convert', f, '--to', 'json', '-o', out('ts.json')],
    ['convert', out('ts.json'), '--to', 'xml', '-o', out('ts.xml')],
    ['convert', f, '--to', 'yaml', '-o', out('ts.yaml')],
  ]),
  transform: xmls.map((f) => ['transform', 'add-reference', f, '--options', out('reference.json'), '--check']),
  render: [...xmls.map((f) => ['render', f, '-o', out('ts.html')]), ...(xmls.length > 1 ? [['render', '--compare', xmls[0], xmls[1], '--format', 'md']] : [])],
  completion: [['completion', 'bash'], ['completion', 'powershell']],
  build: existsSync(example('osd-as-code.yaml')) ? [['build', example('osd-as-code.yaml'), '-o', out('built.xml')]] : [],
};
const quiet = { write: () => true };
try {
  for (const name of NAMES) {
    const file = join(OUT, `cmd-${name}.cjs`);
    const script = new vm.Script(readFileSync(file, 'latin1'), { filename: file });
    const cli = { exports: {} };
    script.runInThisContext()(cli.exports, Module.createRequire(file), cli, file, OUT);
    const { main, nodeIo } = cli.exports;
    const io = { ...nodeIo(), stdout: quiet, stderr: quiet };
    for (const argv of [['help', name], [name, '--help'], ...(WARM_UP[name] ?? [])]) {
      // A usage error (or trouble) warms up little but the error: the table above is then out of date.
      if ((await main(argv, io)) === 2) throw new Error(`the warm-up 'cmts ${argv.join(' ')}' exits 2 (a usage error or trouble)`);
    }
    writeFileSync(join(OUT, CACHES[name]), script.createCachedData());
    // The launcher reads the script as latin1: that is only right while it is ASCII. And it runs it with no loader for
    // import(), so none may be left.
    const text = readFileSync(file, 'latin1');
    if (!/^[\x00-\x7f]*$/.test(text)) throw new Error(`${file} is not ASCII; the launcher would misread it.`);
    if (/\bimport\(/.test(text)) throw new Error(`${file} has an import(), which the launcher's vm.Script cannot run.`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
