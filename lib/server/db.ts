import 'server-only';
/**
 * The one Prisma client of the app. DATABASE_URL chooses the engine (see lib/db-url.ts):
 * SQLite (default, a file under data/) opened in WAL mode with a busy timeout so concurrent
 * requests wait instead of failing with "database is locked"; or PostgreSQL through node-postgres.
 */
import { PrismaClient as SqliteClient } from '@/lib/generated/sqlite/client';
import { PrismaClient as PostgresClient } from '@/lib/generated/postgres/client';
import { databaseKind, resolveDatabaseUrl } from '@/lib/db-url';
import { openSqliteAdapter } from './sqlite-adapter';

/** Both generated clients come from identical schemas; the SQLite one's type stands for both. */
export type Db = SqliteClient;

function createClient(): Db {
  const url = resolveDatabaseUrl(process.env.DATABASE_URL);
  if (databaseKind(url) === 'postgres') {
    // Loaded lazily so a SQLite deployment never needs pg at run time.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { PrismaPg } = require('@prisma/adapter-pg') as typeof import('@prisma/adapter-pg');
    const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
    // Same models, same methods: the two generated clients differ only in their provider.
    return client as unknown as Db;
  }
  return new SqliteClient({ adapter: openSqliteAdapter(url) });
}

/** The engine behind `db`, for the rare query whose SQL differs between them. */
export const dbKind = databaseKind(resolveDatabaseUrl(process.env.DATABASE_URL));

/**
 * SQL for the rare raw query: `expr` of every row joined by `separator` into one text value
 * (string_agg on PostgreSQL, group_concat on SQLite), and the engine's mark for parameter `n`
 * (1-based; SQLite's ? is positional, so a value used twice is passed twice there).
 */
export const rawSql = {
  joined: (expr: string, separator: string) =>
    dbKind === 'postgres' ? `string_agg(${expr}, '${separator}')` : `group_concat(${expr}, '${separator}')`,
  param: (n: number) => (dbKind === 'postgres' ? `$${n}` : '?'),
};

const globalForDb = globalThis as unknown as { netprepDb?: Db };

export const db: Db = globalForDb.netprepDb ?? createClient();
if (process.env.NODE_ENV !== 'production') globalForDb.netprepDb = db;
