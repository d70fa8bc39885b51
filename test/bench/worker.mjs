// One benchmark measurement in a fresh process: warm up, then time `reps` read+write round trips of one file with
// each library named (comma-separated), taking turns, so a machine that slows down or speeds up moves them alike.
import { readFileSync } from 'node:fs';
import { FXP_OPTIONS } from './fxp-options.mjs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [libs, file, repsArg, heapArg] = process.argv.slice(2);
// 'collected': a full collection before every timed round trip (a heap as a one-shot script finds it); otherwise the
// heap stays as the round trips before left it.
const collected = heapArg === 'collected';
const reps = Number(repsArg);
const bytes = readFileSync(file);

async function roundTripper(lib) {
  switch (lib) {
    case 'cmts': {
      const dist = resolve(process.env.CMTS_DIST ?? join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'dist'));
      const { readTaskSequence, writeTaskSequence } = await import(pathToFileURL(join(dist, 'lib', 'index.js')).href);
      return (b) => writeTaskSequence(readTaskSequence(b));
    }
    case 'fast-xml-parser': {
      const { XMLParser, XMLBuilder } = await import('fast-xml-parser');
      const opts = FXP_OPTIONS;
      const parser = new XMLParser(opts);
      const builder = new XMLBuilder(opts);
      return (b) => Buffer.from(builder.build(parser.parse(b.toString('utf8'))), 'utf8');
    }
    case 'xml2js': {
      const xml2js = (await import('xml2js')).default;
      const parser = new xml2js.Parser();
      const builder = new xml2js.Builder({ headless: true });
      return (b) => {
        let out;
        parser.parseString(b.toString('utf8'), (err, res) => {
          if (err) throw err;
          out = builder.buildObject(res);
        });
        return Buffer.from(out, 'utf8');
      };
    }
    case 'xmldom': {
      const { DOMParser, XMLSerializer } = await import('@xmldom/xmldom');
      return (b) => Buffer.from(new XMLSerializer().serializeToString(new DOMParser().parseFromString(b.toString('utf8'), 'text/xml')), 'utf8');
    }
    default:
      throw new Error(`unknown library ${lib}`);
  }
}

const names = libs.split(',');
const runs = [];
for (const lib of names) runs.push(await roundTripper(lib));
global.gc();
// Baseline: libraries loaded and input read, before any round trip; peak: the process's maximum RSS afterwards.
const baseline = process.memoryUsage().rss;
const outs = runs.map((run) => {
  let out = run(bytes);
  for (let i = 0; i < 2; i++) out = run(bytes);
  return out;
});
let peak = process.resourceUsage().maxRSS * 1024;
const times = runs.map(() => []);
for (let i = 0; i < reps; i++) {
  runs.forEach((run, k) => {
    if (collected) global.gc();
    // CPU time of the process (all its threads), not wall time: a machine shared with other work moves it far less.
    const c = process.cpuUsage();
    outs[k] = run(bytes);
    const d = process.cpuUsage(c);
    times[k].push((d.user + d.system) / 1000);
  });
  peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
}
const median = (t) => [...t].sort((a, b) => a - b)[t.length >> 1];
// Per library: the median CPU time of a round trip and whether it gave the input back byte for byte.
const result = Object.fromEntries(names.map((lib, k) => [lib, { ms: median(times[k]), exact: Buffer.compare(Buffer.from(outs[k]), bytes) === 0 }]));
process.stdout.write(JSON.stringify({ ...result, peak: Math.max(1, peak - baseline) }));
