import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['node_modules/**', '.next/**', 'lib/generated/**', 'data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Randomness is an input: derive it from a stored seed (lib/questions/rng).' },
      ],
    },
  },
  {
    // The pure core: no clock, no I/O, no framework.
    files: ['lib/calc/**/*.ts', 'lib/questions/**/*.ts', 'lib/practice/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['next', 'next/*', 'react', 'react-dom', '@prisma/*', 'node:*', 'fs', 'path', '@/lib/server/*', '@/lib/generated/*'] },
      ],
      'no-restricted-globals': ['error', 'fetch', 'process'],
      'no-restricted-syntax': ['error', { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'The core takes time as an input.' }],
    },
  },
];

export default config;
