// Entry names that Windows writes as another file: `.` and empty segments, and segments ending in dots or spaces,
// which Win32 path normalisation (and so an extractor on Windows) drops, and a `:` naming a stream of a file
// (`object.xml::$DATA` is object.xml's own content). Such a name is refused, and two names that
// differ only as Windows ignores (case, separators) are two entries of one name: a patched object.xml can never be
// shadowed by an unpatched twin, nor a decoy copied through unpatched; names that stay different files still read.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { readExportZip, readZip, writeZip } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { makeZip, unicodePathExtra } from './helpers/make-zip.js';
import { memoryIo } from './helpers/memory-io.js';
import { thrown } from './helpers/thrown.js';

const SEQ = (name: string) => `<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="${name}"><action>cmd /c ${name}</action></step></sequence>`;
const OBJ = (name: string) =>
  `<INSTANCE CLASSNAME="SMS_TaskSequencePackage"><PROPERTY NAME="Name" TYPE="string"><VALUE>${name}</VALUE></PROPERTY><PROPERTY NAME="DependentProgram" TYPE="string"><VALUE></VALUE></PROPERTY><PROPERTY NAME="Sequence" TYPE="string"><VALUE><![CDATA[${SEQ(name)}]]></VALUE></PROPERTY></INSTANCE>`;
const PART = 'SMS_TaskSequencePackage/CM100031/object.xml';

/** Names an extractor on Windows writes to PART. */
const TWINS = [
  'SMS_TaskSequencePackage/CM100031/./object.xml',
  'SMS_TaskSequencePackage/CM100031//object.xml',
  'SMS_TaskSequencePackage/CM100031/object.xml.',
  'SMS_TaskSequencePackage/CM100031/object.xml ',
  'SMS_TaskSequencePackage/CM100031/object.xml. .',
  'SMS_TaskSequencePackage/CM100031./object.xml',
  'SMS_TaskSequencePackage/CM100031 /object.xml',
  './SMS_TaskSequencePackage/CM100031/object.xml',
  'SMS_TaskSequencePackage\\.\\cm100031.\\\\OBJECT.XML',
  // The file's own data stream, named.
  'SMS_TaskSequencePackage/CM100031/object.xml::$DATA',
];

describe('zip entry names compared as Windows compares them', () => {
  for (const twin of TWINS) {
    it(`${JSON.stringify(twin)} is written to ${PART} on Windows: refused, alone or beside it`, () => {
      // Alone, the export reader would not take it for a sequence and would copy it through unpatched; beside the
      // real part (after it, the order the review reproduced, or before it) it would shadow the patched one.
      for (const names of [[twin], [PART, twin], [twin, PART]]) {
        const e = thrown(() => readExportZip(makeZip(names.map((name, i) => ({ name, data: OBJ(String(i)) }))), { file: 'dot.zip' }));
        expect(e.code).toBe('ZIP_UNSAFE');
        expect(e.format()).toMatch(/^dot\.zip: ZIP_UNSAFE Entry /);
        expect(e.message).toContain(`${JSON.stringify(twin)} is not named as Windows would write it`);
      }
    });
  }

  it('names that differ only in case or separator are still two entries of one name', () => {
    for (const twin of ['SMS_TaskSequencePackage/CM100031/OBJECT.XML', 'SMS_TaskSequencePackage\\CM100031\\object.xml']) {
      const e = thrown(() => readExportZip(makeZip([{ name: PART, data: OBJ('a') }, { name: twin, data: OBJ('b') }]), { file: 'dot.zip' }));
      expect(e.code).toBe('ZIP_UNSAFE');
      expect(e.message).toContain(`Two entries are named ${JSON.stringify(PART)} and ${JSON.stringify(twin)}`);
    }
  });

  it('a Unicode path field that Windows would write as another file is refused too', () => {
    const other = 'SMS_TaskSequencePackage/CM100031/other.xml';
    const zip = makeZip([
      { name: PART, data: OBJ('a') },
      { name: other, data: 'x', extra: unicodePathExtra('SMS_TaskSequencePackage/CM100031//object.xml.', other) },
    ]);
    const e = thrown(() => readZip(zip));
    expect(e.code).toBe('ZIP_UNSAFE');
    expect(e.message).toContain(JSON.stringify('SMS_TaskSequencePackage/CM100031//object.xml.'));
  });

  it('the CLI writes nothing for an export whose object.xml has a twin Windows writes to the same file, so no unpatched decoy is copied through', async () => {
    // A sequence kb977203 patches: alone in an archive it is written (checked last), so the refusal is the twin's.
    const sequence = readFileSync('examples/replace-restore.object.xml');
    for (const twin of TWINS) {
      const m = memoryIo({ 'dot.zip': makeZip([{ name: PART, data: sequence }, { name: twin, data: sequence }]) });
      expect(await main(['kb977203', 'dot.zip', '-o', 'p.zip', '--certfix-package', 'ABC00010', '--scenario', 'replace-restore', '--force'], m.io)).toBe(1);
      expect(m.writes).toEqual([]);
      expect(m.stderr).toMatch(/dot\.zip: ZIP_UNSAFE Entry .* is not named as Windows would write it/);
    }
    const alone = memoryIo({ 'one.zip': makeZip([{ name: PART, data: sequence }]) });
    expect(await main(['kb977203', 'one.zip', '-o', 'p.zip', '--certfix-package', 'ABC00010', '--scenario', 'replace-restore', '--force'], alone.io)).toBe(0);
    expect(readExportZip(alone.fs.get('p.zip')!).sequences.map((s) => s.part)).toEqual([PART]);
  });

  it('".." is still refused as a segment that leaves its folder, never resolved into another name', () => {
    for (const name of ['SMS_TaskSequencePackage/CM100031/../CM100031/object.xml', 'SMS_TaskSequencePackage\\CM100031\\..\\CM100031\\object.xml']) {
      const e = thrown(() => readZip(makeZip([{ name, data: OBJ('a') }])));
      expect(e.code).toBe('ZIP_UNSAFE');
      expect(e.message).toContain(`${JSON.stringify(name)} has a '..' segment`);
    }
    for (const name of ['/SMS_TaskSequencePackage/CM100031/object.xml', '\\SMS_TaskSequencePackage\\CM100031\\object.xml', 'C:SMS_TaskSequencePackage/CM100031/object.xml']) {
      expect(thrown(() => readZip(makeZip([{ name, data: OBJ('a') }]))).message).toContain(`${JSON.stringify(name)} has an absolute path`);
    }
  });

  it('names that stay different files on Windows still read side by side', () => {
    const names = [
      PART,
      'SMS_TaskSequencePackage/CM100031/object.xml.bak',
      'SMS_TaskSequencePackage/CM100031/object .xml',
      'SMS_TaskSequencePackage/CM100031/.object.xml',
      'SMS_TaskSequencePackage/CM100031.2/object.xml',
      'SMS_TaskSequencePackage/CM100031/sub/object.xml',
      'SMS_TaskSequencePackage/CM10003/object.xml',
    ];
    expect(readZip(makeZip(names.map((name) => ({ name, data: OBJ(name) })))).entries.map((e) => e.name)).toEqual(names);
  });

  it('a folder entry and the files in it are not twins', () => {
    const zip = makeZip([
      { name: 'SMS_TaskSequencePackage/', data: '', stored: true },
      { name: 'SMS_TaskSequencePackage/CM100031/', data: '', stored: true },
      { name: PART, data: OBJ('a') },
    ]);
    expect(readExportZip(zip).sequences.map((s) => s.part)).toEqual([PART]);
  });

  it('the real export still reads', () => {
    const x = readExportZip(readFileSync(join(FIXTURES_DIR, 'zip', 'export.zip')));
    expect(x.sequences.length).toBeGreaterThan(0);
    expect(x.sequences.every((s) => /^SMS_TaskSequencePackage\/[^/]+\/object\.xml$/.test(s.part))).toBe(true);
  });
});

describe('entry names without the UTF-8 flag', () => {
  it('are code page 437, as the zip format and Windows name them: Ü, é and box-drawing characters read as themselves', () => {
    // "Übersicht/é╚.xml" in code page 437: Ü 0x9A, é 0x82, ╚ 0xC8.
    const bytes = Buffer.from([0x9a, ...Buffer.from('bersicht/'), 0x82, 0xc8, ...Buffer.from('.xml')]);
    const zip = readZip(makeZip([{ name: 'unused', nameBytes: bytes, data: '<a/>' }]));
    expect(zip.entries.map((e) => e.name)).toEqual(['Übersicht/é╚.xml']);
    // Written back with the bytes it had: the name is how it is shown, not how it is stored.
    const out = writeZip(zip, new Map([[zip.entries[0]!, Buffer.from('<b/>')]]));
    expect(Buffer.from(out).includes(bytes)).toBe(true);
    expect(readZip(out).entries.map((e) => e.name)).toEqual(['Übersicht/é╚.xml']);
  });

  it('two names that are one name in code page 437 ignoring case are refused as ambiguous', () => {
    // ü (0x81) and Ü (0x9A) differ only in case.
    const lower = Buffer.from([...Buffer.from('a'), 0x81, ...Buffer.from('.xml')]);
    const upper = Buffer.from([...Buffer.from('A'), 0x9a, ...Buffer.from('.XML')]);
    expect(thrown(() => readZip(makeZip([{ name: 'x', nameBytes: lower, data: '1' }, { name: 'y', nameBytes: upper, data: '2' }]))).code).toBe('ZIP_UNSAFE');
  });
});
