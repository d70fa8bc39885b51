// How the Setup-branch check compares the values two conditions test when they are integers. ConfigMgr 2007's page on
// the task sequence variable condition says the value test is a case-sensitive string comparison, numeric when both
// the variable's value and the value compared with are integers. So `Model equals 1` and `Model notEquals 01` exclude
// each other: on any value that equals 1 (numerically, as an integer, or as the string "1", itself an integer) the
// second is false. They used to be taken for different values, which inserted a CCMCertFix pair the engine does not
// need. What counts as an integer is only what surely is one, however the engine reads it (see kb977203-branches.ts):
// decimal digits alone, of a value below 2^31. A sign, white space, a decimal point, an exponent, hexadecimal, digits
// of other scripts, or a longer number, is compared as written: at worst the pair the engine would not need.
import { describe, expect, it } from 'vitest';
import { appliedWith, condition, LAPTOP, sequence, variable } from './helpers/kb-branches.js';
import type { Kb977203Options } from './helpers/api.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const ADOPTED_FOR_BOTH = ['R4', 'R4'];
const PAIR_AFTER_FIRST = ['R4', 'R4', 'R13', 'R14'];
/** What an apply changes where the laptop branch tests `Model equals first` and the desktop branch `Model notEquals second`. */
const requirements = (first: string, second: string) =>
  appliedWith(O, sequence(condition(variable('Model', 'equals', first)), condition(variable('Model', 'notEquals', second)))).report.changes.map((c) => c.requirement);

describe('integers written differently are one value', () => {
  it.each([
    ['1', '01'],
    ['01', '1'],
    ['007', '7'],
    ['0', '00'],
    ['0', '0000000000'],
  ])('equals %s, notEquals %s: the branches exclude each other, and the shared pair is adopted for both', (first, second) => {
    expect(requirements(first, second)).toEqual(ADOPTED_FOR_BOTH);
  });

  it('a test and not of it, with the value written otherwise', () => {
    const report = appliedWith(O, sequence(condition(variable('Model', 'equals', '7')), condition(`<operator type="not">${variable('Model', 'equals', '07')}</operator>`))).report;
    expect(report.changes.map((c) => c.requirement)).toEqual(ADOPTED_FOR_BOTH);
  });

  it('integers of other values are still different values', () => {
    expect(requirements('1', '10')).toEqual(PAIR_AFTER_FIRST);
    expect(requirements('10', '01')).toEqual(PAIR_AFTER_FIRST);
  });
});

describe('values that are not surely integers are compared as written', () => {
  it.each([
    ['a sign', '-1', '-01'],
    ['a plus sign', '+1', '1'],
    ['a space before', ' 1', '1'],
    ['a space after', '1 ', '1'],
    ['a decimal point', '1.0', '1'],
    ['an exponent', '1e0', '1'],
    ['hexadecimal', '0x1', '1'],
    ['digits of another script', '١', '1'],
    ['full-width digits', '１', '1'],
    ['a thousands separator', '1,000', '1000'],
    ['a value past 2^31 - 1', '2147483648', '02147483648'],
    // 010 is 8 to a C parse that takes the base from the text, 08 no octal number: only 01–07 read alike both ways.
    ['a leading zero from 8 on', '10', '010'],
    ['a leading zero and an 8', '8', '08'],
    ['the largest integer with a leading zero', '2147483647', '02147483647'],
    ['an empty value', '', '0'],
  ])('%s (equals "%s", notEquals "%s"): not exclusive, so the KB pair goes in after the first Setup step', (_, first, second) => {
    expect(requirements(first, second)).toEqual(PAIR_AFTER_FIRST);
  });

  it('the same value as written is still opposite, integer or not', () => {
    for (const value of ['-1', '1.0', '2147483648']) expect(requirements(value, value)).toEqual(ADOPTED_FOR_BOTH);
  });
});

describe('the laptop branches of the other tests are unchanged', () => {
  it('True and true are different values', () => {
    expect(appliedWith(O, sequence(LAPTOP, condition(variable('IsLaptop', 'notEquals', 'true')))).report.changes.map((c) => c.requirement)).toEqual(PAIR_AFTER_FIRST);
  });
});
