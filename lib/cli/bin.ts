#!/usr/bin/env node
// The launcher: everything else is in main(), which tests call with their own streams.
import { nodeIo } from './io.js';
import { main } from './main.js';

main(process.argv.slice(2), nodeIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`cmts: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
