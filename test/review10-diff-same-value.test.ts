import { describe, expect, it } from 'vitest';
import { diffTaskSequences, formatDiffEntry, readTaskSequence } from './helpers/api.js';

const step = (inner: string) => `<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="s"><action>cmd</action>${inner}</step></sequence>`;
const group = (inner: string) => `<sequence version="3.10"><group name="G">${inner}<step type="SMS_TaskSequence_RunCommandLineAction" name="s"><action>cmd</action></step></group></sequence>`;
const lines = (a: string, b: string) => diffTaskSequences(readTaskSequence(a), readTaskSequence(b)).map(formatDiffEntry);

describe("an unknown element's character data is one run, however it is split", () => {
  it('a comment inside text beside an element is no change', () => {
    expect(lines(step('<x>a <y/></x>'), step('<x>a<!-- c --> <y/></x>'))).toEqual([]);
    expect(lines(step('<x><y/> b</x>'), step('<x><y/> <?pi x?>b</x>'))).toEqual([]);
  });

  it('a space written as CDATA between text and an element is no change', () => {
    expect(lines(step('<x>a <y/></x>'), step('<x>a<![CDATA[ ]]><y/></x>'))).toEqual([]);
  });

  it('a space removed from that text is still a change', () => {
    expect(lines(step('<x>a <y/></x>'), step('<x>a<!-- c --><y/></x>'))).toEqual(['~ step s element x: "<x>a <y/></x>" → "<x>a<y/></x>"']);
  });

  it('white space alone between elements stays layout, however it is split', () => {
    expect(lines(step('<x><y/><z/></x>'), step('<x><y/> <!-- c --> <![CDATA[ ]]><z/></x>'))).toEqual([]);
  });
});

describe("an MDT group's empty <action> is empty by its character data", () => {
  it('one holding only a comment is the same as none', () => {
    expect(lines(group(''), group('<action><!-- nothing --></action>'))).toEqual([]);
    expect(lines(group('<action/>'), group('<action> <?pi x?> </action>'))).toEqual([]);
  });

  it('one that says something beside a comment is still compared', () => {
    expect(lines(group(''), group('<action>x<!-- c --></action>'))).toEqual(['~ group G element action: (none) → "<action>x</action>"']);
  });
});

describe('white space is what XML calls white space', () => {
  it('a no-break space between elements is a character, not layout', () => {
    expect(lines(step('<x><y/><z/></x>'), step('<x><y/>\u00a0<z/></x>'))).toEqual(['~ step s element x: "<x><y/><z/></x>" → "<x><y/>\u00a0<z/></x>"']);
  });

  it("a group's <action> holding a no-break space is compared", () => {
    expect(lines(group(''), group('<action>\u00a0</action>'))).toEqual(['~ group G element action: (none) → "<action>\u00a0</action>"']);
  });
});
