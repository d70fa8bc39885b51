// A step of a class the catalog does not know (a vendor's step, a later release's) showed no settings on a rendered
// page or in `cmts inspect`, so an administrator reading the page could not tell what it does. Its variables are shown
// as written, named by their property, secrets and empty ones left out, and its action line never.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { keySettings } from '../lib/render/key-settings.js';
import { renderSequence } from '../lib/render/render-sequence.js';
import { readTaskSequence } from './helpers/api.js';
import { memoryIo } from './helpers/memory-io.js';

const VENDOR = `<sequence version="3.10"><step type="Contoso_InventoryAction" name="Take inventory" description="" runIn="FullOS" successCodeList="0"><action>inventory.exe /full /pw:Hush-2</action><defaultVarList><variable name="InventoryScope" property="Scope">Full</variable><variable name="InventoryServer" property="ServerName">inv01.contoso.com</variable><variable name="ServicePassword" property="Password">Hush-1</variable><variable name="Empty" property="Empty">  </variable><variable name="NoProperty">kept &amp; shown</variable></defaultVarList></step></sequence>`;

describe('the settings of a step class the catalog does not know', () => {
  const step = () => readTaskSequence(VENDOR).sequence.children[0]!;

  it('are its non-empty variables, by property in words, in written order, with no secret', () => {
    expect(keySettings(step() as never)).toEqual([
      { label: 'scope', value: 'Full' },
      { label: 'server name', value: 'inv01.contoso.com' },
      { label: 'no property', value: 'kept & shown' },
    ]);
  });

  it('show on the page, HTML and Markdown, and in cmts inspect; neither the password variable nor the action line does', async () => {
    for (const page of [renderSequence(readTaskSequence(VENDOR)), renderSequence(readTaskSequence(VENDOR), { format: 'md' })]) {
      expect(page).toContain('server name');
      expect(page).toContain('inv01.contoso.com');
      expect(page).not.toContain('Hush');
    }
    const m = memoryIo({ 'vendor.xml': VENDOR });
    expect(await main(['inspect', 'vendor.xml'], m.io), m.stderr).toBe(0);
    expect(m.stdout).toContain('server name: inv01.contoso.com');
    expect(m.stdout).not.toContain('Hush');
  });

  it('leave out a variable the catalog holds secret in any class, though its name does not say password (a BitLocker PIN, a hidden value)', async () => {
    // A later release's BitLocker step, or a vendor's, with the variables the catalog's BitLocker and Set Task Sequence
    // Variable steps type as secret.
    const later = `<sequence version="3.10"><step type="SMS_TaskSequence_LaterBitLockerAction" name="BitLocker" description=""><action>x</action><defaultVarList><variable name="OSDBitLockerMode" property="Mode">TPMAndPIN</variable><variable name="OSDBitLockerPIN" property="PIN">739215</variable><variable name="Other" property="PIN">739216</variable><variable name="HiddenVariableValue" property="HiddenVariableValue">Hush-3</variable></defaultVarList></step></sequence>`;
    const one = readTaskSequence(later).sequence.children[0]!;
    expect(keySettings(one as never)).toEqual([{ label: 'mode', value: 'TPMAndPIN' }]);
    const m = memoryIo({ 'later.xml': later });
    expect(await main(['inspect', 'later.xml'], m.io), m.stderr).toBe(0);
    expect(m.stdout).toContain('mode: TPMAndPIN');
    expect(m.stdout).not.toMatch(/73921|Hush/);
    expect(renderSequence(readTaskSequence(later))).not.toMatch(/73921|Hush/);
  });

  it('a property name is put in words in one pass: 300,000 capitals (a run the words rule once re-read from each capital)', () => {
    const vendor = (property: string) => readTaskSequence(`<sequence version="3.10"><step type="Contoso_X" name="s" description=""><action>x</action><defaultVarList><variable name="v" property="${property}">1</variable></defaultVarList></step></sequence>`).sequence.children[0]!;
    expect(keySettings(vendor('OSDJoinDomainID') as never)).toEqual([{ label: 'osd join domain ID', value: '1' }]);
    expect(keySettings(vendor('ABcDEfGHIJk2Lm') as never)).toEqual([{ label: 'a bc d ef ghi jk2 lm', value: '1' }]);
    const long = 'A'.repeat(300_000);
    expect(keySettings(vendor(long) as never)).toEqual([{ label: long.toLowerCase(), value: '1' }]);
    expect(keySettings(vendor(`${long}Bc`) as never)).toEqual([{ label: `${long.toLowerCase()} bc`, value: '1' }]);
  }, 10_000);

  it('a known class is unchanged: its catalog settings, not its raw variables', () => {
    const known = readTaskSequence(VENDOR.replace('Contoso_InventoryAction', 'SMS_TaskSequence_RebootAction')).sequence.children[0]!;
    expect(keySettings(known as never).map((s) => s.label)).not.toContain('server name');
  });
});
