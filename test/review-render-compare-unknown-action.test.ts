import { describe, expect, it } from 'vitest';
import { buildSequenceView, diffTaskSequences, flattenItems, overlayChanges, readTaskSequence } from './helpers/api.js';
import { renderComparison, renderSequence } from '../lib/render/render-sequence.js';

// A class the catalog does not know (a vendor's): its page leaves the action line out, since what it carries (here a
// password, under a variable whose name says nothing) cannot be told from the rest.
const vendor = (password: string, type = 'Vendor_X') =>
  readTaskSequence(`<sequence version="3.10"><step type="${type}" name="V"><action>vendor.exe /password:${password}</action><defaultVarList><variable name="Mode" property="Mode">${password === 'OldPw1' ? 'a' : 'b'}</variable></defaultVarList></step></sequence>`);

describe('a comparison shows no action line of a step class the catalog does not know', () => {
  it('its page does not show the line, and neither does the comparison, in either format', () => {
    for (const format of ['html', 'md'] as const) {
      expect(renderSequence(vendor('NewPw2'), { format, lint: false })).not.toContain('NewPw2');
      const page = renderComparison(vendor('OldPw1'), vendor('NewPw2'), { format, lint: false });
      expect(page).not.toContain('OldPw1');
      expect(page).not.toContain('NewPw2');
      // The change is still listed, without its values.
      expect(page).toMatch(format === 'md' ? /changed command line/ : /<th scope="row">command line<\/th>/);
      expect(page).toContain('(hidden)');
    }
  });

  it('overlayChanges with views alone (no documents) hides it too', () => {
    const view = buildSequenceView(vendor('NewPw2'), { lint: false });
    overlayChanges(view, buildSequenceView(vendor('OldPw1'), { lint: false }), diffTaskSequences(vendor('OldPw1'), vendor('NewPw2')));
    const fields = flattenItems(view.items)[0]?.change?.fields ?? [];
    expect(fields.find((f) => f.field === 'command line')).toEqual({ field: 'command line', before: '(hidden)', after: '(hidden, changed)' });
    // What the page shows of the step (its variables as written) stays shown.
    expect(fields.find((f) => f.field === 'variable Mode')).toEqual({ field: 'variable Mode', before: 'a', after: 'b' });
  });

  it('a class the catalog knows keeps its command line shown', () => {
    // A line edited by hand (its variable says old.exe on both sides) is listed itself: the line, shown.
    const run = (exe: string) => readTaskSequence(`<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="R"><action>smsswd.exe /run: ${exe}</action><defaultVarList><variable name="CommandLine" property="CommandLine">old.exe</variable></defaultVarList></step></sequence>`);
    expect(renderComparison(run('old.exe'), run('new.exe'), { format: 'md', lint: false })).toContain('changed command line: smsswd.exe /run: old.exe → smsswd.exe /run: new.exe');
  });
});
