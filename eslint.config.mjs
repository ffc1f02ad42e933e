// @ts-check
/**
 * Lint = correctness rules + the layering rules ("rooms"): each folder may import only what can run
 * where that folder runs. The same leaks also fail to compile (one tsconfig per environment).
 *
 *   electron/shared    environment-free: no Node, DOM, Electron, React
 *   electron/services  Node services + electron/cli: no Electron, no React
 *   electron/main      Electron main: composition root, may use services
 *   electron/preload   sandboxed preload: only `electron` and electron/shared
 *   renderer           React UI: no Node, no Electron, no services
 */
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const NODE_BUILTINS =
  'fs|path|os|child_process|crypto|url|util|stream|http|https|net|worker_threads|zlib|events|readline|process|buffer|module|vm'
const msg = (room, what) => `${room} must not import ${what} (see ARCHITECTURE.md, "The rooms").`

/**
 * Patterns are regular expressions on the import specifier, so `electron` (the package) is not
 * confused with `../../electron/shared/…` (our folder).
 * @param {string} room @param {{ node?: boolean, electron?: boolean, react?: boolean, dom?: boolean, rooms?: string[] }} ban
 */
function restrict(room, ban) {
  const patterns = []
  if (ban.node) patterns.push({ regex: `^(node:|(${NODE_BUILTINS})(/|$))`, message: msg(room, 'Node built-ins') })
  if (ban.electron) patterns.push({ regex: '^(electron|@electron/.*)$|^electron/', message: msg(room, 'Electron') })
  if (ban.react) patterns.push({ regex: '^react(-dom)?(/|$)', message: msg(room, 'React') })
  if (ban.dom) patterns.push({ regex: '^(jsdom|dompurify)(/|$)', message: msg(room, 'DOM libraries (inject them)') })
  if (ban.rooms?.length) {
    const rooms = ban.rooms.join('|')
    patterns.push({ regex: `^(\\.\\./)+(.*/)?(${rooms})(/|$)`, message: msg(room, `code from ${ban.rooms.join(', ')}`) })
  }
  return { 'no-restricted-imports': ['error', { patterns }] }
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'e2e/.artifacts/**', 'electron/cli/bin.mjs', 'e2e/lint-fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx,mjs}'],
    languageOptions: { parserOptions: { ecmaVersion: 2023, sourceType: 'module' } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.object.name=/^(describe|it|test)$/][callee.property.name='only']", message: 'Focused tests hide the rest of the suite.' }],
    },
  },
  { files: ['electron/shared/**/*.ts'], ignores: ['electron/shared/**/*.test.ts'],
    rules: restrict('electron/shared', { node: true, electron: true, react: true, dom: true, rooms: ['services', 'main', 'preload', 'cli', 'renderer'] }) },
  { files: ['electron/services/**/*.ts', 'electron/cli/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: restrict('electron/services', { electron: true, react: true, rooms: ['main', 'preload', 'renderer'] }) },
  { files: ['electron/main/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: restrict('electron/main', { react: true, rooms: ['preload', 'renderer', 'cli'] }) },
  { files: ['electron/preload/**/*.ts'],
    rules: restrict('electron/preload', { node: true, react: true, dom: true, rooms: ['services', 'main', 'cli', 'renderer'] }) },
  { files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...restrict('renderer', { node: true, electron: true, rooms: ['services', 'main', 'preload', 'cli'] }),
      'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' } },
  { files: ['e2e/**/*.ts', 'build/scripts/**/*.ts', '*.config.ts', '*.config.mjs'], languageOptions: { globals: globals.node } },
)
