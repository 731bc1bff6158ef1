// Lint for the whole repo. src/core must stay pure: no vscode, no LSP packages.
import tseslint from 'typescript-eslint';

const hostImports = {
  paths: [{ name: 'vscode', message: 'src/core is pure: the VS Code API belongs in src/extension.' }],
  patterns: [{ group: ['vscode-languageserver*', 'vscode-languageclient*', 'vscode-jsonrpc*'], message: 'src/core is pure: LSP glue belongs in src/server.' }],
};

// Node's modules (files, processes, the clock's host) are reached from src/core only through src/core/host,
// whose implementations the server, the CLI and the extension pass in.
const coreImports = {
  ...hostImports,
  patterns: [...hostImports.patterns, { group: ['node:*'], message: 'src/core reaches Node only through src/core/host (files, processes): put the Node code there, behind an interface.' }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test/vscode/**', 'walkthroughs/**', 'test-results/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      curly: ['error', 'multi-line'],
    },
  },
  {
    // Type-aware rules: a promise nobody awaits loses its error, and a new union member must reach every switch.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        // node:test runs what describe/it/test return; awaiting them is not how suites are written.
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }] },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', coreImports],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.object.name='process'][object.property.name='env'][property.name=/^EDGO_/]",
          message: 'src/core reads no EDGO_* test variable: the caller passes what differs in tests.',
        },
      ],
    },
  },
  {
    files: ['src/core/host/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', hostImports] },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The server runs outside VS Code.' }] }] },
  },
);
