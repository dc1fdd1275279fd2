#!/usr/bin/env node
// netprep set-up, idempotent: generate both Prisma clients if missing, create the data folder and
// apply pending migrations to the database DATABASE_URL names (default: the SQLite file
// data/netprep.db). Used by `npm start`, `npm test` and CI.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

export function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`\n✖ ${path.basename(cmd)} ${args.join(' ')} failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status ?? 1);
  }
}

export function generateClients({ force = false } = {}) {
  for (const kind of ['sqlite', 'postgres']) {
    const out = path.join(root, 'lib', 'generated', kind, 'client.ts');
    const schema = path.join(root, 'prisma', kind, 'schema.prisma');
    if (!force && fs.existsSync(out) && fs.statSync(out).mtimeMs >= fs.statSync(schema).mtimeMs) continue;
    // generate never connects; a placeholder URL of the right kind keeps prisma.config.ts happy.
    const url = kind === 'sqlite' ? undefined : 'postgresql://generate@localhost/generate';
    run(bin('prisma'), ['generate', '--schema', schema], url ? { DATABASE_URL: url } : {});
  }
}

/** next-env.d.ts is Next's to write (it points into .next/); start from the plain form on a fresh clone. */
export function ensureNextEnv() {
  const file = path.join(root, 'next-env.d.ts');
  if (!fs.existsSync(file))
    fs.writeFileSync(file, '/// <reference types="next" />\n/// <reference types="next/image-types/global" />\n\n// NOTE: This file should not be edited\n');
}

export function migrate() {
  fs.mkdirSync(path.join(root, 'data'), { recursive: true });
  run(bin('prisma'), ['migrate', 'deploy']);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureNextEnv();
  generateClients({ force: process.argv.includes('--force') });
  if (!process.argv.includes('--generate-only')) migrate();
}
