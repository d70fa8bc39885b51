// Line ends where the console keeps one line: a step named 'a\r\nb' was built and written name="a&#xD;&#xA;b", and a
// Run Command Line's command line with CR LF was written into the <action> line (`smsswd.exe /run: cmd /c echo a` and
// then `del …` on a line of its own), both linting clean. The builders and `set` now refuse a line end (CR, LF, U+2028,
// U+2029) in a name and in every setting the catalog shows to be one line (one the <action> line writes or reads, or
// a program's name); a file's is read as written and reported by lint's catalog/line-break.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oneLineReason } from '../lib/catalog/one-line.js';
import { templateProperties } from '../lib/catalog/action-line.js';
import {
  addStep,
  buildStep,
  createGroup,
  createSequence,
  findSteps,
  getAction,
  lint,
  readTaskSequence,
  renameItem,
  stepCatalog,
  stepView,
  validateStepSettings,
  writeTaskSequence,
  type Step,
} from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { thrown, verdict } from './helpers/thrown.js';

const LINE_ENDS = ['\r\n', '\r', '\n', '\u2028', '\u2029'];

describe('line ends where the console keeps one line', () => {
  it('a step or group name with a line end is refused by every builder and renameItem', () => {
    for (const end of LINE_ENDS) {
      const name = `a${end}b`;
      const doc = createSequence('sequence');
      const e = thrown(() => addStep(doc, 'Run Command Line', { name, settings: { commandLine: 'x' } }, { last: doc.sequence }));
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(e.message).toContain('line end');
      expect(findSteps(doc.sequence)).toEqual([]);
      expect(verdict(() => buildStep('Run Command Line', { name, settings: { commandLine: 'x' } }))).toBe('INVALID_ARGUMENT');
      expect(verdict(() => createGroup({ name }))).toBe('INVALID_ARGUMENT');
      const step = buildStep('Run Command Line', { name: 'a', settings: { commandLine: 'x' } }) as Step;
      expect(verdict(() => renameItem(step, name))).toBe('INVALID_ARGUMENT');
      expect(step.attributes.name).toBe('a');
    }
    // A tab is no line end.
    expect(verdict(() => buildStep('Run Command Line', { name: 'a\tb', settings: { commandLine: 'x' } }))).toBe('ok');
  });

  it('a command line with a line end is refused by buildStep, addStep and set, naming the setting', () => {
    for (const end of LINE_ENDS) {
      const commandLine = `cmd /c echo a${end}del x`;
      const e = thrown(() => buildStep('Run Command Line', { name: 'a', settings: { commandLine } }));
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(e.message).toContain('commandLine');
      expect(e.message).toContain('line end');
      const doc = createSequence('sequence');
      expect(verdict(() => addStep(doc, 'Run Command Line', { name: 'a', settings: { commandLine } }, { last: doc.sequence }))).toBe('INVALID_ARGUMENT');
      const step = buildStep('Run Command Line', { name: 'a', settings: { commandLine: 'x' } }) as Step;
      expect(verdict(() => stepView<'Run Command Line'>(step).set('commandLine', commandLine))).toBe('INVALID_ARGUMENT');
      expect(getAction(step)).toBe('smsswd.exe /run: x');
    }
  });

  it('so are the other one-line settings: one the action line reads, a program name, a variable value', () => {
    expect(verdict(() => buildStep('Connect To Network Folder', { name: 'a', settings: { path: '\\\\server\\share\nx' } }))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => buildStep('Install Package', { name: 'a', settings: { packageId: 'ABC00001', programName: 'Setup\nquiet' } }))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => buildStep('Set Task Sequence Variable', { name: 'a', settings: { variableName: 'A', variableValue: 'one\r\ntwo' } }))).toBe('INVALID_ARGUMENT');
  });

  it('every setting an <action> template writes is one line, to the builders and the settings schema alike', () => {
    let checked = 0;
    for (const entry of stepCatalog) {
      const written = new Set([entry.action, ...(entry.dialects ?? []).map((d) => d.action)].flatMap((a) => templateProperties(a)));
      for (const data of entry.variables) {
        if (data.arrayOf !== undefined || !written.has(data.property)) continue;
        expect(oneLineReason(data), `${entry.consoleName} ${data.setting}`).toBeDefined();
        if (data.valueType !== 'string') continue;
        expect(validateStepSettings(entry.type, { [data.setting]: 'a\nb' }), `${entry.consoleName} ${data.setting}`).not.toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
    expect(validateStepSettings('Run Command Line', { commandLine: 'cmd /c echo a' })).toEqual([]);
  });

  it('a description and a restart message, which the catalog does not say are one line, keep their line ends', () => {
    expect(verdict(() => buildStep('Run Command Line', { name: 'a', description: 'one\r\ntwo', settings: { commandLine: 'x' } }))).toBe('ok');
    expect(verdict(() => buildStep('Restart Computer', { name: 'a', settings: { target: 'HD', message: 'one\r\ntwo' } }))).toBe('ok');
    expect(validateStepSettings('Restart Computer', { message: 'one\ntwo' })).toEqual([]);
  });

  it('a file\'s line ends are read and written as they are, and reported by lint', () => {
    const bytes = readFileSync(join(FIXTURES_DIR, 'lint', 'line-break.xml'));
    const doc = readTaskSequence(bytes);
    expect(Buffer.from(writeTaskSequence(doc)).equals(bytes)).toBe(true);
    expect(lint(doc, ['catalog/line-break']).map((i) => `${i.line}:${i.col} ${i.severity} ${i.message.slice(0, 30)}`)).toEqual([
      '2:3 warning The name holds a line end (CR,',
      '3:5 error commandLine (CommandLine) hold',
      '13:5 error The <action> command line hold',
      '16:5 warning programName (_SMSSWDProgramNam',
    ]);
    // A step built from the same settings without the line end lints clean.
    const clean = createSequence('sequence');
    addStep(clean, 'Run Command Line', { name: 'Echo', settings: { commandLine: 'cmd /c echo a' } }, { last: clean.sequence });
    expect(lint(clean, ['catalog/line-break'])).toEqual([]);
  });
});
