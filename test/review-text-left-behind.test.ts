// A text or model written for a package, built or converted into a container that has no place for the package's
// parts on request (`--container sequence`, `--bare`), says what it left behind instead of dropping it silently.
import { describe, expect, it } from 'vitest';
import { createSequence } from '../lib/catalog/create-sequence.js';
import { main } from '../lib/cli/main.js';
import { toModelJson } from '../lib/model/json.js';
import { fromYaml } from '../lib/text/from-yaml.js';
import { toYaml } from '../lib/text/to-text.js';
import { memoryIo } from './helpers/memory-io.js';

const objectXml = () => {
  const doc = createSequence('cim-instance', { properties: { Name: 'OSD', PackageID: 'RSC00100' } });
  return toYaml(doc);
};

describe('PACKAGE_LEFT_BEHIND', () => {
  it("an object.xml's text built as a bare sequence carries a warning naming its package properties", () => {
    const doc = fromYaml(objectXml(), { container: 'sequence' });
    expect(doc.container).toBe('sequence');
    const warnings = doc.issues.filter((i) => i.code === 'PACKAGE_LEFT_BEHIND');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.severity).toBe('warning');
    expect(warnings[0]?.message).toContain('Name, PackageID');
  });

  it('built into its own container, or a 2007 package that holds its properties, it has none', () => {
    expect(fromYaml(objectXml()).issues).toEqual([]);
    expect(fromYaml(objectXml().replace(/^container: cim-instance$/m, 'container: sms-package')).issues).toEqual([]);
  });

  it("an object.xml's CIM types built into a 2007 package are named", () => {
    const text = `${objectXml()}packageTypes:\n  Duration: uint32\n`;
    const doc = fromYaml(text, { container: 'sms-package' });
    expect(doc.issues.map((i) => i.code)).toEqual(['PACKAGE_LEFT_BEHIND']);
    expect(doc.issues[0]?.message).toContain('Duration');
  });

  it('cmts build --container sequence writes the sequence and warns on standard error', async () => {
    const m = memoryIo({ 'osd.yaml': objectXml() });
    expect(await main(['build', 'osd.yaml', '--container', 'sequence', '-o', 'ts.xml'], m.io)).toBe(0);
    expect(m.stderr).toMatch(/osd\.yaml: warning PACKAGE_LEFT_BEHIND .*Name, PackageID/);
    const n = memoryIo({ 'osd.yaml': objectXml() });
    expect(await main(['build', 'osd.yaml', '-o', 'object.xml'], n.io)).toBe(0);
    expect(n.stderr).toBe('');
  });

  it('cmts convert --to xml --bare warns that the package properties are left out', async () => {
    const json = JSON.stringify(toModelJson(createSequence('cim-instance', { properties: { Name: 'OSD' } }), { wrapper: true }));
    const m = memoryIo({ 'ts.json': json });
    expect(await main(['convert', 'ts.json', '--to', 'xml', '--bare', '-o', 'ts.xml'], m.io)).toBe(0);
    expect(m.stderr).toMatch(/ts\.json: warning PACKAGE_LEFT_BEHIND .*\(Name\)/);
    const n = memoryIo({ 'ts.json': json });
    expect(await main(['convert', 'ts.json', '--to', 'xml', '-o', 'ts.xml'], n.io)).toBe(0);
    expect(n.stderr).toBe('');
  });
});
