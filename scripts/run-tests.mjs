#!/usr/bin/env node
// npm test        lint, typecheck, unit + component tests, integration tests on a real SQLite file,
//                 end-to-end tests in Debian's Chromium against the built app on SQLite.
// npm run test:pg integration and end-to-end tests against PostgreSQL (DATABASE_URL, or the local
//                 PostgreSQL 15 cluster, started if needed).
// Ends with one line "N passed, N failed" over every runner.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureNextEnv, generateClients } from './setup.mjs';
import { buildIfNeeded } from './build.mjs';
import { ensureChromium } from './chromium.mjs';
import { ensurePostgres, resetPostgres } from './postgres.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const results = path.join(root, 'test-results');
const pg = process.argv.includes('--pg');
const tally = { passed: 0, failed: 0, flaky: 0 };
const started = Date.now();

function step(title, cmd, args, env = {}) {
  const t0 = Date.now();
  console.log(`\n━━ ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`   (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return r.status === 0;
}

function finish(ok) {
  const secs = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`\nnetprep ${pg ? 'test:pg' : 'test'}: ${ok ? 'all green' : 'FAILED'} in ${secs} s`);
  if (tally.flaky > 0) console.log(`(${tally.flaky} end-to-end test${tally.flaky === 1 ? '' : 's'} passed only on a retry: Playwright's report above names them)`);
  console.log(`${tally.passed} passed, ${tally.failed} failed`);
  process.exit(ok && tally.failed === 0 ? 0 : 1);
}

function countJest(file) {
  try {
    const j = JSON.parse(fs.readFileSync(file, 'utf8'));
    tally.passed += j.numPassedTests;
    tally.failed += j.numFailedTests + (j.numRuntimeErrorTestSuites ?? 0);
  } catch {
    tally.failed += 1;
  }
}

function countPlaywright(file) {
  try {
    const j = JSON.parse(fs.readFileSync(file, 'utf8'));
    tally.passed += j.stats.expected + j.stats.flaky;
    tally.flaky += j.stats.flaky;
    tally.failed += j.stats.unexpected;
    if (j.stats.skipped) tally.failed += j.stats.skipped; // a skipped test counts against us
  } catch {
    tally.failed += 1;
  }
}

function freshSqlite(name) {
  const file = path.join(root, 'data', `${name}.db`);
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
  return `file:${file}`;
}

function migrateTo(url) {
  if (!url.startsWith('file:')) resetPostgres(url);
  return step(`migrate ${url.startsWith('file:') ? path.relative(root, url.slice(5)) : 'PostgreSQL'}`, bin('prisma'), ['migrate', 'deploy'], { DATABASE_URL: url });
}

function jest(title, config, url, out, { tz = 'UTC', paths = [] } = {}) {
  const ok = step(title, bin('jest'), ['-c', config, '--ci', '--json', `--outputFile=${out}`, ...paths], { DATABASE_URL: url, TZ: tz });
  countJest(out);
  return ok;
}

function e2e(url) {
  const out = path.join(results, `playwright${pg ? '-pg' : ''}.json`);
  const ok = step('end-to-end tests (Playwright + Chromium)', bin('playwright'), ['test'], {
    DATABASE_URL: url,
    PLAYWRIGHT_JSON_OUTPUT_NAME: out,
  });
  countPlaywright(out);
  return ok;
}

fs.mkdirSync(results, { recursive: true });
fs.mkdirSync(path.join(root, 'data'), { recursive: true });
process.env.CHROMIUM_PATH = ensureChromium();
ensureNextEnv();
generateClients();

let ok = true;
if (!pg) {
  ok = step('lint (eslint)', bin('eslint'), ['.', '--max-warnings=0']) && ok;
  ok = step('typecheck (tsc --noEmit)', bin('tsc'), ['--noEmit', '-p', '.']) && ok;
  ok = jest('unit and component tests (jest)', 'jest.config.mjs', freshSqlite('test-unit'), path.join(results, 'jest-unit.json')) && ok;
  // The scheduling core again with the process in a non-UTC zone: days, streaks and quiz
  // composition must depend on the user's zone only, never on the server's.
  ok = jest('daily-practice core under TZ=Pacific/Auckland', 'jest.config.mjs', freshSqlite('test-unit'), path.join(results, 'jest-unit-tz.json'), {
    tz: 'Pacific/Auckland',
    paths: ['lib/practice'],
  }) && ok;
  const intUrl = freshSqlite('test-integration');
  ok = (migrateTo(intUrl) && jest('integration tests on SQLite', 'jest.integration.config.mjs', intUrl, path.join(results, 'jest-integration.json'))) && ok;
  buildIfNeeded();
  const e2eUrl = freshSqlite('test-e2e');
  ok = (migrateTo(e2eUrl) && e2e(e2eUrl)) && ok;
} else {
  const base = ensurePostgres();
  const given = base !== 'postgresql://netprep:netprep@127.0.0.1:5432/netprep_test';
  const intUrl = base;
  const e2eUrl = given ? base : base.replace(/netprep_test$/, 'netprep_e2e');
  ok = (migrateTo(intUrl) && jest('integration tests on PostgreSQL', 'jest.integration.config.mjs', intUrl, path.join(results, 'jest-integration-pg.json'))) && ok;
  buildIfNeeded();
  ok = (migrateTo(e2eUrl) && e2e(e2eUrl)) && ok;
}
finish(ok);
