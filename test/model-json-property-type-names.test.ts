// A model JSON without its wrapper gets an object.xml built from its properties, each with its CIM type from
// propertyTypes or `string`. The type was looked up as propertyTypes[name], so a property named like a member every
// object inherits (constructor, toString, valueOf) and not listed there took that member, a function, as its type:
// `cmts convert --to xml` failed with INTERNAL_ERROR ("value.replace is not a function").
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromModelJson, toModelJson } from '../lib/model/json.js';
import { modelJsonToXml } from '../lib/model/model-json-to-xml.js';
import { readTaskSequence } from './helpers/api.js';
import { runCli } from './helpers/run-cli.js';

const SEQ = '<sequence version="3.10"></sequence>';
const OBJECT_XML = `<INSTANCE CLASSNAME="SMS_TaskSequencePackage"><PROPERTY NAME="Name" TYPE="string"><VALUE>N</VALUE></PROPERTY><PROPERTY NAME="ProgramFlags" TYPE="uint32"><VALUE>152084496</VALUE></PROPERTY><PROPERTY NAME="Sequence" TYPE="string"><VALUE><![CDATA[${SEQ}]]></VALUE></PROPERTY></INSTANCE>`;
const NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty'];

/** The model of OBJECT_XML without its wrapper, with a property of each of NAMES (none of them typed). */
function model(): Record<string, unknown> {
  const json = JSON.parse(JSON.stringify(toModelJson(readTaskSequence(OBJECT_XML), { wrapper: true }))) as Record<string, unknown>;
  delete json.wrapper;
  json.properties = { ...(json.properties as Record<string, string>), ...Object.fromEntries(NAMES.map((n) => [n, `${n} value`])) };
  return json;
}

describe('an object.xml built from model JSON: a property named like an inherited member', () => {
  it('is written as a string, and the typed ones keep their type', () => {
    const doc = readTaskSequence(modelJsonToXml(fromModelJson(model())));
    for (const n of NAMES) expect(doc.getProperty(n)).toBe(`${n} value`);
    const xml = modelJsonToXml(fromModelJson(model()));
    for (const n of NAMES) expect(xml).toContain(`<PROPERTY NAME="${n}" TYPE="string">`);
    expect(xml).toContain('<PROPERTY NAME="ProgramFlags" TYPE="uint32">');
  });

  it('cmts convert --to xml writes it (exit 0), not an internal error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmts-json-names-'));
    try {
      writeFileSync(join(dir, 'ts.json'), JSON.stringify(model()));
      const r = await runCli(['convert', join(dir, 'ts.json'), '--to', 'xml', '-o', join(dir, 'ts.xml')]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(readTaskSequence(readFileSync(join(dir, 'ts.xml'))).getProperty('constructor')).toBe('constructor value');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
