// A 2007 package property is an element named after it, and ConfigMgr reads the file with namespaces: a name with a
// ':' is a prefix no declaration binds (`<x:y>`), or no name at all (`<:a>`, `<a:b:c>`). setProperty refuses such a
// name, and any other that is not an XML name, when it is called, with nothing changed; it never reaches the file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { thrown } from './helpers/thrown.js';

const BYTES = readFileSync(join(FIXTURES_DIR, 'roundtrip', 'sms-package-2007-crlf.xml'));

describe('setProperty names', () => {
  it.each(['x:y', ':a', 'a:', 'a:b:c', 'xmlns:q', 'a b', '', '1a'])('%j is refused as INVALID_ARGUMENT, the document unchanged', (name) => {
    const doc = readTaskSequence(BYTES);
    expect(thrown(() => doc.setProperty(name, 'v')).code).toBe('INVALID_ARGUMENT');
    expect(Buffer.from(doc.toBytes()).equals(BYTES)).toBe(true);
  });

  it('a plain name is still added, and an existing property still set', () => {
    const doc = readTaskSequence(BYTES);
    doc.setProperty('SourceDate', '2024-01-01');
    doc.setProperty('Description', 'New');
    const out = Buffer.from(doc.toBytes()).toString('utf8');
    expect(out).toContain('<SourceDate>2024-01-01</SourceDate>');
    expect(out).toContain('<Description>New</Description>');
  });
});
