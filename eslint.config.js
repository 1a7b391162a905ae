// Lint: correctness plus the layering rules of docs/architecture (folders are runtimes; imports point one way).
// Every layering rule is an error, so `npm test` fails when a room reaches where it must not.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Packages each room may import, beyond itself and the rooms below it. */
const allowed = {
  shared: ['zod', 'decimal.js'],
  renderer: ['zod', 'decimal.js', 'react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', '@tanstack/react-virtual'],
};

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A regex that matches every bare package specifier except the allowed ones (relative imports never match). */
const onlyPackages = (names) => `^(?!\\.)(?!(${names.map(escape).join('|')})(/|$))`;

/**
 * The operation ids, read from the catalog's files (each operation file declares `id: '…'`), so adding
 * a method never edits this file. Outside shared/operations no code compares one: it asks the operation.
 */
const operationIds = readdirSync(new URL('./shared/operations/', import.meta.url))
  .filter((name) => name.endsWith('.ts'))
  .flatMap((name) => [...readFileSync(new URL(`./shared/operations/${name}`, import.meta.url), 'utf8').matchAll(/^\s*id: '([a-z][a-z0-9-]*)',$/gm)].map((m) => m[1]));
const noOperationIds = {
  selector: `Literal[value=/^(${operationIds.map(escape).join('|')})$/]`,
  message: "Ask the operation (shared/operations: its options, grouping, signature…), never compare its id outside shared/operations.",
};

/** What any main/ file outside main/electron and main/preload may not import. */
const mainPatterns = [
  { group: ['electron', 'electron/*'], message: 'Only main/electron and main/preload import electron: keep services runnable in plain Node.' },
  { group: ['**/renderer/**', '**/renderer', 'react', 'react-dom', 'react-dom/*'], message: 'main/ never imports the renderer or React.' },
  { group: ['**/test/**'], message: 'Product code never imports tests.' },
];

/** Services, which worker code (main/**\/*.worker.ts) never imports: those live on the main thread. */
const workerPattern = {
  group: ['**/services', '**/services.ts', '**/app-api*', '**/app-api*/**', '**/jobs', '**/jobs/**', '**/profiles', '**/profiles/**', '**/wdt', '**/wdt/**', '**/cli', '**/cli/**', 'electron', 'electron/*'],
  message: 'Worker code (*.worker.ts) imports no services (main/services, main/app-api*, main/jobs, main/profiles, main/wdt, main/cli, electron).',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.map((name) => ({ name, message: 'shared/ is pure: no Node built-ins.' })),
        patterns: [
          { group: ['**/main/**', '**/main', '**/renderer/**', '**/test/**'], message: 'shared/ imports only shared/.' },
          { regex: onlyPackages(allowed.shared), message: `shared/ may import only: ${allowed.shared.join(', ')}.` },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node: ask main through window.wdt.' })),
        patterns: [
          { group: ['**/main/**', '**/main'], message: 'renderer/ never imports main/: use window.wdt (shared/contract).' },
          { group: ['electron', 'electron/*'], message: 'Only main/electron and main/preload import electron.' },
          { regex: onlyPackages(allowed.renderer), message: `renderer/ may import only: ${allowed.renderer.join(', ')}.` },
        ],
      }],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**', 'main/preload/**'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': ['error', { patterns: mainPatterns }] },
  },
  {
    // Worker-thread code (a *.worker.ts entry) runs with memory and time limits and no services: it gets
    // its work as data and answers as data. (A later block replaces the rule, so main's patterns are repeated.)
    files: ['main/**/*.worker.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...mainPatterns, workerPattern] }] },
  },
  {
    files: ['main/electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/renderer/**', '**/renderer', 'react', 'react-dom'], message: 'main/ never imports the renderer or React.' },
          { group: ['**/test/**'], message: 'Product code never imports tests.' },
        ],
      }],
    },
  },
  {
    // The preload's own no-restricted-syntax list (below) carries this rule too: a later list replaces an earlier one.
    files: ['main/**/*.ts', 'renderer/**/*.{ts,tsx}', 'shared/**/*.ts'],
    ignores: ['shared/operations/**', 'main/preload/**'],
    rules: { 'no-restricted-syntax': ['error', noOperationIds] },
  },
  {
    files: ['main/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.map((name) => ({ name, message: 'The preload runs sandboxed: no Node built-ins.' })),
        patterns: [
          { group: ['**/main/**', '../*', '!../..', '../../*', '!../../shared', '**/renderer/**'], message: 'The preload imports only shared/ and electron.' },
          { regex: onlyPackages(['electron', 'zod']), message: 'The preload imports only electron (contextBridge, ipcRenderer) and shared/.' },
        ],
      }],
      'no-restricted-syntax': ['error', noOperationIds, {
        selector: "CallExpression[callee.object.name='contextBridge'][callee.property.name='exposeInMainWorld'] > Identifier[name='ipcRenderer']",
        message: 'Never expose ipcRenderer itself.',
      }],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.{js,mjs,ts}', 'bin/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
