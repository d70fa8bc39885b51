import { describe, expect, it } from 'vitest';
import { oneMode } from './helpers/one-mode.js';
import { buildStep, catalogEntry, type DynamicRule, sequenceRelease, stepCatalog, stepTypesSince, stepView, type StepTypeData, validateStepSettings, type VariableData } from '../lib/catalog/index.js';
import { findSteps, getAction, readTaskSequence, variables, type Step, type SubTaskSequence, type TaskSequenceDocument } from './helpers/api.js';
import { CORPUS_SKIPPED, wellFormedCorpusFiles } from './helpers/corpus.js';

const RULES: DynamicRule[] = [
  { conditions: [{ type: 'SMS_TaskSequence_MakeModelConditionExpression', parameters: { Make: 'Dell*', Model: 'Latitude*' } }], variables: [{ name: 'Drivers', value: 'DEL00001', secret: false }] },
  { variables: [{ name: 'OSDTimeZone', value: 'W. Europe Standard Time', secret: false }] },
];

function sample(v: VariableData, i: number): unknown {
  switch (v.valueType) {
    case 'boolean':
      return i % 2 === 0;
    case 'integer':
      return v.min !== undefined ? Math.min(v.min + 1, v.max ?? v.min + 1) : 7;
    case 'enum':
      return (v.allowed as readonly string[])[(v.allowed as readonly string[]).length - 1];
    case 'packageId':
      return `ABC${String(i).padStart(5, '0')}`;
    case 'list':
      return ['first', 'second'];
    case 'packageIdList':
      return ['ABC00001', 'ABC00002'];
    case 'codes':
      return [0, 3010, 1641];
    case 'driveLetter':
      return 'E:';
    case 'guid':
      return '{5E2AC47D-7D4F-4F35-9C4B-8C4C5E1F7C1B}';
    case 'base64Script':
      return 'Write-Host "ünïcode & <xml>"\r\nexit 0';
    case 'dynamicRules':
      return RULES;
    default:
      // A variable's name has its form (letters, digits, _ and -); any other text holds what XML and a line escape.
      if (v.form !== undefined) return `Sample_${v.setting}-${i}`;
      return `value ${v.setting} %OSDisk% "quoted" & <x>`.slice(0, v.maxLength ?? 1000);
  }
}

function sampleSettings(entry: StepTypeData): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  entry.variables.forEach((v, i) => {
    if (v.arrayOf) return;
    if (v.valueType === 'array') {
      const fields = entry.variables.filter((f) => f.arrayOf === v.property);
      if (fields.length === 0) return;
      settings[v.setting] = [0, 1].map((n) => Object.fromEntries(fields.map((f, j) => [f.setting, sample(f, n + j)])));
      return;
    }
    settings[v.setting] = sample(v, i);
  });
  return settings;
}

describe('the step catalog', () => {
  it('has every ConfigMgr built-in and MDT step type, each with a console name and provenance', () => {
    expect(stepCatalog.length).toBeGreaterThanOrEqual(53);
    expect(stepCatalog.filter((e) => e.product === 'ConfigMgr')).toHaveLength(36);
    for (const e of stepCatalog) {
      expect(e.consoleName).not.toBe('');
      expect(e.sources.length + (e.product === 'ConfigMgr' ? 0 : 1)).toBeGreaterThan(0);
      for (const v of e.variables) expect(['observed', 'observed (LTI only)', 'sdk', 'docs', 'third-party', 'inferred']).toContain(v.evidence);
    }
    expect(new Set(stepCatalog.map((e) => e.type)).size).toBe(stepCatalog.length);
  });

  it('knows which step types a 2007 sequence cannot have', () => {
    const since2012 = stepTypesSince('2012').map((e) => e.consoleName);
    expect(since2012).toContain('Install Application');
    expect(since2012).toContain('Run PowerShell Script');
    expect(since2012).toContain('Run Task Sequence');
    expect(since2012).not.toContain('Restart Computer');
    expect(since2012).not.toContain('Gather');
    expect(stepTypesSince('CB 1710').map((e) => e.consoleName)).toEqual(['Run Task Sequence']);
  });

  for (const entry of stepCatalog) {
    it(`${entry.consoleName}: the builder's step reads back through the typed view with the settings it was built with`, () => {
      const settings = oneMode(entry.consoleName, sampleSettings(entry));
      const step = buildStep(entry.type, { name: entry.consoleName.slice(0, 50), settings: settings as never });
      expect(step.attributes.type).toBe(entry.type);
      expect(step.kind).toBe(entry.element);
      const view = stepView(step);
      expect(view.settings).toEqual(settings);
      expect(view.verbatim).toEqual({});
      expect(view.extra).toEqual([]);
      const props = variables(step).map((v) => v.attributes.property ?? '');
      expect(props).toEqual([...props].sort());
      for (const v of variables(step)) {
        const data = entry.variables.find((d) => d.property === v.attributes.property || (d.arrayOf && new RegExp(`^${d.property.replace('{n}', '\\d+')}$`).test(v.attributes.property ?? '')));
        expect(v.attributes.hidden === 'true').toBe(data?.hidden);
      }
      expect(getAction(step)).not.toMatch(/\{\w+(:bool)?\}|\[@?\w+\|/);
    });
  }
});

const CONSOLE_EXPORT = (name: string) => !/^0[145]-/.test(name);

function readAll(): { name: string; doc: TaskSequenceDocument }[] {
  const out: { name: string; doc: TaskSequenceDocument }[] = [];
  for (const { name, bytes } of wellFormedCorpusFiles()) out.push({ name, doc: readTaskSequence(bytes) });
  return out;
}

function rebuild(step: Step | SubTaskSequence, doc: TaskSequenceDocument): Step | SubTaskSequence {
  const view = stepView(step);
  const a = step.attributes;
  return buildStep(view.entry?.type ?? '', {
    name: a.name ?? '',
    description: a.description ?? '',
    disabled: a.disable === 'true',
    continueOnError: a.continueOnError === 'true',
    ...(a.timeout !== undefined ? { timeout: Number(a.timeout) } : {}),
    ...(a.runIn !== undefined ? { runIn: a.runIn as 'WinPE' } : {}),
    ...(a.successCodeList !== undefined ? { successCodes: a.successCodeList.split(' ').map(Number) } : {}),
    release: view.actionRelease() ?? sequenceRelease(doc.sequence, doc.container),
    settings: view.settings,
    verbatim: view.verbatim,
    extra: view.extra,
    fillDefaults: false,
  });
}

describe('the catalog against real console exports', () => {
  const verified = new Set<string>();
  for (const { name, doc } of readAll().filter((f) => CONSOLE_EXPORT(f.name))) {
    it(`${name}: the builder, given each step's settings, writes the same element`, () => {
      for (const { node } of findSteps(doc.sequence)) {
        const entry = catalogEntry(node.attributes.type);
        if (!entry) continue;
        const built = rebuild(node, doc);
        const spell = (s: Step | SubTaskSequence) => ({
          tag: s.tag,
          attributes: Object.entries(s.attributes),
          action: getAction(s),
          variables: variables(s).map((v) => [Object.entries(v.attributes), v.value]),
        });
        expect(spell(built), `${node.attributes.name}`).toEqual(spell(node));
        verified.add(entry.type);
      }
    });
  }
  it('covers most step types with a real export', (ctx) => {
    if (CORPUS_SKIPPED !== undefined) ctx.skip(CORPUS_SKIPPED);
    // 36 ConfigMgr types and 13 MDT integration types appear in the corpus's console exports.
    expect(verified.size).toBeGreaterThanOrEqual(49);
  });
});

describe('every step of every corpus file reads through its typed view', () => {
  it('finds the shared corpus (skipped, not passed, without it)', (ctx) => {
    if (CORPUS_SKIPPED !== undefined) ctx.skip(CORPUS_SKIPPED);
    expect(readAll().length).toBeGreaterThanOrEqual(12);
  });
  for (const { name, doc } of readAll()) {
    it(`${name}: no variable is lost`, () => {
      for (const { node } of findSteps(doc.sequence)) {
        const view = stepView(node);
        const vars = variables(node);
        if (!view.entry) {
          expect(view.extra).toEqual(vars);
          continue;
        }
        // What the view holds, written back by the builder, is every variable's value under its property, but for a
        // value only the action line holds (MDT): the builder writes it into its variable, empty or missing before.
        const built = buildStep(view.entry.type, { name: 'x', settings: view.settings, verbatim: view.verbatim, extra: view.extra, fillDefaults: false });
        const carried = view.actionTexts();
        const own = view.propertyTexts();
        const fromLine = (p: string) => carried[p] !== undefined && carried[p] !== '' && (own[p] ?? '').trim() === '';
        const texts = (s: Step | SubTaskSequence) => variables(s).filter((v) => !fromLine(v.attributes.property ?? '')).map((v) => v.value).sort();
        expect(texts(built)).toEqual(texts(node));
        for (const v of variables(built)) if (fromLine(v.attributes.property ?? '')) expect(v.value).toBe(carried[v.attributes.property ?? '']);
        expect(variables(built).length - vars.length).toBe(variables(built).filter((v) => fromLine(v.attributes.property ?? '') && own[v.attributes.property ?? ''] === undefined).length);
      }
    });
  }
});

describe('JSON Schemas generated from the catalog', () => {
  for (const entry of stepCatalog) {
    it(`${entry.consoleName}: ajv accepts the builder's sample settings and rejects a wrong type and an unknown setting`, () => {
      const settings = sampleSettings(entry);
      expect(validateStepSettings(entry.type, settings)).toEqual([]);
      expect(validateStepSettings(entry.type, { ...settings, notASetting: 'x' }).join()).toMatch(/notASetting/);
      const first = entry.variables.find((v) => !v.arrayOf && v.valueType !== 'array');
      if (first) expect(validateStepSettings(entry.type, { [first.setting]: { wrong: true } })).not.toEqual([]);
    });
  }
  it('compares allowed values case-insensitively, as consoles differ in case', () => {
    expect(validateStepSettings('Format and Partition Disk', { partitions: [{ sizeUnits: 'PERCENT', type: 'Primary', quickFormat: true }] })).toEqual([]);
    expect(validateStepSettings('Format and Partition Disk', { partitions: [{ sizeUnits: 'TB' }] }).join()).toMatch(/partitions\.0\.sizeUnits/);
    expect(validateStepSettings('Restart Computer', { target: 'Floppy' })).not.toEqual([]);
  });
});
