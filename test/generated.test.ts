// lib/generated/ is what scripts/generate.mjs makes of schemas/ (the one source), docs/steps.md what it makes of the
// step catalog, and the hand-written option types agree with the types generated from the schemas.
import { execFileSync } from 'node:child_process';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as Generated from '../lib/generated/schema-types.js';
import type { Kb977203Options } from '../lib/presets/kb977203.js';
import type { AddClientPatchOptions, AddReferenceOptions, InsertStepsAfterOptions, SetDependentProgramOptions } from '../lib/transforms/index.js';
import type { DiffEntry } from '../lib/diff/diff-entry.js';

describe('generated modules', () => {
  it('lib/generated is up to date with schemas/ and package.json, and docs/steps.md with the step catalog', () => {
    expect(() => execFileSync(process.execPath, ['scripts/generate.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('the option types of the transforms and the preset are the types of their schemas', () => {
    // Mutual assignability: a field added to either side without the other fails to compile (npm run typecheck).
    expectTypeOf<Kb977203Options>().toExtend<Generated.Kb977203Options>();
    expectTypeOf<Generated.Kb977203Options>().toExtend<Kb977203Options>();
    expectTypeOf<AddClientPatchOptions>().toExtend<Generated.AddClientPatchOptions>();
    expectTypeOf<Generated.AddClientPatchOptions>().toExtend<AddClientPatchOptions>();
    expectTypeOf<AddReferenceOptions>().toExtend<Generated.AddReferenceOptions>();
    expectTypeOf<Generated.AddReferenceOptions>().toExtend<AddReferenceOptions>();
    expectTypeOf<SetDependentProgramOptions>().toExtend<Generated.SetDependentProgramOptions>();
    expectTypeOf<Generated.SetDependentProgramOptions>().toExtend<SetDependentProgramOptions>();
    expectTypeOf<InsertStepsAfterOptions>().toExtend<Generated.InsertStepsAfterOptions>();
    expectTypeOf<Generated.InsertStepsAfterOptions>().toExtend<InsertStepsAfterOptions>();
  });

  it("the API's diff entry is the entry of the diff --json schema", () => {
    // The same both ways: a kind or field the diff reports must be one the schema lets a script expect.
    expectTypeOf<DiffEntry>().toExtend<Generated.DiffReportEntry>();
    expectTypeOf<Generated.DiffReportEntry>().toExtend<DiffEntry>();
  });
});
