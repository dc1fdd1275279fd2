// jest: unit and component tests (lib/, app/, tests/unit) and integration tests against a real
// SQLite or PostgreSQL database (tests/integration). End-to-end tests run under Playwright.
import nextJest from 'next/jest.js';

const createJestConfig = nextJest({ dir: './' });

// ESM-only packages (react-markdown and its unified/remark/rehype family) must be transformed.
const esm = [
  'react-markdown', 'remark-[^/]+', 'rehype-[^/]+', 'micromark[^/]*', 'mdast-util-[^/]+', 'unist-[^/]+',
  'hast-util-[^/]+', 'hast-to-hyperscript', 'hastscript', 'vfile[^/]*', 'unified', 'bail', 'is-plain-obj',
  'trough', 'decode-named-character-reference', 'character-entities[^/]*', 'property-information',
  'space-separated-tokens', 'comma-separated-tokens', 'html-url-attributes', 'devlop', 'ccount',
  'escape-string-regexp', 'markdown-table', 'longest-streak', 'zwitch', 'trim-lines', 'estree-util-[^/]+',
  'web-namespaces', 'html-void-elements', 'stringify-entities', 'lowlight', 'highlight.js', 'katex',
  'github-slugger', 'parse-entities', 'is-[^/]+', 'direction', 'bcp-47-match', 'css-selector-parser',
  'nth-check', 'boolbase', 'not', 'hast', 'unist',
];

const base = {
  testEnvironment: 'node',
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/$1',
    '^server-only$': '<rootDir>/tests/support/empty-module.js',
    '\\.(css)$': '<rootDir>/tests/support/empty-module.js',
  },
  // Only *.test.ts(x) files: Jest's default pattern would also take scripts/run-tests.mjs.
  testMatch: ['<rootDir>/{lib,app,tests}/**/*.test.{ts,tsx}'],
  testPathIgnorePatterns: ['/node_modules/', '/.next/', '/tests/e2e/', '/tests/integration/'],
  setupFilesAfterEnv: ['<rootDir>/tests/support/jest-setup.ts'],
};

export default async function config() {
  const made = await createJestConfig(base)();
  const esmPattern = `/node_modules/(?!(?:${esm.join('|')})/)`;
  made.transformIgnorePatterns = [esmPattern, ...(made.transformIgnorePatterns ?? []).filter((p) => !p.includes('/node_modules/'))];
  return made;
}
