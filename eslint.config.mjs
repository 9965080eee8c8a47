// Lint is where the dependency rule lives: each folder's runtime is checked here, not in a README.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import globals from 'globals';

const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const dbModules = ['better-sqlite3', 'drizzle-orm/better-sqlite3', 'drizzle-orm/better-sqlite3/*', 'ws'];
const uiModules = ['react', 'react-dom', 'react-dom/*', 'react-leaflet', 'leaflet', 'zustand', 'zustand/*'];

// shared/ imports nothing outside shared/; its testing/ folder is for tests only.
const sharedPatterns = [
  { group: ['../main/*', '../server/*', '../renderer/*', '../preload/*', '../platform/*', '**/main/**', '**/server/**', '**/renderer/**', '**/platform/**'], message: 'shared/ imports nothing outside shared/.' },
];

// platform/ is the Node edge every Node process shares (the logger): main/, server/, simulator/
// and bench/ may import it; the pure and the browser-side folders may not.
const noPlatform = { group: ['**/platform/**'], message: 'platform/ is for Node processes (main/, server/, simulator/, bench/), not for this folder.' };

const rendererPaths = ['electron', ...nodeModules, ...dbModules, 'drizzle-orm'];
const rendererPatterns = [
  { group: ['**/main/**', '**/server/**', '**/preload/**'], message: 'The renderer talks to main only through the typed API.' },
  noPlatform,
];

// A feature reaches another only through its store (state, actions, selectors).
const featureThroughStore = {
  regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!store$).+',
  message: 'Import another feature only through its store.ts; shared pieces go in renderer/src/ui or renderer/src/i18n.',
};

const restrict = (paths, patterns = []) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: paths.map((name) => ({ name, message: 'This folder may not import that module (see README: dependency rule).' })),
      patterns,
    },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'data/**', '**/migrations/**', 'test-results/**', 'playwright-report/**', '.stryker-tmp/**', 'reports/**'] },
  js.configs.recommended,
  { files: ['**/*.mjs', '**/*.cjs'], languageOptions: { globals: globals.node } },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only main/electron-shell.ts and preload/ may import electron.' }] },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      ...restrict(['electron', ...nodeModules, ...dbModules, ...uiModules, 'drizzle-orm', 'drizzle-orm/sqlite-core'], sharedPatterns),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    // drizzle's declarations are pure; only shared/schema may use them (and drizzle-orm's column
    // helpers for the row codec). Everything else of the shared rule still holds there.
    files: ['shared/schema/**/*.ts'],
    rules: restrict(['electron', ...nodeModules, ...dbModules, ...uiModules], sharedPatterns),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: restrict(rendererPaths, rendererPatterns),
  },
  {
    // A feature reaches another only through its store (state, actions, selectors); pieces
    // several features show live in renderer/src/ui, words in renderer/src/i18n.
    files: ['renderer/src/features/**/*.{ts,tsx}'],
    rules: restrict(rendererPaths, [
      ...rendererPatterns,
      featureThroughStore,
    ]),
  },
  {
    // Components only select and call store actions: the API accessor is for stores.
    files: ['renderer/src/features/**/*.tsx'],
    ignores: ['renderer/src/features/**/*.test.tsx'],
    rules: restrict(rendererPaths, [
      ...rendererPatterns,
      featureThroughStore,
      { group: ['**/api/client'], importNames: ['api'], message: "Components never call api(): put the call in the feature's store as an action and select its state." },
    ]),
  },
  {
    // Renderer state lives in a store (or a component's hook), never at module scope: a timer,
    // counter or cache there is shared by every store instance and test, and no reset reaches it.
    // api/client.ts is the exception by design: the window's one API accessor (installApi
    // replaces it) and the browser host's socket state it reports.
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: ['renderer/src/**/*.test.{ts,tsx}', 'renderer/src/testing/**', 'renderer/src/api/client.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "Program > VariableDeclaration[kind=/^(let|var)$/], Program > ExportNamedDeclaration > VariableDeclaration[kind=/^(let|var)$/]",
          message: 'No mutable state at module scope in the renderer: keep it in the feature store (state or closure) or a hook.',
        },
        {
          // A ReadonlySet/ReadonlyMap constant is a lookup table, not state.
          selector: "Program > VariableDeclaration > VariableDeclarator:not([id.typeAnnotation.typeAnnotation.typeName.name=/^Readonly/]) > NewExpression.init[callee.name=/^(Map|Set|WeakMap|WeakSet)$/]",
          message: 'A module-level Map or Set is mutable state shared by every store and test: keep it in the feature store or a hook.',
        },
      ],
    },
  },
  {
    // The driver's phone page runs in a phone's browser: no Node, no console code, and no zod
    // (it imports the zod-free phone-contract, not the server's request schemas).
    files: ['phone/**/*.ts'],
    rules: restrict(['electron', 'zod', ...nodeModules, ...dbModules, ...uiModules, 'drizzle-orm'], [
      { group: ['**/main/**', '**/server/**', '**/preload/**', '**/renderer/**', '**/driver-wire'], message: 'The phone page imports only shared/ (and phone-contract, not driver-wire).' },
      noPlatform,
    ]),
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron-shell.ts'],
    rules: restrict(['electron'], [
      { group: ['**/server/**', '**/renderer/**'], message: 'main/ imports only shared/ and its own modules.' },
    ]),
  },
  {
    // main/api is the thin layer that validates a call and delegates: reads live in
    // main/db/queries (or the feature's folder), so no SQL, statement or drizzle query here.
    files: ['main/api/**/*.ts'],
    ignores: ['main/api/**/*.test.ts'],
    rules: {
      ...restrict(['electron', ...dbModules, 'drizzle-orm'], [
        { group: ['**/server/**', '**/renderer/**'], message: 'main/ imports only shared/ and its own modules.' },
        { group: ['**/shared/schema', '**/shared/schema/*'], message: 'main/api reads through main/db/queries, not the tables.' },
      ]),
      'no-restricted-syntax': [
        'error',
        ...['prepareRead', 'prepare', 'exec', 'pragma', 'select', 'selectDistinct', 'insert', '$count', '$with'].map((name) => ({
          selector: `CallExpression > MemberExpression.callee[property.name='${name}']`,
          message: `main/api does not query the database (.${name}): put the read in main/db/queries and call it.`,
        })),
        {
          selector: "MemberExpression[property.name='db']",
          message: 'main/api does not reach into the replica: put the read in main/db/queries and call it.',
        },
        {
          selector: 'Literal[value=/^\\s*(SELECT|INSERT|UPDATE|DELETE|WITH|PRAGMA)\\s/i], TemplateElement[value.raw=/^\\s*(SELECT|INSERT|UPDATE|DELETE|WITH|PRAGMA)\\s/i]',
          message: 'No SQL in main/api: put it in main/db/queries.',
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: restrict(['electron'], [
      { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'server/ imports only shared/ and its own modules.' },
    ]),
  },
  {
    // The simulator stands in for drivers' phones and courier services: it only speaks the wire.
    files: ['simulator/**/*.ts'],
    rules: restrict(['electron'], [
      { group: ['**/main/**', '**/server/**', '**/renderer/**', '**/preload/**'], message: 'simulator/ imports only shared/.' },
    ]),
  },
  {
    // The Node edge main/ and server/ share imports only shared/ (and Node and its libraries).
    files: ['platform/**/*.ts'],
    rules: restrict(['electron'], [
      { group: ['**/main/**', '**/server/**', '**/renderer/**', '**/preload/**', '**/simulator/**'], message: 'platform/ imports only shared/.' },
    ]),
  },
  {
    files: ['main/electron-shell.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The sandboxed preload may import electron (it is the bridge) but no Node-side code.
    files: ['preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noPlatform] }] },
  },
);
