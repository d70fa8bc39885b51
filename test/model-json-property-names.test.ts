// A 2007 export's package properties are elements named by them, and convert --to xml wrote a JSON model's property
// names into the markup as they were: `A></A><B` made two elements, `<A></A><B />`, which only the read-back of the
// whole file refused, as a mismatch of properties rather than a fault of the JSON. fromModelJson now refuses a 2007
// export's property name that is no XML name, saying which; object.xml names them in an escaped attribute, as before.
// A property named for the one that holds the sequence (Sequence, SequenceData) was written before the sequence and
// read back in its place: an object.xml's "Sequence" property text became the sequence. It is refused too.
import { describe, expect, it } from 'vitest';
import { fromModelJson } from '../lib/model/json.js';
import { modelJsonToXml } from '../lib/model/model-json-to-xml.js';
import { readTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const model = (container: string, properties: Record<string, string>) => ({
  format: 'cmts.task-sequence',
  version: 1,
  container,
  encoding: { encoding: 'utf-8', bom: false },
  properties,
  sequence: { kind: 'sequence', tag: 'sequence', attributes: { version: '3.00' }, children: [] },
});

describe('a JSON model\'s package property names', () => {
  it('a 2007 export\'s name that is no XML name is refused, with its path', () => {
    for (const name of ['A></A><B', 'a b', '1x', '']) {
      const e = thrown(() => fromModelJson(model('sms-package', { [name]: 'v' })));
      expect(e.code).toBe('NOT_A_TASK_SEQUENCE');
      expect(e.path).toBe(`properties.${name}`);
    }
  });

  it('the property that holds the sequence is refused under properties: it was read back as the sequence', () => {
    for (const [container, name] of [['sms-package', 'SequenceData'], ['cim-instance', 'Sequence']]) {
      const e = thrown(() => fromModelJson(model(container as string, { [name as string]: '<sequence><step type="Other" name="x"/></sequence>' })));
      expect(e.code).toBe('NOT_A_TASK_SEQUENCE');
      expect(e.path).toBe(`properties.${name}`);
    }
  });

  it('an XML name is written as its element, and an object.xml takes any name', () => {
    const doc = readTaskSequence(modelJsonToXml(fromModelJson(model('sms-package', { Name: 'N', 'x.y-z': 'v' }))));
    expect(doc.properties()).toMatchObject({ Name: 'N', 'x.y-z': 'v' });
    const cim = readTaskSequence(modelJsonToXml(fromModelJson(model('cim-instance', { 'a b': 'v' }))));
    expect(cim.properties()['a b']).toBe('v');
  });
});
