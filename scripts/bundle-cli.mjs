#!/usr/bin/env node
// Bundles the command line into dist/cli/ (the package's `bin`), after tsc has built dist/lib/ for importers.
//
// Why: Node 20 loads ES modules one file at a time, with no compile cache, and a command touches about eighty of
// them; one launcher that holds main() and the shared CLI parts, plus one chunk per command (loaded when the command
// is called), starts in a fraction of the time. The library's own files in dist/lib/ are left as they are. The
// packages cmts depends on stay outside the bundle and are loaded from node_modules as usual.
import { chmodSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist', 'cli');

rmSync(OUT, { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  // The worker thread of a batch is an entry of its own, beside the chunk that starts it (kb977203.ts finds it as
  // ./kb977203-worker.js next to itself).
  entryPoints: { bin: 'lib/cli/bin.ts', 'kb977203-worker': 'lib/cli/kb977203-worker.ts' },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: 'chunk-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
});
chmodSync(join(OUT, 'bin.js'), 0o755);
