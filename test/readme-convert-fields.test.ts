// The README's field list for `convert --to json` (Per command → convert) left out `format` and `version`, which
// the model requires as they are: JSON written from that list was refused by `convert --to xml`. Each key the
// schema's top level has is named, a constant with its value; --help names them too.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP } from '../lib/cli/convert.js';
import { loadSchema } from '../lib/schemas.js';

const schema = loadSchema('task-sequence.schema.json') as { properties: Record<string, { const?: unknown }>; required: string[] };

/** The README's bullet on convert, from its first words to the next bullet. */
function convertBullet(): string {
  const readme = readFileSync(resolve('README.md'), 'utf8');
  const start = readme.indexOf('- `convert --to json` writes the model');
  expect(start).toBeGreaterThan(-1);
  return readme.slice(start, readme.indexOf('\n- `', start + 1)).replace(/\s+/g, ' ');
}

describe('the fields of the JSON model, as the README and --help list them', () => {
  it('the README names every top-level key, each constant with its value', () => {
    const bullet = convertBullet();
    for (const [key, property] of Object.entries(schema.properties)) {
      expect(bullet, key).toContain(`\`${key}\``);
      if (property.const !== undefined) expect(bullet, key).toContain(`\`${key}\` (always \`${JSON.stringify(property.const)}\`)`);
    }
  });

  it('--help names the required constants with their values', () => {
    const help = HELP.replace(/\s+/g, ' ');
    for (const key of schema.required) {
      const c = schema.properties[key]?.const;
      if (c !== undefined) expect(help, key).toContain(`${key} (${JSON.stringify(c)})`);
    }
  });
});
