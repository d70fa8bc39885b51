// A new object.xml gives a task sequence package's properties their class's CIM types (ProgramFlags uint32, as a
// Current Branch export writes it), where the text or the script says no type of its own; a text made from a file
// that says otherwise keeps what the file says.
import { describe, expect, it } from 'vitest';
import { buildSequence, fromYaml, sequenceToText } from '../lib/api/text.js';
import { createSequence, readTaskSequence, writeTaskSequence } from './helpers/api.js';

const typeOf = (xml: string, name: string) => new RegExp(`<PROPERTY NAME="${name}"[^>]*TYPE="([a-z0-9]+)"`).exec(xml)?.[1];
const text = (doc: ReturnType<typeof createSequence>) => Buffer.from(writeTaskSequence(doc)).toString('utf8');

describe('the CIM types of a new object.xml', () => {
  it('createSequence and cmts build write ProgramFlags as uint32 and the others by their class, Name as a string', () => {
    const made = text(createSequence('cim-instance', { name: 'A' }));
    expect(typeOf(made, 'ProgramFlags')).toBe('uint32');
    expect(typeOf(made, 'Name')).toBe('string');
    const given = text(createSequence('cim-instance', { properties: { Name: 'B', TsEnabled: 'true', Duration: '360', SourceDate: '20201123204400.000000+000', Custom: 'x' } }));
    expect([typeOf(given, 'TsEnabled'), typeOf(given, 'Duration'), typeOf(given, 'SourceDate'), typeOf(given, 'Custom')]).toEqual(['boolean', 'uint32', 'datetime', 'string']);
    const built = text(buildSequence({ container: 'cim-instance', package: { Name: 'C', ProgramFlags: '152084496' }, steps: [] }));
    expect(typeOf(text(fromYaml('container: cim-instance\npackage:\n  Name: C\n  ProgramFlags: "152084496"\nsteps: []\n')), 'ProgramFlags')).toBe('uint32');
    expect(typeOf(built, 'ProgramFlags')).toBe('uint32');
  });

  it('a file whose ProgramFlags is a string gives a text that builds it a string again', () => {
    const file = text(createSequence('cim-instance', { name: 'A' })).replace(/(<PROPERTY NAME="ProgramFlags"[^>]*TYPE=")uint32/, '$1string');
    expect(typeOf(file, 'ProgramFlags')).toBe('string');
    const t = sequenceToText(readTaskSequence(file));
    expect(t.packageTypes?.ProgramFlags).toBe('string');
    expect(typeOf(text(buildSequence(t)), 'ProgramFlags')).toBe('string');
    // And one that says uint32 is said uint32, as before.
    expect(sequenceToText(readTaskSequence(text(createSequence('cim-instance', { name: 'A' })))).packageTypes?.ProgramFlags).toBe('uint32');
  });
});
