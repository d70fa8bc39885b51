/**
 * Build step: compiles every schema in `schemas/` to standalone validation code, one module per schema
 * (`dist/validators/<schema file>.cjs`), so the command line validates options without loading ajv's compiler and
 * loads only the validators it uses. Run by `npm run build`.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Ajv as AjvClass } from 'ajv';
import { packageRoot } from './package-info.js';

/** The options every cmts validator is compiled with (also used when compiling at run time). */
export const AJV_OPTIONS = { allErrors: true, strict: true, verbose: true } as const;

/** Writes `dist/validators/<file>.cjs` for each schema file: its validator, and the schema text it was compiled from. */
export function compileSchemas(root = packageRoot()): string {
  const require = createRequire(import.meta.url);
  const Ajv = require('ajv') as typeof AjvClass;
  const standaloneCode = (require('ajv/dist/standalone') as { default: (ajv: AjvClass, refs: Record<string, string>) => string }).default;
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  const files = readdirSync(join(root, 'schemas')).filter((f) => f.endsWith('.schema.json')).sort();
  const texts = new Map<string, string>();
  for (const file of files) {
    const text = readFileSync(join(root, 'schemas', file), 'utf8');
    ajv.addSchema(JSON.parse(text) as { $id: string });
    texts.set(file, text);
  }
  const dir = join(root, 'dist', 'validators');
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of texts) {
    const id = (JSON.parse(text) as { $id: string }).$id;
    const code = `${standaloneCode(ajv, { validate: id })}\nmodule.exports.__source = ${JSON.stringify(text)};\n`;
    writeFileSync(join(dir, `${file}.cjs`), code);
  }
  return dir;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`compiled schemas to ${compileSchemas()}`);
}
