// The built package, as a consumer gets it: this test builds the sources into a temporary package (tsc, as `npm run
// build` does), installs it into a temporary consumer project, and checks it from outside — ESM and require(), every
// subpath, its declarations without @types/node, a bundle made with esbuild running with no node_modules at all, and
// the bundled command line (dist/cli, the package's bin) run from where the package is installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as source from '../lib/index.js';
import { COMMANDS } from '../lib/cli/main.js';
import { cmts, ensureBuilt } from './helpers/cli-process.js';
import { FIXTURES_DIR } from './helpers/corpus.js';

let tmp: string;
let pkg: string;
let consumer: string;
let built: typeof source;
const subpaths = Object.keys((JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { exports: Record<string, unknown> }).exports).filter(
  (k) => k !== '.' && !k.includes('*') && k !== './package.json',
);

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'cmts-dist-'));
  pkg = join(tmp, 'cmts');
  consumer = join(tmp, 'consumer');
  mkdirSync(pkg);
  for (const f of ['package.json', 'schemas', 'docs']) cpSync(resolve(f), join(pkg, f), { recursive: true });
  execFileSync(process.execPath, [resolve('node_modules/typescript/bin/tsc'), '-p', resolve('tsconfig.build.json'), '--outDir', join(pkg, 'dist')], { stdio: 'pipe' });
  // The package's own dependencies (yaml, ajv), as npm would install them beside it.
  symlinkSync(resolve('node_modules'), join(pkg, 'node_modules'), 'dir');
  mkdirSync(join(consumer, 'node_modules'), { recursive: true });
  symlinkSync(pkg, join(consumer, 'node_modules', 'cmts'), 'dir');
  writeFileSync(join(consumer, 'package.json'), '{ "name": "consumer", "private": true, "type": "module" }\n');
  built = (await import(pathToFileURL(join(pkg, 'dist', 'lib', 'index.js')).href)) as typeof source;
  // The command line as `npm run build` bundles it, beside the library in the package.
  ensureBuilt();
  cpSync(resolve('dist', 'cli'), join(pkg, 'dist', 'cli'), { recursive: true });
}, 180_000);

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** What TypeScript says of a file of the consumer, strict, with no @types/node and every declaration checked. */
function consumerProblems(file: string): string[] {
  const program = ts.createProgram([join(consumer, file)], {
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    types: [],
    lib: ['lib.es2022.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

const node = (args: string[], cwd = consumer): string => execFileSync(process.execPath, args, { cwd, encoding: 'utf8', stdio: 'pipe' });

describe('the built package', { timeout: 120_000 }, () => {
  it('exports what the sources export', () => {
    expect(Object.keys(built).sort()).toEqual(Object.keys(source).sort());
  });

  it('gives the same KB977203 output as the sources for every fixture case', () => {
    const dir = join(FIXTURES_DIR, 'kb977203');
    for (const name of readdirSync(dir)) {
      const input = readFileSync(join(dir, name, 'input.xml'));
      const options = JSON.parse(readFileSync(join(dir, name, 'options.json'), 'utf8')) as source.Kb977203Options;
      const run = (lib: typeof source) => {
        try {
          const doc = lib.readTaskSequence(input);
          lib.applyKb977203(doc, options);
          return Buffer.from(doc.toBytes()).toString('base64');
        } catch (e) {
          return (e as source.TaskSequenceError).code;
        }
      };
      expect(run(built), name).toBe(run(source));
    }
  });

  it('round-trips the examples byte for byte', () => {
    for (const f of readdirSync(resolve('examples')).filter((x) => x.endsWith('.xml'))) {
      const bytes = readFileSync(resolve('examples', f));
      expect(Buffer.from(built.writeTaskSequence(built.readTaskSequence(bytes))).equals(bytes), f).toBe(true);
    }
  });

  it('loads from a consumer with import, at the root and at every subpath', () => {
    const script = `${subpaths.map((s, i) => `import * as m${i} from 'cmts${s.slice(1)}';`).join('\n')}
import * as root from 'cmts';
console.log(JSON.stringify([Object.keys(root).length, ${subpaths.map((_, i) => `Object.keys(m${i}).length`).join(', ')}]));`;
    writeFileSync(join(consumer, 'esm.mjs'), script);
    const counts = JSON.parse(node(['esm.mjs'])) as number[];
    expect(counts[0]).toBe(Object.keys(source).length);
    expect(counts.slice(1).every((n) => n > 0)).toBe(true);
  });

  it('loads with require() on this Node.js (require of ES modules, Node 20.19+)', () => {
    writeFileSync(join(consumer, 'cjs.cjs'), "const cmts = require('cmts'); const { lint } = require('cmts/lint'); console.log(typeof cmts.readTaskSequence, typeof lint);\n");
    expect(node(['cjs.cjs']).trim()).toBe('function function');
  });

  it('has declarations a consumer type-checks without @types/node (no Buffer, no node: imports)', () => {
    writeFileSync(
      join(consumer, 'use.ts'),
      `import { readTaskSequence, createTransform, type Issue } from 'cmts';
import { readExportZip } from 'cmts/zip';
import { lint } from 'cmts/lint';
declare const bytes: Uint8Array;
const doc = readTaskSequence(bytes);
const issues: Issue[] = [...doc.issues, ...lint(doc)];
doc.apply(createTransform('add-reference', { packageId: 'CM100010' }));
const zipped: Uint8Array = readExportZip(bytes).zip.bytes;
export { issues, zipped };
`,
    );
    expect(consumerProblems('use.ts')).toEqual([]);
  });

  it('has declarations of every subpath that type-check, without the members marked @internal', () => {
    // tsconfig.build.json strips them (stripInternal): a newcomer reading the declarations met readBytes(),
    // depthLimit(), nodeLimit() and embedded on the document, which are the library's own.
    const imports = subpaths.map((s, i) => `import * as m${i} from 'cmts/${s.slice(2)}';`).join('\n');
    writeFileSync(
      join(consumer, 'internal.ts'),
      `${imports}
import { readTaskSequence } from 'cmts';
const doc = readTaskSequence(new Uint8Array());
// @ts-expect-error internal
doc.readBytes();
// @ts-expect-error internal
doc.depthLimit();
// @ts-expect-error internal
doc.nodeLimit();
// @ts-expect-error internal
void doc.embedded;
export const all = [${subpaths.map((_, i) => `m${i}`).join(', ')}];
`,
    );
    expect(consumerProblems('internal.ts')).toEqual([]);
  });

  it("runs the bundled command line from the installed package as from the project, every command's bundle and main() alone", () => {
    const bin = join(consumer, 'node_modules', 'cmts', 'dist', 'cli', 'cmts.cjs');
    const example = (f: string): string => resolve('examples', f);
    const lines = [
      ['--version'],
      ['help', 'lint'],
      ['kb977203', example('refresh-2007.xml'), '--certfix-package', 'ABC00010', '--dry-run'],
      ...Object.keys(COMMANDS).map((c) => [c, '--help']),
      ['lint', example('replace-capture-2007.xml'), '--json'],
    ];
    for (const argv of lines) {
      const r = spawnSync(process.execPath, [bin, ...argv], { cwd: consumer, encoding: 'utf8' });
      const project = cmts(argv, { cwd: consumer });
      expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }, argv.join(' ')).toEqual({ status: project.status, stdout: project.stdout, stderr: project.stderr });
    }
    // Nothing of the machine that built it: the bundles find their files beside themselves.
    for (const f of readdirSync(join(pkg, 'dist', 'cli'))) {
      if (f.endsWith('.cache')) continue;
      expect(readFileSync(join(pkg, 'dist', 'cli', f), 'latin1').includes(resolve('.')), f).toBe(false);
    }
  });

  it('bundles with esbuild into one file that runs with no node_modules (nothing read from disk at run time)', async () => {
    writeFileSync(
      join(consumer, 'bundle-me.ts'),
      `import { createTransform, readTaskSequence } from 'cmts';
import { validatorFor } from 'cmts/schemas';
const doc = readTaskSequence('<sequence version="3.00"><referenceList/></sequence>');
const report = doc.apply(createTransform('add-reference', { packageId: 'CM100010' }));
console.log(JSON.stringify({ changed: report.changed, valid: validatorFor('kb977203.options.schema.json')({ certfixPackage: 'CM100010' }), text: doc.toString() }));
`,
    );
    const out = join(tmp, 'alone', 'bundled.mjs');
    await build({ entryPoints: [join(consumer, 'bundle-me.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'silent' });
    const result = JSON.parse(node([out], join(tmp, 'alone'))) as { changed: boolean; valid: boolean; text: string };
    expect(result).toEqual({ changed: true, valid: true, text: '<sequence version="3.00"><referenceList><reference package="CM100010"/></referenceList></sequence>' });
  });
});
