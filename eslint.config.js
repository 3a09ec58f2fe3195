// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The dependency chain, left to right: a library imports only libraries to its
 * right, and only through their public face (`#libs/<name>`, i.e. index.ts).
 * `platform` wires every domain into the processes; apps and tools sit above it.
 */
export const CHAIN = [
  'platform',
  'reporting',
  'events',
  'matching',
  'search',
  'catalog',
  'identity',
  'directory',
  'core',
];

const APPS = ['api', 'worker', 'cli'];

/** Imports of libraries that are not to the right in the chain (a regex: '#' starts a comment in globs). */
const libImports = (allowed) => {
  const forbidden = CHAIN.filter((lib) => !allowed.includes(lib));
  if (forbidden.length === 0) return [];
  return [
    {
      regex: `^#libs/(${forbidden.join('|')})(/.*)?$`,
      message: `Only libraries to the right in the chain may be imported (${CHAIN.join(' → ')}).`,
    },
  ];
};

/** No reaching into another library's or app's files: only `#libs/<name>`. */
const noDeepImports = {
  regex: String.raw`^(#libs/[^/]+/.+|(\.\./)+(libs|apps|tools)/.*|(\.\./){2,}[a-z-]+/src/.*)$`,
  message: "Import another library through its public face ('#libs/<name>'), never its files or an app's.",
};

function boundaries(files, allowed) {
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: [noDeepImports, ...libImports(allowed)] }],
    },
  };
}

const libBoundaries = CHAIN.map((lib, index) => boundaries([`libs/${lib}/**/*.ts`], CHAIN.slice(index + 1)));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', 'apps/web/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Nest injects by constructor parameter types; classes full of decorators are its idiom
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // command-line programs talk to the terminal
    files: ['apps/cli/**/*.ts', 'tools/**/*.ts', 'test/**/*.{ts,mjs}'],
    rules: { 'no-console': 'off' },
  },
  ...libBoundaries,
  ...APPS.map((app) => boundaries([`apps/${app}/**/*.ts`], CHAIN)),
  boundaries(['tools/**/*.ts'], CHAIN),
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', 'max-lines': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
