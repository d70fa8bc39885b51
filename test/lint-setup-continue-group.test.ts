import { describe, expect, it } from 'vitest';
import { lint, readTaskSequence } from './helpers/api.js';

const SETUP = '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0"><action>smsboot.exe /install</action></step>';
const seq = (body: string): string => `<sequence version="3.10">\n${body}\n</sequence>\n`;
const found = (text: string) => lint(readTaskSequence(text), ['setup-continue-on-error']);

describe('setup-continue-on-error: a group that continues on error around Setup', () => {
  it('is found when the group directly around Setup continues on error, and names that group', () => {
    const [d, ...rest] = found(seq(`<group name="Install OS" continueOnError="true">${SETUP}</group>`));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'setup-continue-on-error', path: 'Install OS/Setup Windows and ConfigMgr' });
    expect(d?.message).toContain('"Install OS"');
  });

  it('is found when a group further out continues on error, and names the nearest such group', () => {
    const text = seq(`<group name="Outer" continueOnError="true"><group name="Middle" continueOnError="true"><group name="Inner">${SETUP}</group></group></group>`);
    const [d, ...rest] = found(text);
    expect(rest).toEqual([]);
    expect(d?.message).toContain('"Middle"');
    expect(d?.message).not.toContain('"Outer"');
  });

  it('is not found when no group around Setup continues on error (a sibling group that does is not around it)', () => {
    expect(found(seq(`<group name="A" continueOnError="false">${SETUP}</group><group name="B" continueOnError="true"><step type="SMS_TaskSequence_RunCommandLineAction" name="x"/></group>`))).toEqual([]);
  });

  it('a step that continues on error itself is one finding, about the step, even inside such a group', () => {
    const own = SETUP.replace('runIn=', 'continueOnError="true" runIn=');
    const [d, ...rest] = found(seq(`<group name="G" continueOnError="true">${own}</group>`));
    expect(rest).toEqual([]);
    expect(d?.message).toContain('has "Continue on error" set');
  });
});
