import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { sequenceTextSchema } from '../lib/text/text-schema.js';
it('gen', () => { writeFileSync('schemas/sequence-text.schema.json', `${JSON.stringify(sequenceTextSchema(), null, 2)}\n`); });
