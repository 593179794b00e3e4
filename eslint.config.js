// Lint rules that hold the process boundaries (DESIGN.md §2): only main/electron and
// preload may import 'electron'; renderer, preload and common never reach Node or the
// database; common imports nothing from the processes that use it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads'];
const electronMsg = "只有 main/electron/ 和 preload/ 可以引用 'electron'。";
const electronOnly = { regex: '^electron(/.*)?$', message: electronMsg };
const noNode = { group: nodeBuiltins, message: 'renderer/、preload/、common/ 不能引用 Node 模块：所有 I/O 在主进程。' };
const noSqlite = { group: ['better-sqlite3'], message: '数据库只在主进程（main/）中访问。' };
const noStationCode = { group: ['**/main/**', '**/preload/**', '**/renderer/**', '../main', '../preload', '../renderer', '../../main', '../../preload', '../../renderer'], message: 'county/ 只能引用 common/，不能依赖站点程序（main/、preload/、renderer/）。' };
const noProcessCode = { group: ['**/main/**', '**/preload/**', '**/renderer/**', '../main', '../preload', '../renderer'], message: 'common/ 是纯 TypeScript，不能依赖 main/、preload/ 或 renderer/。' };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.tsbuild/**', 'bench/out/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['scripts/**/*.mjs', 'bench/**', 'eslint.config.js', '*.config.ts', 'county/**'], languageOptions: { globals: globals.node } },
  { files: ['main/**/*.ts', 'tests/**', 'bench/**'], languageOptions: { globals: globals.node } },
  { files: ['renderer/**'], languageOptions: { globals: globals.browser } },
  // main/ outside main/electron: Node yes, electron no.
  { files: ['main/**/*.ts'], ignores: ['main/electron/**'], rules: { 'no-restricted-imports': ['error', { patterns: [electronOnly] }] } },
  { files: ['renderer/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', { patterns: [electronOnly, noNode, noSqlite] }] } },
  { files: ['preload/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [noNode, noSqlite] }] } },
  { files: ['county/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [electronOnly, noSqlite, noStationCode] }] } },
  { files: ['common/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [electronOnly, noNode, noSqlite, noProcessCode] }] } },
);
