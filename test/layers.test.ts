// The byte-exact layer stands alone: nothing under lib/xml/ imports the task-sequence model (or anything above it).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const xmlDir = resolve('lib/xml');

describe('layers', () => {
  it('lib/xml imports only lib/xml and errors.ts', () => {
    const offenders: string[] = [];
    for (const f of readdirSync(xmlDir).filter((n) => n.endsWith('.ts'))) {
      for (const m of readFileSync(join(xmlDir, f), 'utf8').matchAll(/from '(\.\.?\/[^']+)'/g)) {
        const target = m[1] as string;
        if (target.startsWith('./') || target === '../errors.js') continue;
        offenders.push(`${f} → ${target}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
