/**
 * The boundaries between the workspace's packages (ARCHITECTURE.md, "Boundaries") as ESLint
 * configuration, so `pnpm lint` fails on a crossing. `scripts/lint-boundaries.test.ts` proves each
 * rule with a fixture.
 *
 * ESLint replaces a rule's options when a later config object matches the same file, it does not
 * merge them; so every area below is one config object carrying the common patterns plus its own.
 */

const scope = '@prozesswerkstatt';

/** Deep imports and relative paths into another package skip its entry points. */
const commonPatterns = [
  {
    regex: `^${scope}/[^/]+/(src|dist)(/|$)`,
    message: 'Import a package through its entry point or a subpath its package.json exports.',
  },
  {
    regex: '^(\\.\\./)+(packages/)?[a-z][a-z0-9-]*/(src|dist)/',
    message:
      "Relative paths into another package's src/ or dist/ skip its entry points; import the package by name (export what is needed, e.g. a ./testing subpath).",
  },
];

/** A pattern that forbids importing `packages` (by name, with any subpath) from `area`. */
function forbidPackages(area, packages, why) {
  return {
    regex: `^${scope}/(${packages.join('|')})(/|$)`,
    message: `${area} imports no ${packages.join(', ')} code: ${why}`,
  };
}

/** Config for the files of one area: the common patterns plus the area's own. */
function area(files, patterns = []) {
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: [...commonPatterns, ...patterns] }],
    },
  };
}

const code = '**/*.{js,mjs,cjs,ts,svelte}';

/** The table of storage's document log (also as `table.column`): only storage reads or writes it. */
const documentTables = '\\bdocument_updates\\b';

/** The app names storage's document log nowhere, neither in a string nor in SQL text. */
const documentLogRule = ['Literal[value', 'TemplateElement[value.raw'].map((node) => ({
  selector: `${node}=/${documentTables}/]`,
  message: "The document log is storage's: read it through storage's API (DocumentStorage).",
}));

/** Query-builder calls that write. */
const writeCalls = '^(insertInto|updateTable|deleteFrom|replaceInto|mergeInto)$';

export const boundaries = [
  area([code]),
  area(
    ['packages/plan-model/**'],
    [
      forbidPackages(
        'plan-model',
        ['storage', 'plan-export', 'collab-server', 'app'],
        'it is the plan and nothing else; everyone builds on it.',
      ),
    ],
  ),
  area(
    ['packages/storage/**'],
    [
      forbidPackages(
        'storage',
        ['collab-server', 'app'],
        'it serves both and must not know either.',
      ),
    ],
  ),
  area(
    ['packages/plan-export/**'],
    [
      forbidPackages(
        'plan-export',
        ['storage', 'collab-server', 'app'],
        'it turns a plan given by the caller into documents; the caller reads it.',
      ),
    ],
  ),
  area(
    ['packages/contract/**'],
    [
      forbidPackages(
        'contract',
        ['plan-model', 'storage', 'plan-export', 'theme-suggestions', 'collab-server', 'app'],
        'app, collab-server and storage build on it, so it builds on none of them.',
      ),
    ],
  ),
  area(
    ['packages/method-library/**'],
    [
      forbidPackages(
        'method-library',
        ['storage', 'plan-export', 'theme-suggestions', 'collab-server', 'app'],
        'it is data and pure functions; storage and the app build on it.',
      ),
    ],
  ),
  area(
    ['packages/guideline-check/**'],
    [
      forbidPackages(
        'guideline-check',
        ['storage', 'plan-export', 'theme-suggestions', 'collab-server', 'app'],
        "it is pure rules over the plan's JSON; plan-export and the app build on it.",
      ),
    ],
  ),
  area(
    ['packages/theme-suggestions/**'],
    [
      forbidPackages(
        'theme-suggestions',
        ['plan-model', 'storage', 'plan-export', 'collab-server', 'app'],
        'it is pure text analysis over what the caller passes in.',
      ),
    ],
  ),
  area(
    ['collab-server/**'],
    [forbidPackages('collab-server', ['app'], 'the app talks to it over HTTP, not by import.')],
  ),
  area(
    ['app/**'],
    [
      forbidPackages(
        'app',
        ['collab-server'],
        'the app talks to it over HTTP (lib/server/collab-internal.ts).',
      ),
    ],
  ),
  {
    // The app reaches document data only through storage's API (e.g. `lastUpdatedAt`).
    files: ['app/**'],
    rules: {
      'no-restricted-syntax': ['error', ...documentLogRule],
    },
  },
  {
    // A GET load only reads: no write through the query builder inside `load`.
    files: ['app/src/routes/**/+page.server.ts', 'app/src/routes/**/+layout.server.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...documentLogRule,
        ...['VariableDeclarator[id.name="load"]', 'FunctionDeclaration[id.name="load"]'].map(
          (load) => ({
            selector: `${load} CallExpression[callee.property.name=/${writeCalls}/]`,
            message: 'A load answers a GET and must not write; write in an action or endpoint.',
          }),
        ),
      ],
    },
  },
];
