#!/usr/bin/env node
// npm run db:migration -- <name>
// After editing BOTH prisma/sqlite/schema.prisma and prisma/postgres/schema.prisma identically,
// write the migration for each provider: the SQL difference between the schemas at git HEAD and
// the working tree. No shadow database and no engine download; Prisma's JS engine does open a
// connection through the adapter, so the PostgreSQL diff uses the local cluster (started if down,
// see scripts/postgres.mjs) or DATABASE_URL when it names a PostgreSQL database. Nothing is written to it.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensurePostgres } from './postgres.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:migration -- <name>   (lowercase letters, digits and _)');
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'netprep-migration-'));
for (const [kind, url] of [['sqlite', 'file:/tmp/netprep-migration.db'], ['postgres', ensurePostgres()]]) {
  const schema = `prisma/${kind}/schema.prisma`;
  const before = path.join(tmp, `${kind}.prisma`);
  fs.writeFileSync(before, execFileSync('git', ['show', `HEAD:${schema}`], { cwd: root }));
  const r = spawnSync(path.join(root, 'node_modules/.bin/prisma'), ['migrate', 'diff', '--from-schema-datamodel', before, '--to-schema-datamodel', schema, '--script'], {
    cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_URL: url },
  });
  if (r.status !== 0) {
    console.error(r.stderr);
    process.exit(1);
  }
  if (/This is an empty migration/.test(r.stdout)) {
    console.log(`${kind}: no change`);
    continue;
  }
  const dir = path.join(root, 'prisma', kind, 'migrations', `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'migration.sql'), r.stdout);
  console.log(`${kind}: wrote ${path.relative(root, dir)}/migration.sql`);
}
