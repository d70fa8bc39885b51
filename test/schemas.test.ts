import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isSchemaFile, loadSchema, validatorFor, type SchemaFile } from '../lib/schemas.js';
// @ts-expect-error -- a build script in plain JavaScript, without declarations
import { AJV_OPTIONS } from '../scripts/generate.mjs';
import { FIXTURES_DIR } from './helpers/corpus.js';

const files = readdirSync(resolve('schemas'))
  .filter((f) => f.endsWith('.schema.json'))
  .sort()
  .map((f) => {
    if (!isSchemaFile(f)) throw new Error(`${f} has no generated validator: run npm run generate`);
    return f;
  });
const require = createRequire(import.meta.url);

describe('schemas', () => {
  it('every schema has a unique $id and compiles in strict mode', () => {
    const Ajv = require('ajv') as new (o: object) => { compile(s: object): unknown };
    const ids = files.map((f) => loadSchema(f).$id);
    expect(new Set(ids).size).toBe(files.length);
    for (const f of files) expect(() => new Ajv({ ...(AJV_OPTIONS as object), logger: false }).compile(loadSchema(f))).not.toThrow();
  });

  it('every KB977203 fixture options.json is valid unless the case is a schema refusal', () => {
    const validate = validatorFor('kb977203.options.schema.json');
    const dir = join(FIXTURES_DIR, 'kb977203');
    for (const name of readdirSync(dir)) {
      const options = JSON.parse(readFileSync(join(dir, name, 'options.json'), 'utf8')) as unknown;
      let code: string | undefined;
      try {
        code = (JSON.parse(readFileSync(join(dir, name, 'error.json'), 'utf8')) as { code: string }).code;
      } catch {
        code = undefined;
      }
      expect(validate(options), name).toBe(code !== 'OPTIONS_INVALID');
    }
  });

  it('every KB977203 fixture report.json is a valid report (inside a kb977203 --json result)', () => {
    const validate = validatorFor('kb977203.report.schema.json');
    const dir = join(FIXTURES_DIR, 'kb977203');
    let checked = 0;
    for (const name of readdirSync(dir)) {
      let report: unknown;
      try {
        report = JSON.parse(readFileSync(join(dir, name, 'report.json'), 'utf8'));
      } catch {
        continue;
      }
      checked++;
      const result = { input: 'x.xml', output: null, dryRun: true, written: false, report };
      expect(validate({ results: [result], summary: { files: 1, changed: 0, notApplicable: 0, failed: 0 } }), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it('the generated validators agree with ajv compiling the schema files on disk now', () => {
    const Ajv = require('ajv') as new (o: object) => { compile(s: object): (v: unknown) => boolean };
    const samples: [SchemaFile, unknown, boolean][] = [
      ['kb977203.options.schema.json', { certfixPackage: 'ABC00010' }, true],
      ['kb977203.options.schema.json', { certfixPackage: 'abc00010' }, false],
      ['kb977203.options.schema.json', { certfixPackage: 'ABC00010', scenario: 'replace' }, false],
      ['kb977203.options.schema.json', { certfixPackage: 'ABC00010', extra: 1 }, false],
      ['insert-steps-after.options.schema.json', { after: { type: 'T' }, steps: [{ type: 'restart-computer', name: 'R' }] }, true],
      ['insert-steps-after.options.schema.json', { after: { type: 'T' }, steps: [{ type: 'restart-computer', name: 'x'.repeat(101) }] }, false],
      ['add-client-patch.options.schema.json', { msp: 'C:\\a.msp' }, true],
      ['add-client-patch.options.schema.json', { msp: 'C:\\a.msi' }, false],
    ];
    for (const [file, value, valid] of samples) {
      const fresh = new Ajv({ ...(AJV_OPTIONS as object), logger: false }).compile(JSON.parse(readFileSync(resolve('schemas', file), 'utf8')) as object);
      expect(fresh(value), `${file} ${JSON.stringify(value)}`).toBe(valid);
      expect(validatorFor(file)(value), `${file} ${JSON.stringify(value)}`).toBe(valid);
    }
  });

  it('string lengths count UTF-16 code units, as the console does (a step name of 50 emoji is 100 units, the provider limit)', () => {
    const step = (name: string) => ({ after: { type: 'T' }, steps: [{ type: 'restart-computer', name }] });
    expect(validatorFor('insert-steps-after.options.schema.json')(step('\u{1F600}'.repeat(50)))).toBe(true);
    expect(validatorFor('insert-steps-after.options.schema.json')(step('\u{1F600}'.repeat(51)))).toBe(false);
  });
});
