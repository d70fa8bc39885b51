// The render API from plain JavaScript: what is no document, options that are null, and a format misspelt were a
// TypeError from deep inside (renderSequence(null) read null's `sequence`), or worse, a page of another kind than
// asked (format 'markdown' wrote HTML, lint 'no' ran the linter). Each is INVALID_ARGUMENT now, before any view is
// built, as the README says of lint, diff and options that are null.
import { describe, expect, it } from 'vitest';
import { buildComparisonView, buildSequenceView, renderComparison, renderIndex, renderSequence } from '../lib/api/render.js';
import { readTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const doc = () => readTaskSequence('<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="a"><action>cmd</action></step></sequence>');
const loose = <T extends (...a: never[]) => unknown>(f: T) => f as unknown as (...a: unknown[]) => unknown;

describe('the render API from plain JavaScript', () => {
  const notDocuments: unknown[] = [null, undefined, '<sequence/>', 5, [], { sequence: doc().sequence }];

  it('refuses what is no document, for a page, either side of a comparison and a view', () => {
    for (const value of notDocuments) {
      expect(thrown(() => loose(renderSequence)(value)).code).toBe('INVALID_ARGUMENT');
      expect(thrown(() => loose(buildSequenceView)(value)).code).toBe('INVALID_ARGUMENT');
      const first = thrown(() => loose(renderComparison)(value, doc()));
      const second = thrown(() => loose(buildComparisonView)(doc(), value));
      expect([first.code, second.code]).toEqual(['INVALID_ARGUMENT', 'INVALID_ARGUMENT']);
      expect(first.message).toMatch(/\bold\b/);
      expect(second.message).toMatch(/\bnew\b/);
    }
  });

  it('refuses options that are no object, a format other than html or md, and lint or source of another type', () => {
    for (const options of [null, 'md', 5, [], { format: 'markdown' }, { format: 'MD' }, { format: null }, { lint: 'no' }, { lint: 0 }, { source: 5 }, { source: null }]) {
      for (const call of [() => loose(renderSequence)(doc(), options), () => loose(renderComparison)(doc(), doc(), options)]) {
        const e = thrown(call);
        expect(e.code, JSON.stringify(options)).toBe('INVALID_ARGUMENT');
      }
    }
    for (const f of ['markdown', null, 5]) expect(thrown(() => loose(renderIndex)([], f)).code).toBe('INVALID_ARGUMENT');
    for (const entries of [null, 'a.html', {}]) expect(thrown(() => loose(renderIndex)(entries)).code).toBe('INVALID_ARGUMENT');
  });

  it('still takes what it documents: no options, each format, lint off and a source', () => {
    expect(renderSequence(doc())).toMatch(/^<!DOCTYPE html>/);
    expect(renderSequence(doc(), { format: 'md', lint: false, source: 'ts.xml' })).toMatch(/^# ts\.xml\n[^]*\| source \| ts\.xml \|/);
    expect(renderComparison(doc(), doc(), { format: 'html', maxItems: 10 })).toMatch(/^<!DOCTYPE html>/);
    expect(renderIndex([], 'md')).toMatch(/^# Task sequences/);
    expect(renderSequence(doc(), { lint: undefined, source: undefined } as never)).toMatch(/^<!DOCTYPE html>/);
  });
});
