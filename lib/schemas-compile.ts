/**
 * Build step: compiles every schema in `schemas/` to standalone validation code (`dist/validators.cjs`), so the
 * command line validates options without loading ajv or compiling anything at start-up. Run by `npm run build`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Ajv as AjvClass } from 'ajv';
import { packageRoot } from './package-info.js';

/** The options every cmts validator is compiled with (also used when compiling at run time). */
export const AJV_OPTIONS = { allErrors: true, strict: true, verbose: true } as const;

/** Writes `dist/validators.cjs`: one validator per schema file, with the schema text it was compiled from. */
export function compileSchemas(root = packageRoot()): string {
  const require = createRequire(import.meta.url);
  const Ajv = require('ajv') as typeof AjvClass;
  const standaloneCode = (require('ajv/dist/standalone') as { default: (ajv: AjvClass, refs: Record<string, string>) => string }).default;
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  const files = readdirSync(join(root, 'schemas')).filter((f) => f.endsWith('.schema.json')).sort();
  const refs: Record<string, string> = {};
  const sources: Record<string, string> = {};
  for (const file of files) {
    const text = readFileSync(join(root, 'schemas', file), 'utf8');
    const schema = JSON.parse(text) as { $id: string };
    ajv.addSchema(schema);
    refs[file] = schema.$id;
    sources[file] = text;
  }
  const code = `${standaloneCode(ajv, refs)}\nmodule.exports.__sources = ${JSON.stringify(sources)};\n`;
  const out = join(root, 'dist', 'validators.cjs');
  writeFileSync(out, code);
  return out;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`compiled schemas to ${compileSchemas()}`);
}
