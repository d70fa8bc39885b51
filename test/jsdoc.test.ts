// Every name the root exports is documented where it is declared, and the main ones show their use in an @example.
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const WITH_EXAMPLE = ['readTaskSequence', 'writeTaskSequence', 'TaskSequenceDocument', 'TaskSequenceError', 'createTransform', 'applyKb977203'];

describe('JSDoc of the root exports', () => {
  const program = ts.createProgram([resolve('lib/index.ts')], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, noEmit: true });
  const checker = program.getTypeChecker();
  const root = program.getSourceFile(resolve('lib/index.ts'))!;
  const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(root)!).map((s) => {
    const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
    return { name: s.name, docs: ts.displayPartsToString(target.getDocumentationComment(checker)), tags: target.getJsDocTags(checker).map((t) => t.name) };
  });

  it('finds the exports it checks', () => {
    expect(exports.map((e) => e.name)).toEqual(expect.arrayContaining(WITH_EXAMPLE));
  });

  it('every export has a JSDoc sentence', () => {
    expect(exports.filter((e) => e.docs.trim() === '').map((e) => e.name)).toEqual([]);
  });

  it('the main exports have an @example', () => {
    expect(WITH_EXAMPLE.filter((n) => !exports.find((e) => e.name === n)?.tags.includes('example'))).toEqual([]);
  });
}, 60_000);
