import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parts, readsBack, type TemplatePart as Part } from '../lib/catalog/action-line.js';
import { matchAction, renderAction, stepCatalog, templateProperties } from '../lib/catalog/index.js';
import { lint } from '../lib/lint/index.js';
import { readTaskSequence } from './helpers/api.js';

// The action-line templates were once read as regular expressions, each value a lazy `.*?`: the matcher that
// replaced them must give what those expressions give. This is that reading, kept here as the reference (over the
// catalog's own reading of a template into parts, which the matcher's change left as it was).
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function regexMatch(template: string, action: string): Record<string, string> | undefined {
  const seen = new Set<string>();
  const bools = new Set<string>();
  const source = (ps: Part[]): string =>
    ps
      .map((p) => {
        if (p.kind === 'text') return escape(p.text);
        if (p.kind === 'when') return p.property.startsWith('@') ? `(?<at_${p.property.slice(1)}>${source(p.parts)})?` : `(?:${source(p.parts)})?`;
        if (p.bool) bools.add(p.property);
        if (seen.has(p.property)) return '.*?';
        seen.add(p.property);
        return `(?<${p.property}>${p.bool ? 'True|False|' : '.*?'})`;
      })
      .join('');
  const m = new RegExp(`^${source(parts(template))}$`, 's').exec(action);
  if (!m) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.groups ?? {})) {
    if (v === undefined) continue;
    if (k.startsWith('at_')) out[`@${k.slice(3)}`] = '';
    else out[k] = bools.has(k) ? v.toLowerCase() : v;
  }
  return out;
}

function regexReadsBack(template: string, props: Record<string, string | undefined>, property: string): boolean {
  const seen = new Set<string>();
  let bool = false;
  const source = (ps: Part[]): string =>
    ps
      .map((p) => {
        if (p.kind === 'text') return escape(p.text);
        if (p.kind === 'when') return props[p.property] === undefined ? '' : source(p.parts);
        if (seen.has(p.property)) return '.*?';
        seen.add(p.property);
        if (p.property !== property) return p.bool ? '(?:True|False|)' : '.*?';
        bool = p.bool;
        return `(?<value>${p.bool ? 'True|False|' : '.*?'})`;
      })
      .join('');
  const read = new RegExp(`^${source(parts(template))}$`, 's').exec(renderAction(template, props))?.groups?.value;
  if (read === undefined) return true;
  const text = props[property] ?? '';
  return read === (bool ? (text === 'true' ? 'True' : text === 'false' ? 'False' : text) : text);
}

/**
 * Whether the value holds a switch (`/name` after white space, a quote or the start) that the template's literal text
 * writes after the property's first place, in any segment: read from the template's text, placeholders and segment
 * markers taken out.
 */
function holdsLaterSwitch(template: string, property: string, value: string): boolean {
  const at = template.search(new RegExp(`\\{${property}(:bool)?\\}`));
  if (at === -1) return false;
  const after = template.slice(at).replace(/\{\w+(:bool)?\}|\[@?\w+\||\]/g, '\u0000');
  const names = new Set([...after.matchAll(/(?:^|[\s"])\/([A-Za-z]+)/g)].map((m) => (m[1] as string).toLowerCase()));
  return [...value.matchAll(/(?:^|[\s"])\/([A-Za-z]+)/g)].some((m) => names.has((m[1] as string).toLowerCase()));
}

const TEMPLATES = [...new Set(stepCatalog.flatMap((e) => [e.action, ...(e.dialects ?? []).map((d) => d.action)]))];

/** Pieces a line is made of: each template's literal text cut into words, the boolean spellings, odd characters. */
function piecesOf(template: string): string[] {
  const literal = template.replace(/\{\w+(:bool)?\}|\[@?\w+\||\]/g, '\u0000');
  return [...new Set([...literal.split(/\u0000|(?<= )/).filter(Boolean), 'True', 'False', 'true', 'x', ' ', '=', '"', ',', '%', '\n', ''])];
}

describe('action lines are read as the templates as regular expressions read them', () => {
  it('matchAction: lines made of the templates own pieces, and lines each template renders', () => {
    for (const template of TEMPLATES) {
      const pieces = piecesOf(template);
      const props = templateProperties(template);
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), (words) => {
          const line = words.join('');
          expect(matchAction(template, line)).toEqual(regexMatch(template, line));
        }),
        { numRuns: 60 },
      );
      fc.assert(
        fc.property(fc.array(fc.option(fc.array(fc.constantFrom(...pieces), { maxLength: 4 }).map((w) => w.join('')), { nil: undefined }), { minLength: props.length, maxLength: props.length }), (values) => {
          const given = Object.fromEntries(props.map((p, i) => [p, values[i]]));
          const line = renderAction(template, given);
          expect(matchAction(template, line)).toEqual(regexMatch(template, line));
          // As the whole line's regular expression reads it, and no switch the line writes after the value brought in.
          for (const p of props) if (!p.startsWith('@')) expect(readsBack(template, given, p)).toBe(regexReadsBack(template, given, p) && !holdsLaterSwitch(template, p, given[p] ?? ''));
        }),
        { numRuns: 40 },
      );
    }
  });

  it('a line that cuts many ways and has not the form is refused, and one that has it is read, however long', () => {
    const setVariable = stepCatalog.find((e) => e.type === 'SMS_TaskSequence_SetVariableAction')?.action as string;
    const many = '='.repeat(200_000);
    expect(matchAction(setVariable, `tsenv.exe "${many}x`)).toBeUndefined();
    expect(matchAction(setVariable, `tsenv.exe "${many}x"`)).toEqual({ VariableName: '', VariableValue: `${many.slice(1)}x` });
    expect(matchAction(setVariable, `tsenv.exe "A=${many}" /hiddenflag:True`)).toEqual({ VariableName: 'A', VariableValue: many, DoNotShowVariableValue: 'true' });
    // A boolean that is not one: the line has not the form, whatever the values before it.
    const install = stepCatalog.find((e) => e.type === 'SMS_TaskSequence_InstallSoftwareAction')?.action as string;
    const switches = ' /install /basevar: /continueOnError:'.repeat(20_000);
    expect(matchAction(install, `smsswd.exe /pkg:${switches}maybe`)).toBeUndefined();
    expect(readsBack(install, { PackageID: 'ABC00001', BaseVariableName: switches, ContinueOnInstallError: 'maybe' }, 'PackageID')).toBe(true);
  });

  it('lint reads such a line: a Set Task Sequence Variable step whose line does not close its quote', () => {
    const doc = readTaskSequence(
      `<sequence version="3.10"><step type="SMS_TaskSequence_SetVariableAction" name="Set" description="" runIn="WinPEandFullOS" successCodeList="0 3010"><action>tsenv.exe "${'='.repeat(100_000)}x</action><defaultVarList><variable name="VariableName" property="VariableName">A</variable><variable name="VariableValue" property="VariableValue">B</variable></defaultVarList></step></sequence>`,
    );
    // Not in the console's form, so the catalog rules pass it by; the value rules still see its variables.
    expect(lint(doc).filter((f) => f.code.startsWith('catalog/'))).toEqual([]);
  });
});
