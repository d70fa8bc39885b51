// A password-like <variable> that holds markup (`<b/>secret`) is no value the reader gives as text, so the diff shows
// it as an element, whole: a secret one shows as (hidden) there too, in text and under --json; another is shown.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

const join = (inner: string, other: string) =>
  `<sequence version="3.10"><step type="SMS_TaskSequence_JoinDomainWorkgroupAction" name="Join"><action>x</action><defaultVarList><variable name="OSDJoinPassword" property="DomainPassword" hidden="true">${inner}</variable><variable name="OSDNote" property="Note">${other}</variable></defaultVarList></step></sequence>`;

describe('cmts diff: a secret variable holding markup', () => {
  const files = () => ({ 'a.xml': join('OldSecret1', 'NoteA'), 'b.xml': join('<b/>NewSecret2', '<i/>NoteB'), 'c.xml': join('<b/>OldSecret3', '<i/>NoteC') });

  it('is hidden in the text, where a variable of another name holding markup is shown', async () => {
    for (const [a, b] of [['a.xml', 'b.xml'], ['b.xml', 'c.xml']]) {
      const m = memoryIo(files());
      expect(await main(['diff', a as string, b as string], m.io)).toBe(1);
      expect(m.stdout).not.toMatch(/Secret[123]/);
      expect(m.stdout).toContain('(hidden)');
      expect(m.stdout).toMatch(/Note[BC]/);
    }
  });

  it('is hidden under --json', async () => {
    const m = memoryIo(files());
    expect(await main(['diff', 'b.xml', 'c.xml', '--json'], m.io)).toBe(1);
    expect(m.stdout).not.toMatch(/Secret[123]/);
    const entries = (JSON.parse(m.stdout) as { results: { differences: { field?: string; before?: string; after?: string }[] }[] }).results[0]?.differences ?? [];
    const secret = entries.find((d) => d.field === 'defaultVarList element variable');
    expect(secret).toMatchObject({ before: '(hidden)', after: '(hidden, changed)' });
    expect(entries.find((d) => d.field === 'defaultVarList element variable #2')?.after).toContain('NoteC');
  });
});

describe('cmts diff: a secret global variable holding markup', () => {
  const global = (inner: string) => `<sequence version="3.10"><globalVarList><variable name="AdminPassword" property="AdminPassword">${inner}</variable><variable name="Site" property="Site">${inner.replace(/Secret/g, 'Site')}</variable></globalVarList><step type="X" name="a"/></sequence>`;

  it('is hidden in the text and under --json, where one of another name is shown', async () => {
    const m = memoryIo({ 'a.xml': global('OldSecret1'), 'b.xml': global('<b/>NewSecret2'), 'c.xml': global('<b/>NewSecret3') });
    for (const [a, b] of [['a.xml', 'b.xml'], ['b.xml', 'c.xml']]) {
      expect(await main(['diff', a as string, b as string], m.io)).toBe(1);
      expect(await main(['diff', a as string, b as string, '--json'], m.io)).toBe(1);
    }
    expect(m.stdout).not.toMatch(/Secret[123]/);
    expect(m.stdout).toContain('(hidden)');
    expect(m.stdout).toMatch(/NewSite3/);
  });
});
