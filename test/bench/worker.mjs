// One benchmark measurement in a fresh process: warm up, then time `reps` read+write round trips of one file.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [lib, file, repsArg] = process.argv.slice(2);
const reps = Number(repsArg);
const bytes = readFileSync(file);

async function roundTripper() {
  switch (lib) {
    case 'cmts': {
      const dist = resolve(process.env.CMTS_DIST ?? join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'dist'));
      const { readTaskSequence, writeTaskSequence } = await import(pathToFileURL(join(dist, 'lib', 'index.js')).href);
      return (b) => writeTaskSequence(readTaskSequence(b));
    }
    case 'fast-xml-parser': {
      const { XMLParser, XMLBuilder } = await import('fast-xml-parser');
      const opts = { preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, parseAttributeValue: false, trimValues: false, commentPropName: '#comment', cdataPropName: '#cdata', suppressBooleanAttributes: false, processEntities: false };
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

const run = await roundTripper();
global.gc();
// Baseline: libraries loaded and input read, before any round trip; peak: the process's maximum RSS afterwards.
const baseline = process.memoryUsage().rss;
let out = run(bytes);
for (let i = 0; i < 2; i++) out = run(bytes);
let peak = process.resourceUsage().maxRSS * 1024;
const times = [];
for (let i = 0; i < reps; i++) {
  // CPU time of the process (all its threads), not wall time: a machine shared with other work moves it far less.
  const c = process.cpuUsage();
  out = run(bytes);
  const d = process.cpuUsage(c);
  times.push((d.user + d.system) / 1000);
  peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
}
times.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ ms: times[times.length >> 1], peak: Math.max(1, peak - baseline), exact: Buffer.compare(Buffer.from(out), bytes) === 0 }));
