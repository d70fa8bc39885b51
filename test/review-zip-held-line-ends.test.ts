// An embedded sequence held as escaped text whose line ends the file writes as references (`&#xD;&#xA;`, `&#13;&#10;`,
// an LF alone as `&#xA;`): the text written anew in an edit was written with bare line ends, so every line from the
// first change to the last differed from the file, untouched steps too, and the KB977203 preset's revert of its apply
// (on an object.xml and on an export .zip) did not give back the file it was given.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyKb977203, readEntry, readTaskSequence, readZip, revertKb977203, writeTaskSequence } from './helpers/api.js';
import { makeZip } from './helpers/make-zip.js';
import { runCli } from './helpers/run-cli.js';

const HELD = /<VALUE><!\[CDATA\[([\s\S]*?)\]\]><\/VALUE>/;
const OPTIONS = { certfixPackage: 'ABC00010', scenario: 'replace-restore', force: true } as const;

/** The object.xml with its held sequence escaped, one element a line, each line end written as `cr` + `lf`. */
function escapedWith(objectXml: string, cr: string, lf: string): string {
  const found = HELD.exec(objectXml) as RegExpExecArray;
  const lines = (found[1] as string).replace(/></g, '>\r\n<');
  const escaped = lines.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return objectXml.replace(found[0], `<VALUE>${escaped.replace(/\r\n/g, cr + lf)}</VALUE>`);
}

/** The held text of the Sequence property as the file writes it. */
const heldRaw = (objectXml: string): string => (/<PROPERTY NAME="Sequence"[\s\S]*?<VALUE>string<\/VALUE>[\s\S]*?<VALUE>([\s\S]*?)<\/VALUE>/.exec(objectXml) as RegExpExecArray)[1] as string;

const FORMS: [string, string, string][] = [
  ['&#xD;&#xA;', '&#xD;', '&#xA;'],
  ['&#13;&#10;', '&#13;', '&#10;'],
  ['an LF alone as &#xA;', '', '&#xA;'],
  ['&#xD; and a literal LF', '&#xD;', '\n'],
  ['bare CRLF', '\r', '\n'],
];

describe('line ends of escaped held text are written as the file writes them', () => {
  const fixture = readFileSync('test/fixtures/kb977203/replace-restore-object-xml/input.xml', 'utf8');

  for (const [form, cr, lf] of FORMS) {
    it(`${form}: the applied text writes every line end so, and the revert gives back the file`, () => {
      const input = escapedWith(fixture, cr, lf);
      const doc = readTaskSequence(input);
      applyKb977203(doc, OPTIONS);
      const applied = Buffer.from(writeTaskSequence(doc)).toString();
      const held = heldRaw(applied);
      expect(held).not.toBe(heldRaw(input));
      // Every line end in the held text, the new steps' too, is written as the file writes line ends.
      const ends = held.match(/\r\n|\r|\n|&#xD;|&#xA;|&#13;|&#10;/g) ?? [];
      const allowed = new Set([cr, lf].filter((e) => e !== '').concat(cr === '\r' && lf === '\n' ? ['\r\n'] : []));
      expect(ends.length).toBeGreaterThan(0);
      for (const e of ends) expect(allowed.has(e)).toBe(true);
      const back = readTaskSequence(applied);
      revertKb977203(back, OPTIONS);
      expect(Buffer.from(writeTaskSequence(back)).toString()).toBe(input);
    });
  }
});

describe('an export .zip whose object.xml writes line ends as &#xD;&#xA;', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cmts-held-line-ends-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const objectName = 'SMS_TaskSequencePackage/CM100031/object.xml';

  it('kb977203 applied and reverted by the command line gives back object.xml byte for byte', async () => {
    const source = readZip(readFileSync('test/fixtures/zip/export.zip'));
    const entries = source.entries.map((e) => {
      const data = Buffer.from(readEntry(source, e));
      return { name: e.name, data: e.name === objectName ? Buffer.from(escapedWith(data.toString('utf8'), '&#xD;', '&#xA;')) : data };
    });
    const input = join(dir, 'in.zip');
    writeFileSync(input, makeZip(entries));
    const applied = join(dir, 'applied.zip');
    const reverted = join(dir, 'reverted.zip');
    expect((await runCli(['kb977203', input, '-o', applied, '--certfix-package', 'ABC00010', '--force'])).status).toBe(0);
    expect((await runCli(['kb977203', applied, '--revert', '-o', reverted, '--certfix-package', 'ABC00010'])).status).toBe(0);
    const object = (file: string): string => {
      const zip = readZip(readFileSync(file));
      return Buffer.from(readEntry(zip, zip.entries.find((e) => e.name === objectName) as (typeof zip.entries)[number])).toString('utf8');
    };
    expect(heldRaw(object(applied))).not.toMatch(/[\r\n]/);
    expect(object(reverted)).toBe(object(input));
  });
});
