// Lint for the whole repo. src/core must stay pure: no vscode, no LSP packages.
import tseslint from 'typescript-eslint';

const hostImports = {
  paths: [{ name: 'vscode', message: 'src/core is pure: the VS Code API belongs in src/extension.' }],
  patterns: [
    { group: ['vscode-languageserver*', 'vscode-languageclient*', 'vscode-jsonrpc*'], message: 'src/core is pure: LSP glue belongs in src/server.' },
  ],
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
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', hostImports] },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The server runs outside VS Code.' }] }] },
  },
);
