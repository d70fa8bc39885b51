// The fleet report's CSV is safe to open in a spreadsheet: quoting per RFC 4180, and no cell read as a formula.
import { describe, expect, it } from 'vitest';
import { fleetCsv, fleetJson, type FleetRow } from '../lib/presets/kb977203-fleet.js';

const row = (over: Partial<FleetRow>): FleetRow => ({ file: 'a.xml', name: '', packageId: '', container: 'sequence', status: 'changed', changes: [], reason: '', ...over });

describe('fleet report', () => {
  it('quotes commas, quotes and line breaks, and defuses cells a spreadsheet would run as formulas', () => {
    const csv = fleetCsv([row({ file: '=HYPERLINK("x").xml', name: 'a, "b"', reason: 'line\nbreak', changes: ['one', 'two'] })]);
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""x"").xml","a, ""b""",,sequence,changed,one; two,"line\nbreak"`);
  });

  it('JSON counts each status', () => {
    const json = JSON.parse(fleetJson([row({}), row({ status: 'failed' }), row({})])) as { summary: Record<string, number> };
    expect(json.summary).toEqual({ changed: 2, failed: 1 });
  });
});
