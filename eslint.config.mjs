// ESLint: typescript-eslint's strict rules, type-aware where it is cheap (one project service over tsconfig.json),
// on lib/ (the library), test/ and examples/. Generated code and build output are not linted.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'lib/generated/**', 'node_modules/**', 'test/bench/**', 'scripts/**', '**/*.mjs', '**/*.cjs'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['vitest.config.ts'] }, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Template literals with numbers and booleans read naturally in messages; objects and undefined are still refused.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `x!` after a check the compiler cannot follow (noUncheckedIndexedAccess) is clearer than a cast.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Validators are type guards called with `unknown` on purpose; void-returning arrow shorthands are idiomatic.
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // Classes of static helpers hold private state in the XML layer (WeakMap-backed origins).
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Typed views read `string | undefined` (a variable may be absent) and write `string`: a deliberate asymmetry.
      '@typescript-eslint/related-getter-setter-pairs': 'off',
      // Attribute maps are records keyed by attribute name; deleting one is the edit.
      '@typescript-eslint/no-dynamic-delete': 'off',
      // A visitor's `void | undefined | symbol` return is the visitor idiom (yaml, unist).
      '@typescript-eslint/no-invalid-void-type': 'off',
      // Flags helper generics that document intent (`<K extends keyof T>(key: K)`); more noise than signal.
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
      // Flags checks on variables a closure assigns (the parser's state) as always true or false: noise, and strict
      // null checks already cover what it would really catch.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // The diff's inner loops use comma sequences (`out.add(…), i++`) on purpose; TypeScript reports expressions that do
      // nothing at all.
      '@typescript-eslint/no-unused-expressions': 'off',
      // `interface X extends Y<Z> {}` names an instantiation (the XML layer's generic node types), which reads better
      // in declarations than a type alias.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // Deprecated aliases are kept so code written against them keeps working: shown, never fatal.
      '@typescript-eslint/no-deprecated': 'warn',
    },
  },
  {
    // Tests: assertions on `any`-typed JSON and mocks are the point; keep the rules that find real bugs.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-empty-function': 'off',
    },
  },
);
