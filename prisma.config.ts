/**
 * Prisma CLI configuration. DATABASE_URL picks the engine: `file:…` (or unset) → SQLite schema and
 * migrations under prisma/sqlite; `postgres://…` / `postgresql://…` → prisma/postgres.
 * The CLI runs Prisma's JavaScript schema engine through a driver adapter, so no native engine
 * binary is ever downloaded (see ../shared/STACK.md).
 */
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { databaseKind, resolveDatabaseUrl } from './lib/db-url';
import { cliPostgresAdapter } from './prisma/cli-pg-adapter';

const url = resolveDatabaseUrl(process.env.DATABASE_URL);
process.env.DATABASE_URL = url;
const kind = databaseKind(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', kind, 'schema.prisma'),
  migrations: { path: path.join('prisma', kind, 'migrations') },
  async adapter() {
    if (kind === 'postgres') return cliPostgresAdapter(url);
    const { PrismaBetterSQLite3 } = await import('@prisma/adapter-better-sqlite3');
    return new PrismaBetterSQLite3({ url });
  },
});
