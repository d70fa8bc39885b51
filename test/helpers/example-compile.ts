// How the README's TypeScript examples are type-checked: strict, as a script would compile them against the sources.
import { resolve } from 'node:path';
import ts from 'typescript';

/** What TypeScript says of `files` (each an example written out with its imports pointed at lib/), and only of them. */
export function exampleProblems(files: readonly string[]): string[] {
  const program = ts.createProgram([...files], {
    ...ts.getDefaultCompilerOptions(),
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts', 'lib.es2024.string.d.ts'],
    types: ['node'],
    allowImportingTsExtensions: true,
    typeRoots: [resolve('node_modules/@types')],
  });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && files.includes(d.file.fileName))
    .map((d) => `${d.file?.fileName.split(/[\\/]/).pop()}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

/** An example's code with its `cmts` and `cmts/<subpath>` imports pointed at the sources (lib/). */
export function pointAtSources(code: string): string {
  return code
    .replace(/from 'cmts'/g, `from ${JSON.stringify(resolve('lib/index.ts'))}`)
    .replace(/from 'cmts\/([a-z0-9-]+)'/g, (_, sub: string) => `from ${JSON.stringify(resolve(`lib/api/${sub}.ts`))}`);
}
